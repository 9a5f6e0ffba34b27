"""Listen buttons in Chromium: hidden with the keyboard from the start page without JavaScript,
five fewer tab stops on /report/type, one "Listen to this page" left, axe-clean both ways."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness, keyboard
from tests.browser import report_journey as rj
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

HIDE = {"id": "Sembunyikan tombol Dengarkan", "en": "Hide the Listen buttons"}
SHOW = {"id": "Tampilkan tombol Dengarkan", "en": "Show the Listen buttons"}
CONTINUE = {"id": "Lanjutkan", "en": "Continue"}
PAGES = ("/report", "/report/type", "/preferences")


def press_button(driver: WebDriver, name: str) -> None:
    """Tab to the button called ``name`` and press Enter on it (a plain form post)."""
    keyboard.tab_to(driver, lambda e: e.tag_name == "button" and e.text.strip() == name)
    rj.submit_focused(driver)


def stops_in_main(driver: WebDriver, lang: str) -> list[str]:
    """Every tab stop from the top of <main> to the Continue button, focus seen at each."""
    keyboard.tab_to(driver, lambda e: e.get_attribute("class") == "skip-link", max_tabs=1)
    keyboard.press(driver, Keys.ENTER)
    assert keyboard.active(driver).get_attribute("id") == "main"
    stops: list[str] = []
    for _ in range(30):
        keyboard.press(driver, Keys.TAB)
        element = keyboard.active(driver)
        keyboard.assert_focus_visible(driver)
        stops.append(keyboard.describe(driver, element))
        if element.tag_name == "button" and element.text.strip() == CONTINUE[lang]:
            return stops
    raise AssertionError("Continue not reached: " + ", ".join(stops))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_hiding_the_listen_buttons_takes_five_tab_stops_off_the_first_question(
    driver: WebDriver, live_server: LiveServer, lang: str
) -> None:
    driver.get(live_server.url("/report/type", lang=lang))
    shown = stops_in_main(driver, lang)
    listen = driver.find_elements(By.CSS_SELECTOR, ".audio-listen")
    assert len(listen) == 6  # the page, the question, the hint, three choices

    with harness.mode_applied(driver, Mode(js=False)):
        driver.get(live_server.url("/report", lang=lang))
        press_button(driver, HIDE[lang])
        harness.wait_for_url(driver, "/report#listen-buttons")
        assert driver.find_elements(By.XPATH, f"//button[normalize-space()='{SHOW[lang]}']")

    driver.get(live_server.url("/report/type", lang=lang))
    hidden = stops_in_main(driver, lang)
    assert len(shown) - len(hidden) == 5, (shown, hidden)
    # Back, Listen to this page, the radios (one stop), Continue.
    assert len(hidden) == 4, hidden
    page = driver.find_element(By.CSS_SELECTOR, ".audio-prompt-page .audio-listen")
    assert page.tag_name == "button"  # audio-player.js made it a play/pause button
    assert page.get_attribute("aria-pressed") == "false"

    driver.get(live_server.url("/report", lang=lang))
    press_button(driver, SHOW[lang])
    driver.get(live_server.url("/report/type", lang=lang))
    assert len(driver.find_elements(By.CSS_SELECTOR, ".audio-listen")) == 6


def test_pages_pass_axe_with_the_listen_buttons_shown_and_hidden(
    driver: WebDriver, live_server: LiveServer
) -> None:
    for path in PAGES:
        harness.check_page_languages(driver, live_server.url(path))
    driver.get(live_server.url("/report", lang="en"))
    press_button(driver, HIDE["en"])
    for path in PAGES:
        harness.check_page_languages(driver, live_server.url(path))
        assert not driver.find_elements(By.CSS_SELECTOR, ".audio-prompt-question")
