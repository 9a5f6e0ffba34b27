"""The whole report journey with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys),
in Indonesian, with JavaScript off and on; the focus is seen at every stop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from tests.browser import harness, keyboard
from tests.browser import report_journey as rj
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser


def go_on(driver: WebDriver, label: str = "Lanjutkan", *, skip: bool = True) -> None:
    """Tab to the button called ``label``, press Enter on it, and on the next page use the
    skip link to jump past the header to the question."""
    keyboard.tab_to(driver, lambda e: e.tag_name == "button" and e.text.strip() == label)
    rj.submit_focused(driver)
    if skip:
        skip_to_main(driver)


def skip_to_main(driver: WebDriver) -> None:
    link = keyboard.tab_to(driver, lambda e: True, max_tabs=1)
    assert link.get_attribute("class") == "skip-link"
    keyboard.assert_in_viewport(driver, link)
    keyboard.press(driver, Keys.ENTER)
    assert keyboard.active(driver).get_attribute("id") == "main"


def choose(driver: WebDriver, name: str, value: str) -> None:
    """Tab into a radio group (focus lands on its first radio), then arrow keys or Space."""
    first = keyboard.tab_to(driver, lambda e: e.get_attribute("name") == name)
    values = [r.get_attribute("value") for r in driver.find_elements(By.NAME, name)]
    assert first.get_attribute("value") == values[0]
    index = values.index(value)
    if index == 0:
        keyboard.press(driver, Keys.SPACE)
    else:
        keyboard.press(driver, Keys.ARROW_DOWN, times=index)  # moves and chooses
    chosen = keyboard.active(driver)
    assert chosen.get_attribute("value") == value and chosen.is_selected()
    keyboard.assert_focus_visible(driver)


def type_into(driver: WebDriver, field_id: str, text: str) -> WebElement:
    field = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == field_id)
    keyboard.press(driver, text)
    return field


def answer_radios(driver: WebDriver, slug: str) -> None:
    rj.assert_on_step(driver, slug)
    ((name, value),) = rj.ANSWERS[slug].items()
    choose(driver, name, str(value))
    go_on(driver)


def error_summary_leads_to_the_field(driver: WebDriver, field_id: str) -> None:
    """Sent empty with Enter: the summary has focus, Tab reaches its link, Enter on it moves
    the focus to the field."""
    go_on(driver, skip=False)
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert keyboard.active(driver) == summary, "the error summary did not take focus"
    keyboard.assert_focus_visible(driver)
    link = keyboard.tab_to(driver, lambda e: e.tag_name == "a", max_tabs=1)
    assert link.get_attribute("hash") == f"#{field_id}"
    keyboard.press(driver, Keys.ENTER)
    assert keyboard.active(driver).get_attribute("id") == field_id
    keyboard.assert_focus_visible(driver)


@pytest.mark.parametrize("mode", [Mode(js=False), Mode(js=True)], ids=str)
def test_whole_journey_with_the_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    with rj.in_mode(driver, mode) as load:
        harness.apply_mode(driver, mode)  # scripts stay off (or on) for the whole journey
        driver.get(live_server.url("/report", lang="id"))
        start = keyboard.tab_to(driver, lambda e: e.text.strip() == "Mulai sekarang")
        assert start.tag_name == "a"
        rj.submit_focused(driver)
        skip_to_main(driver)

        for slug in ("type", "topic", "subtopic"):
            answer_radios(driver, slug)

        rj.assert_on_step(driver, "title")
        error_summary_leads_to_the_field(driver, "title")
        keyboard.press(driver, "Jalan berlubang di depan pasar")  # the focus is in the box
        go_on(driver)

        rj.assert_on_step(driver, "details")
        type_into(driver, "details", "Lubang besar di depan pasar. Motor sering jatuh.")
        if mode.js:
            count = driver.find_element(By.CSS_SELECTOR, ".char-count")
            assert count.is_displayed() and count.text == "Sisa karakter: 4952"
        else:
            assert not driver.find_elements(By.CSS_SELECTOR, ".char-count"), "scripts ran"
        go_on(driver)

        rj.assert_on_step(driver, "when")
        choose(driver, "when_kind", "date")
        type_into(driver, "when_day", "17")
        keyboard.press(driver, Keys.TAB)
        keyboard.press(driver, "8")
        keyboard.press(driver, Keys.TAB)
        keyboard.press(driver, "2026")
        assert keyboard.active(driver).get_attribute("id") == "when_year"
        go_on(driver)

        rj.assert_on_step(driver, "where")
        district = type_into(driver, "kecamatan", "Balaraja")  # type-ahead in the closed list
        assert district.get_attribute("value") == "36.03.01"
        keyboard.assert_focus_visible(driver)
        go_on(driver)

        answer_radios(driver, "village")
        rj.assert_on_step(driver, "landmark")
        type_into(driver, "landmark", "Depan pasar")
        go_on(driver)

        rj.assert_on_step(driver, "evidence")  # no file: straight on
        go_on(driver)

        for slug in ("anonymous", "confidential", "about-you", "gender", "age", *rj.WG_STEPS):
            answer_radios(driver, slug)

        rj.assert_on_step(driver, "disability-kind")
        keyboard.tab_to(driver, lambda e: e.get_attribute("value") == "sensorik_netra")
        keyboard.press(driver, Keys.SPACE)
        assert keyboard.active(driver).is_selected()
        # Shift+Tab back to the first box, which stays empty.
        fisik = keyboard.tab_to(
            driver, lambda e: e.get_attribute("value") == "fisik", backwards=True
        )
        assert not fisik.is_selected()
        go_on(driver)

        rj.assert_on_step(driver, "contact")
        type_into(driver, "contact_name", "Siti Rahma")
        type_into(driver, "contact_email", "siti@example.org")
        type_into(driver, "contact_phone", "0812 3456 7890")
        go_on(driver)

        # Change the title from check your answers, and come back there.
        rj.assert_on_step(driver, "check")
        keyboard.tab_to(
            driver, lambda e: "/report/title?return=check" in (e.get_attribute("href") or "")
        )
        rj.submit_focused(driver)
        skip_to_main(driver)
        rj.assert_on_step(driver, "title")
        title = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "title")
        keyboard.press(driver, Keys.END)  # Tab selected the whole title
        keyboard.press(driver, " Kelapa Dua")
        assert title.get_attribute("value") == "Jalan berlubang di depan pasar Kelapa Dua"
        go_on(driver)
        rj.assert_on_step(driver, "check")
        summary = driver.find_element(By.CSS_SELECTOR, ".summary").text
        assert "Jalan berlubang di depan pasar Kelapa Dua" in summary

        load(lambda: go_on(driver, "Kirim laporan", skip=False))
        code = rj.tracking_code_on_page(driver)
        keyboard.tab_to(driver, lambda e: e.text.strip() == "Cek laporan Anda kapan saja")

    stored = rj.stored_report(live_server, code)
    assert stored["title"] == "Jalan berlubang di depan pasar Kelapa Dua"
    assert stored["region_code"] == "36.03.01.1001"
    assert stored["occurred_on"] == dt.date(2026, 8, 17)
    assert (stored["wg_seeing"], stored["disability"]) == (3, True)
    assert stored["disability_kinds"] == ["sensorik_netra"]


def test_enter_in_the_description_box_never_removes_a_file(
    driver: WebDriver, live_server: LiveServer, tmp_path: Path
) -> None:
    """Enter in a text box sends the form with its first button: that must be Upload, not
    the Remove button of a file added before."""
    photo = tmp_path / "jalan.jpg"
    Image.new("RGB", (16, 12), (120, 90, 60)).save(photo, "JPEG")
    driver.get(live_server.url("/report/type", lang="id"))
    for slug in rj.ALL_STEPS[: rj.ALL_STEPS.index("evidence")]:
        rj.answer(driver, slug)
    driver.find_element(By.ID, "evidence_file").send_keys(str(photo))  # no file dialog here
    type_into(driver, "evidence_description", "Lubang di jalan")
    rj.submit_focused(driver)
    assert "jalan.jpg" in driver.find_element(By.CSS_SELECTOR, ".file-list").text

    type_into(driver, "evidence_description", "Foto kedua")
    rj.submit_focused(driver)  # Enter, with no file chosen
    rj.assert_error_shown(driver, "id", ["evidence_file"])
    assert "jalan.jpg" in driver.find_element(By.CSS_SELECTOR, ".file-list").text
    remove = driver.find_element(By.CSS_SELECTOR, ".file-list button")
    assert remove.get_attribute("textContent").split() == ["Hapus", "jalan.jpg"]
