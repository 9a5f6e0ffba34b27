"""Public reports in real Chromium with axe-core: the list (filled, filtered, empty, paged),
a report's page, and support with the keyboard alone, with JavaScript on and off."""

from __future__ import annotations

import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser
LAYOUTS = [Mode(width=320), Mode(text_zoom=200)]


def public_report(server: LiveServer, **overrides: object) -> tuple[int, str]:
    """A report staff verified, so public."""
    report = factories.run(
        server.database_url, lambda s: factories.add_published_report(s, **overrides)
    ).report
    return report.id, report.tracking_code


def many_reports(server: LiveServer, n: int) -> str:
    """``n`` public reports sharing a made-up word; the word, to search for them."""
    word = "kt" + uuid.uuid4().hex[:6]
    for i in range(n):
        public_report(server, title=f"Trotoar rusak {word} {i}", region_code="36.03.18.2002")
    return word


def test_the_list_filled_filtered_and_paged(driver: WebDriver, live_server: LiveServer) -> None:
    word = many_reports(live_server, 21)
    public_report(live_server, title="Tanpa nama", anonim=True, region_code=None)
    for url in (
        live_server.url("/reports"),
        live_server.url("/reports", q=word, area="36.03.18", type="pengaduan", topic="jalan"),
        live_server.url("/reports", q=word),
        live_server.url("/reports", q=word, page="2"),
        live_server.url("/reports", q="zq" + word[2:6]),
    ):
        harness.check_page_languages(driver, url)
        for mode in LAYOUTS:
            harness.check_page(driver, url, width=mode.width, text_zoom=mode.text_zoom)


def test_the_report_page(driver: WebDriver, live_server: LiveServer) -> None:
    report_id, code = public_report(
        live_server, description="Baris satu.\nBaris dua.", landmark="Dekat masjid"
    )
    factories.answer_report(live_server.database_url, report_id, "Kami cek besok.\nTerima kasih.")
    url = live_server.url(f"/reports/{code}")
    harness.check_page_languages(driver, url)
    for mode in LAYOUTS:
        harness.check_page(driver, url, width=mode.width, text_zoom=mode.text_zoom)


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=str)
def test_support_with_the_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    _, code = public_report(live_server, title="Lampu jalan mati")
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url(f"/reports/{code}", lang="en"))
        assert "No one supports this report yet." in driver.page_source
        keyboard.tab_to(
            driver,
            lambda e: e.tag_name == "button" and e.text == "Support this report",
            max_tabs=40,
        )
        keyboard.press(driver, Keys.ENTER)
        done = harness.wait_for(driver, ".support-done")
        assert done.text == "You support this report"
        assert "1 person supports this report." in driver.find_element(By.ID, "support").text
        assert not driver.find_elements(By.CSS_SELECTOR, "#support button")
        if mode.js:
            # htmx swapped the region: the focus moved to the new message, and the change
            # was announced in the status region; the page did not reload.
            assert keyboard.active(driver) == done
            keyboard.assert_focus_visible(driver)
            status = driver.find_element(By.ID, "live-status")
            assert status.text == "You support this report. 1 person supports this report."
            assert status.get_attribute("role") == "status"
        harness.check_current_page(driver, mode)
    # Reloading (or a second click from elsewhere) does not count twice.
    driver.get(live_server.url(f"/reports/{code}"))
    assert "1 person supports this report." in driver.find_element(By.ID, "support").text


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=str)
def test_a_support_that_is_not_counted_says_why(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    _, code = public_report(live_server, title="Got mampet")
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url(f"/reports/{code}", lang="en"))
        assert "The number is a guide, not an exact count" in driver.page_source
        for _ in range(2):  # a second browser at the same address, the same day
            driver.delete_cookie("suara_supporter")
            driver.get(live_server.url(f"/reports/{code}", lang="en"))
            keyboard.tab_to(
                driver,
                lambda e: e.tag_name == "button" and e.text == "Support this report",
                max_tabs=40,
            )
            keyboard.press(driver, Keys.ENTER)
            harness.wait_for(driver, ".support-done, .support-not-counted")
        note = harness.wait_for(driver, ".support-not-counted")
        assert "Your support was not counted" in note.text
        assert "1 person supports this report." in driver.find_element(By.ID, "support").text
        if mode.js:
            assert keyboard.active(driver) == note
            status = driver.find_element(By.ID, "live-status")
            assert status.text.startswith("Your support was not counted")
        harness.check_current_page(driver, mode)
    harness.check_page_languages(driver, live_server.url(f"/reports/{code}", support="today"))


def test_filters_and_pages_with_htmx_keep_the_focus(
    driver: WebDriver, live_server: LiveServer
) -> None:
    word = many_reports(live_server, 21)
    driver.get(live_server.url("/reports", lang="en"))
    field = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "q", max_tabs=20)
    field.send_keys(word)
    Select(driver.find_element(By.ID, "area")).select_by_value("36.03.18")
    keyboard.tab_to(driver, lambda e: e.get_attribute("type") == "submit", max_tabs=12)
    keyboard.press(driver, Keys.ENTER)
    status = driver.find_element(By.ID, "live-status")
    WebDriverWait(driver, 10).until(lambda d: status.text == "21 reports")
    # The count went to the live region, not into the status filter (they once shared an id).
    assert len(Select(driver.find_element(By.ID, "status")).options) > 1
    assert keyboard.active(driver).tag_name == "button"
    assert f"q={word}" in driver.current_url and "area=36.03.18" in driver.current_url
    assert "Page 1 of 2" in driver.find_element(By.ID, "results").text

    next_link = keyboard.tab_to(driver, lambda e: e.text == "Next page", max_tabs=80)
    assert next_link.get_attribute("rel") == "next"
    keyboard.press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(
        lambda d: "Page 2 of 2" in d.find_element(By.ID, "results").text
    )
    # The link that had the focus is gone; the focus is on the new results heading.
    assert keyboard.active(driver).get_attribute("id") == "results-count"
    assert "page=2" in driver.current_url and f"q={word}" in driver.current_url
    harness.check_current_page(driver)
