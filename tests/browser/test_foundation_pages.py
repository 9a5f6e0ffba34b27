"""The foundation pages in real Chromium with axe-core: every language, with and without
JavaScript, at 320 px, at 200% text, and with high contrast and the largest text saved."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

PAGES = ["/", "/help", "/preferences", "/no-such-page"]
LAYOUTS = [Mode(width=320), Mode(text_zoom=200)]


def submit_preferences_without_choices(driver: WebDriver, server: LiveServer, mode: Mode) -> None:
    """Produce the error state: clear every radio, then save with the keyboard."""
    harness.apply_mode(driver, mode)
    driver.get(server.url("/preferences"))
    driver.execute_script(
        "document.querySelectorAll('input[type=radio]').forEach(r => { r.checked = false; })"
    )
    save = driver.find_element(By.CSS_SELECTOR, "form button[type=submit]")
    keyboard.tab_to(driver, save, check_focus=False)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for(driver, ".error-summary")


@pytest.mark.parametrize("path", PAGES)
def test_page_in_both_languages_with_and_without_javascript(
    driver: WebDriver, live_server: LiveServer, path: str
) -> None:
    harness.check_page_languages(driver, live_server.url(path))


@pytest.mark.parametrize("mode", LAYOUTS, ids=str)
@pytest.mark.parametrize("path", PAGES)
def test_page_fits_narrow_screens_and_large_text(
    driver: WebDriver, live_server: LiveServer, path: str, mode: Mode
) -> None:
    for lang in harness.LANGUAGES:
        harness.check_page(
            driver, live_server.url(path, lang=lang), width=mode.width, text_zoom=mode.text_zoom
        )


def test_preferences_after_saving(driver: WebDriver, live_server: LiveServer) -> None:
    harness.save_display_settings(driver, live_server, text_size="large", high_contrast=False)
    assert driver.find_element(By.CSS_SELECTOR, ".notice-success").is_displayed()
    harness.check_page_languages(driver, live_server.url("/preferences", saved="1"))


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False), *LAYOUTS], ids=str)
@pytest.mark.parametrize("lang", harness.LANGUAGES)
def test_preferences_with_errors(
    driver: WebDriver, live_server: LiveServer, lang: str, mode: Mode
) -> None:
    driver.get(live_server.url("/", lang=lang))
    submit_preferences_without_choices(driver, live_server, mode)
    try:
        summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
        assert keyboard.active(driver) == summary, "the error summary did not take focus"
        links = summary.find_elements(By.CSS_SELECTOR, ".error-summary-list a")
        assert [a.get_attribute("hash") for a in links] == ["#text_size", "#audio_autoplay"]
        title = driver.title
        assert title.startswith("Kesalahan:" if lang == "id" else "Error:"), title
        harness.check_current_page(driver, mode)
    finally:
        harness.reset_browser_display(driver)


@pytest.mark.parametrize("lang", harness.LANGUAGES)
def test_high_contrast_and_largest_text_meet_aaa_contrast(
    driver: WebDriver, live_server: LiveServer, lang: str
) -> None:
    driver.get(live_server.url("/", lang=lang))
    harness.save_display_settings(driver, live_server, text_size="largest", high_contrast=True)
    classes = (driver.find_element(By.TAG_NAME, "html").get_attribute("class") or "").split()
    assert {"text-largest", "high-contrast"} <= set(classes)
    aaa = ("color-contrast-enhanced",)
    for path in [*PAGES, "/preferences?saved=1"]:
        for mode in (Mode(), Mode(width=320)):
            with harness.mode_applied(driver, mode):
                driver.get(live_server.url(path))
                harness.check_current_page(driver, mode, extra_rules=aaa)
    for mode in (Mode(), Mode(width=320)):
        submit_preferences_without_choices(driver, live_server, mode)
        try:
            harness.check_current_page(driver, mode, extra_rules=aaa)
        finally:
            harness.reset_browser_display(driver)
