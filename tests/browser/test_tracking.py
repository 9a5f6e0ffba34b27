"""Following a report in real Chromium with axe-core: the lookup question, the report page in
several statuses, error states, and the whole journey with the keyboard alone."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.models import Status
from gesi_app.reports.service import report_by_code
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_reporter_key import prove

pytestmark = pytest.mark.browser
S = Status
LAYOUTS = [Mode(width=320), Mode(text_zoom=200)]


def new_report(server: LiveServer, status: Status) -> tuple[str, str]:
    """A report sent with a name, in ``status``: its tracking code and PIN."""
    submitted = factories.create_report(server.database_url)
    report = submitted.report
    if status in (S.DITINDAKLANJUTI, S.SELESAI):
        factories.answer_report(
            server.database_url, report.id, "Jalan sudah kami tambal.\nTerima kasih."
        )
    if status is S.SELESAI:
        factories.move_report(server.database_url, report.id, S.SELESAI)
    if status is S.DITUNDA:
        factories.move_report(server.database_url, report.id, S.DITUNDA, reason="Menunggu dana")
    return report.tracking_code, submitted.pin


def report_in(driver: WebDriver, server: LiveServer, status: Status) -> str:
    """A report in ``status`` whose reporter this browser proved to be; its tracking code."""
    code, pin = new_report(server, status)
    prove(driver, server, code, pin)
    return code


def test_the_lookup_question(driver: WebDriver, live_server: LiveServer) -> None:
    harness.check_page_languages(driver, live_server.url("/track"))
    for mode in LAYOUTS:
        harness.check_page(
            driver, live_server.url("/track"), width=mode.width, text_zoom=mode.text_zoom
        )


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False), *LAYOUTS], ids=str)
def test_the_lookup_question_with_errors(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/track", lang="en"))
        driver.find_element(By.ID, "pin").send_keys("12")
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        summary = harness.wait_for(driver, ".error-summary")
        assert keyboard.active(driver) == summary, "the error summary did not take focus"
        links = summary.find_elements(By.CSS_SELECTOR, ".error-summary-list a")
        assert [a.get_attribute("hash") for a in links] == ["#code", "#pin"]
        assert driver.title.startswith("Error:")
        assert driver.find_element(By.ID, "pin").get_attribute("value") == "12"
        harness.check_current_page(driver, mode)


@pytest.mark.parametrize("status", [S.DITERIMA, S.DITINDAKLANJUTI, S.SELESAI, S.DITUNDA])
def test_the_report_page(driver: WebDriver, live_server: LiveServer, status: Status) -> None:
    code = report_in(driver, live_server, status)
    url = live_server.url(f"/track/{code}")
    harness.check_page_languages(driver, url)
    for mode in LAYOUTS:
        harness.check_page(driver, url, width=mode.width, text_zoom=mode.text_zoom)


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False), *LAYOUTS], ids=str)
def test_reply_and_rating_errors(driver: WebDriver, live_server: LiveServer, mode: Mode) -> None:
    code = report_in(driver, live_server, S.DITINDAKLANJUTI)
    with harness.mode_applied(driver, mode):
        for form, fields in (("reply", ["#reply"]), ("rating", ["#score"])):
            driver.get(live_server.url(f"/track/{code}", lang="id"))
            driver.find_element(
                By.CSS_SELECTOR, f"form[action$='/{form}'] button[type=submit]"
            ).click()
            summary = harness.wait_for(driver, ".error-summary")
            links = summary.find_elements(By.CSS_SELECTOR, ".error-summary-list a")
            assert [a.get_attribute("hash") for a in links] == fields
            assert driver.title.startswith("Kesalahan:")
            harness.check_current_page(driver, mode)
            if not mode.js:
                harness.apply_mode(driver, mode)


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=str)
def test_look_up_reply_and_rate_with_the_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    code, pin = new_report(live_server, S.DITINDAKLANJUTI)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/track", lang="en"))
        field = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "code", max_tabs=12)
        keyboard.assert_focus_visible(driver)
        field.send_keys(code.lower().replace("-", " "))
        field = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "pin", max_tabs=4)
        keyboard.assert_focus_visible(driver)
        field.send_keys(pin)
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for_url(driver, f"/track/{code}")
        assert driver.find_element(By.CSS_SELECTOR, "strong.tag").text == "Answered"

        reply = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "reply", max_tabs=30)
        reply.send_keys("The hole is still there.")
        keyboard.tab_to(driver, lambda e: e.get_attribute("type") == "submit", max_tabs=6)
        keyboard.press(driver, Keys.ENTER)
        notice = harness.wait_for(driver, ".notice-success[role=alert]")
        assert "Your reply is sent" in notice.text
        assert driver.find_element(By.CSS_SELECTOR, "strong.tag").text == "Verified"

        # Reopened, the answer can still be rated: by the radios, with arrow keys.
        factories.answer_report(live_server.database_url, _report_id(live_server, code), "Done.")
        driver.get(live_server.url(f"/track/{code}"))
        keyboard.tab_to(driver, lambda e: e.get_attribute("name") == "score", max_tabs=40)
        keyboard.press(driver, Keys.ARROW_DOWN, times=3)
        keyboard.press(driver, Keys.SPACE)
        assert keyboard.active(driver).get_attribute("value") == "4"
        keyboard.tab_to(driver, lambda e: e.get_attribute("type") == "submit", max_tabs=8)
        keyboard.press(driver, Keys.ENTER)
        notice = harness.wait_for(driver, ".notice-success[role=alert]")
        assert "Thank you for your rating" in notice.text
        assert "You rated the answer: 4 – Good." in driver.page_source
        harness.check_current_page(driver, mode)


def _report_id(server: LiveServer, code: str) -> int:
    async def find(session: AsyncSession) -> int:
        report = await report_by_code(session, code)
        assert report is not None
        return report.id

    report_id: int = factories.run(server.database_url, find)
    return report_id
