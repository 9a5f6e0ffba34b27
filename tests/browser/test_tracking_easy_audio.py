"""The tracking page in easy read is axe-clean in id and en with JavaScript on and off, and the
Listen control of the agency's answer is reached, named and played by keyboard alone."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from gesi_app.web.preferences import PREFS_COOKIE
from tests import factories
from tests.audio_support import require_audio_tools
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_reporter_key import prove

pytestmark = pytest.mark.browser

ANSWER = "Jalan sudah kami tambal.\nTerima kasih atas laporan Anda."
NAMES = {"id": "Dengarkan jawaban", "en": "Listen to the answer"}


def answered(driver: WebDriver, server: LiveServer) -> str:
    """A report the agency answered, whose reporter this browser proved to be; its code."""
    submitted = factories.create_report(server.database_url)
    report = submitted.report
    factories.answer_report(server.database_url, report.id, ANSWER)
    prove(driver, server, report.tracking_code, submitted.pin)
    return report.tracking_code


def easy_read_on(driver: WebDriver, server: LiveServer) -> None:
    driver.get(server.url("/"))
    driver.add_cookie({"name": PREFS_COOKIE, "value": "easy:1", "path": "/"})


def test_the_answered_report_in_easy_read_passes_axe(
    driver: WebDriver, live_server: LiveServer
) -> None:
    code = answered(driver, live_server)
    easy_read_on(driver, live_server)
    harness.check_page_languages(driver, live_server.url(f"/track/{code}"))
    # It really was the easy-read page, with the answer's Listen control.
    assert "easy-read" in (driver.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
    assert driver.find_elements(By.CSS_SELECTOR, ".audio-prompt-answer .audio-listen")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_answers_listen_control_by_keyboard(
    driver: WebDriver, live_server: LiveServer, lang: str
) -> None:
    require_audio_tools()  # the live server speaks the answer with espeak-ng
    code = answered(driver, live_server)
    driver.get(live_server.url(f"/track/{code}", lang=lang))
    listen = keyboard.tab_to(driver, lambda e: e.accessible_name == NAMES[lang], max_tabs=60)
    assert listen.tag_name == "button"
    assert "audio-listen" in (listen.get_attribute("class") or "")
    size = listen.size
    assert size["width"] >= 24 and size["height"] >= 24, size
    assert listen.get_attribute("aria-pressed") == "false"
    # Played slowly, the answer is still playing when Space comes again on a busy machine.
    driver.execute_script("window.SuaraAudio.player.defaultPlaybackRate = 0.25")
    keyboard.press(driver, Keys.SPACE)
    playing = "var p = window.SuaraAudio.player; return p.currentTime > 0 && !p.paused"
    WebDriverWait(driver, 20).until(lambda d: d.execute_script(playing))
    assert driver.execute_script("return window.SuaraAudio.player.error") is None
    assert "/audio/answers/" in driver.execute_script("return window.SuaraAudio.player.src")
    keyboard.press(driver, Keys.SPACE)
    WebDriverWait(driver, 5).until(
        lambda d: d.execute_script("return window.SuaraAudio.player.paused")
    )
    assert listen.get_attribute("aria-pressed") == "false"


def test_without_javascript_the_answers_listen_is_a_link_to_its_file(
    driver: WebDriver, live_server: LiveServer
) -> None:
    code = answered(driver, live_server)
    with harness.mode_applied(driver, Mode(js=False)):
        driver.get(live_server.url(f"/track/{code}", lang="en"))
        link = driver.find_element(By.CSS_SELECTOR, ".audio-prompt-answer a.audio-listen")
        assert "/audio/answers/" in (link.get_attribute("href") or "")
        assert link.accessible_name == NAMES["en"]
