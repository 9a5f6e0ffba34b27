"""The 413 page (what you sent is too large) in real Chromium with axe-core: both languages,
with and without JavaScript, at 320 px and at 200% text."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

TITLES = {"id": "Kiriman Anda terlalu besar – Suara", "en": "What you sent is too large – Suara"}


def send_too_much(driver: WebDriver, server: LiveServer, lang: str) -> None:
    """Type 300,000 characters into the tracking code (more than any form takes) and send
    it with the keyboard, as a person pasting far too much would."""
    driver.get(server.url("/track", lang=lang))
    field = driver.find_element(By.ID, "code")
    driver.execute_script("arguments[0].value = 'A'.repeat(300000)", field)
    keyboard.tab_to(driver, field, check_focus=False)
    keyboard.press(driver, Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: d.title == TITLES[lang])


@pytest.mark.parametrize(
    "mode", [Mode(), Mode(js=False), Mode(width=320), Mode(text_zoom=200)], ids=str
)
@pytest.mark.parametrize("lang", harness.LANGUAGES)
def test_the_too_large_page(
    driver: WebDriver, live_server: LiveServer, lang: str, mode: Mode
) -> None:
    with harness.mode_applied(driver, mode):
        send_too_much(driver, live_server, lang)
        page_lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        assert page_lang == lang
        heading = driver.find_element(By.TAG_NAME, "h1").text
        assert heading == TITLES[lang].removesuffix(" – Suara")
        harness.check_current_page(driver, mode)
