"""Keyboard-only journeys on the foundation pages: skip link, display settings, visible focus."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=str)
def test_display_settings_with_the_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/preferences", lang="en"))

        skip = keyboard.tab_to(driver, lambda e: True, max_tabs=1)
        assert skip.get_attribute("class") == "skip-link"
        keyboard.assert_in_viewport(driver, skip)
        keyboard.press(driver, Keys.ENTER)
        assert keyboard.active(driver).get_attribute("id") == "main"

        # Tab enters the radio group on the chosen size; arrow keys move and choose.
        # A "Listen" control precedes the question: one tab stop each.
        normal = keyboard.tab_to(driver, lambda e: e.get_attribute("type") == "radio", max_tabs=3)
        assert normal.get_attribute("id") == "text_size"
        keyboard.press(driver, Keys.ARROW_DOWN, times=2)
        largest = keyboard.active(driver)
        assert largest.get_attribute("value") == "largest"
        keyboard.assert_focus_visible(driver)
        keyboard.press(driver, Keys.SPACE)
        assert largest.is_selected()

        keyboard.tab_to(driver, lambda e: e.get_attribute("value") == "high_contrast", max_tabs=3)
        keyboard.press(driver, Keys.SPACE)
        assert keyboard.active(driver).is_selected()

        # Past the display choices, autoplay and Listen buttons (each choice with its Listen).
        keyboard.tab_to(driver, lambda e: e.get_attribute("type") == "submit", max_tabs=17)
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for_url(driver, "saved=1")

        notice = driver.find_element(By.CSS_SELECTOR, ".notice-success[role=alert]")
        assert "Your settings are saved" in notice.text
        classes = (driver.find_element(By.TAG_NAME, "html").get_attribute("class") or "").split()
        assert {"text-largest", "high-contrast"} <= set(classes)
        assert driver.find_element(By.ID, "text_size-3").is_selected()
        assert driver.find_element(By.ID, "display").is_selected()
        harness.check_current_page(driver, mode, extra_rules=("color-contrast-enhanced",))


@pytest.mark.parametrize("contrast", [False, True], ids=["normal", "high contrast"])
@pytest.mark.parametrize("path", ["/", "/help", "/preferences", "/no-such-page"])
def test_focus_is_seen_at_every_tab_stop(
    driver: WebDriver, live_server: LiveServer, path: str, contrast: bool
) -> None:
    if contrast:
        harness.save_display_settings(driver, live_server, text_size="largest", high_contrast=True)
    driver.get(live_server.url(path))
    stops = driver.find_elements(By.CSS_SELECTOR, "a[href], button, input:not([type=hidden])")
    radio_groups = {e.get_attribute("name") for e in stops if e.get_attribute("type") == "radio"}
    radios = sum(1 for e in stops if e.get_attribute("type") == "radio")
    # One Tab stop per radio group: Tab reaches the last stop after the others.
    keyboard.tab_to(driver, stops[-1], max_tabs=len(stops) - radios + len(radio_groups))


def test_error_summary_links_move_focus_to_the_field(
    driver: WebDriver, live_server: LiveServer
) -> None:
    driver.get(live_server.url("/preferences", lang="en"))
    driver.execute_script(
        "document.querySelectorAll('input[type=radio]').forEach(r => { r.checked = false; })"
    )
    save = driver.find_element(By.CSS_SELECTOR, "form button[type=submit]")
    keyboard.tab_to(driver, save)
    keyboard.press(driver, Keys.ENTER)
    summary = harness.wait_for(driver, ".error-summary")
    assert keyboard.active(driver) == summary
    keyboard.assert_focus_visible(driver)
    keyboard.tab_to(
        driver, lambda e: (e.get_attribute("href") or "").endswith("#audio_autoplay"), 3
    )
    keyboard.press(driver, Keys.ENTER)
    assert keyboard.active(driver).get_attribute("id") == "audio_autoplay"
