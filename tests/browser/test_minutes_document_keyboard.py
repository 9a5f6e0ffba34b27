"""The forms of the minutes as a document by keyboard alone, JavaScript on and off: the
letterhead (admin), who signs and the attendance list (facilitator). Every field is reached
with Tab in order, filled by typing (Space ticks a box), the form is sent with Enter on its
button, and the page that comes back shows what was saved."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.report_journey import submit_focused
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator, forum_with_inputs, sign_in
from tests.browser.test_staff import new_staff

pytestmark = pytest.mark.browser
JS = pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])

# Each step: a field's id, and what to type in it (None: only reached; " ": ticked with Space).
Steps = Sequence[tuple[str, str | None]]


def start_at_heading(driver: WebDriver) -> None:
    """Put the focus on the page's heading, as a person who has read it and goes on with Tab."""
    heading = driver.find_element(By.CSS_SELECTOR, "main h1")
    driver.execute_script(
        "arguments[0].setAttribute('tabindex', '-1'); arguments[0].focus()", heading
    )


def fill_by_keyboard(driver: WebDriver, steps: Steps, button: str) -> None:
    """Tab to each field in turn and fill it; then Tab to ``button`` and press Enter on it."""
    start_at_heading(driver)
    for field_id, value in steps:
        keyboard.tab_to(driver, driver.find_element(By.ID, field_id))
        if value == " ":
            keyboard.press(driver, Keys.SPACE)
            assert keyboard.active(driver).is_selected(), f"#{field_id} not ticked"
        elif value is not None:
            chain = ActionChains(driver).key_down(Keys.CONTROL).send_keys("a")
            chain.key_up(Keys.CONTROL).send_keys(value).perform()
            typed = keyboard.active(driver).get_attribute("value")
            assert typed == value, f"#{field_id}: {typed!r}"
    keyboard.tab_to(driver, lambda e: e.tag_name == "button" and e.text == button)
    submit_focused(driver)


def value_of(driver: WebDriver, field_id: str) -> str:
    return driver.find_element(By.ID, field_id).get_attribute("value") or ""


@JS
def test_letterhead_by_keyboard_alone(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    values = {
        "authority": "Pemerintah Kabupaten Contoh",
        "address": "Jl. Veteran No. 1",
        "contact": "Telepon (021) 5991234",
        "code": "SETDA",
        "pattern": "000.1.2/{seq}/{agency}/{year}",
    }
    with harness.mode_applied(driver, Mode(js=js)):
        driver.get(live_server.url("/staff/minutes-letterhead", lang="en"))
        steps = [*values.items(), ("logo", None)]
        fill_by_keyboard(driver, steps, "Save the letterhead")
        assert "saved=1" in driver.current_url
        assert "Your changes are saved" in driver.find_element(By.ID, "main").text
        for field_id, value in values.items():
            assert value_of(driver, field_id) == value, field_id


@JS
def test_signers_by_keyboard_alone(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    user_id, username = facilitator(live_server)
    code = forum_with_inputs(live_server, user_id).join_code
    sign_in(driver, live_server, username)
    typed = {
        "organiser_name": "Siti Rahmawati",
        "organiser_position": "Kepala Bagian Organisasi",
        "organiser_nip": "197501012000032001",
        "public1_name": "Budi Santoso",
        "public1_position": "Ketua Pertuni",
        "public1_nip": "",
        "public2_name": "",
        "public2_position": "",
        "public2_nip": "",
    }
    with harness.mode_applied(driver, Mode(js=js)):
        driver.get(live_server.url(f"/staff/forums/{code}/minutes/signers", lang="en"))
        boxes = [b.get_attribute("id") or "" for b in driver.find_elements(By.NAME, "provided")]
        steps = [
            *((k, v or None) for k, v in typed.items()),
            (boxes[0], " "),
            *((b, None) for b in boxes[1:]),
        ]
        fill_by_keyboard(driver, steps, "Save who signs")
        assert "saved=1" in driver.current_url
        assert "Your changes are saved" in driver.find_element(By.ID, "main").text
        for field_id, value in typed.items():
            assert value_of(driver, field_id) == value, field_id
        assert driver.find_element(By.ID, boxes[0]).is_selected()


@JS
def test_attendance_list_by_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, js: bool
) -> None:
    user_id, username = facilitator(live_server)
    code = forum_with_inputs(live_server, user_id).join_code
    sign_in(driver, live_server, username)
    with harness.mode_applied(driver, Mode(js=js)):
        driver.get(live_server.url(f"/staff/forums/{code}/attendees", lang="en"))
        groups = [b.get_attribute("id") or "" for b in driver.find_elements(By.NAME, "segments")]
        steps = [
            ("name", "Ani Lestari"),
            ("origin", "Desa Sukamaju"),
            (groups[0], " "),  # women
            *((g, None) for g in groups[1:]),
            ("consent", " "),
        ]
        fill_by_keyboard(driver, steps, "Add the name")
        assert "added=1" in driver.current_url
        text = driver.find_element(By.ID, "main").text
        assert "The name is added to the attendance list." in text
        row = driver.find_element(By.CSS_SELECTOR, "main table tbody tr").text
        assert "Ani Lestari" in row and "Desa Sukamaju" in row and "Women" in row
