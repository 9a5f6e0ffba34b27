"""Audio prompts in Chromium: axe-clean, reachable and named by keyboard, ≥ 24 px, playing
when pressed, and never playing by themselves unless the person asked in Display settings."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.audio_support import require_audio_tools
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

NAMES = {"id": "Dengarkan pertanyaan", "en": "Listen to the question"}


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False), Mode(width=320)], ids=str)
def test_pages_with_audio_prompts_pass_axe(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    for lang in ("id", "en"):
        harness.check_page(
            driver, live_server.url("/track", lang=lang), js=mode.js, width=mode.width
        )
        assert driver.find_elements(By.CSS_SELECTOR, ".audio-prompt .audio-listen")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_listen_is_reached_named_and_played_by_keyboard(
    driver: WebDriver, live_server: LiveServer, lang: str
) -> None:
    require_audio_tools()  # the live server makes the file on first need with espeak-ng
    driver.get(live_server.url("/track", lang=lang))
    assert driver.find_elements(By.CSS_SELECTOR, ".audio-prompt button.audio-listen")
    assert driver.execute_script("return window.SuaraAudio.player.paused")

    keyboard.tab_to(driver, lambda e: e.get_attribute("class") == "skip-link", max_tabs=1)
    # "Listen to this page" comes first; the question's own control follows it.
    listen = keyboard.tab_to(
        driver,
        lambda e: (
            "audio-listen" in (e.get_attribute("class") or "") and e.accessible_name == NAMES[lang]
        ),
        max_tabs=12,
    )
    assert listen.tag_name == "button"
    assert listen.accessible_name == NAMES[lang]
    assert listen.get_attribute("aria-pressed") == "false"
    size = listen.size
    assert size["width"] >= 24 and size["height"] >= 24, size
    # A prompt lasts a second or two; played slowly it is still playing when Space comes again
    # on a busy machine (loading a file resets playbackRate to this default).
    driver.execute_script("window.SuaraAudio.player.defaultPlaybackRate = 0.25")
    keyboard.press(driver, Keys.SPACE)
    playing = "var p = window.SuaraAudio.player; return p.currentTime > 0 && !p.paused"
    WebDriverWait(driver, 15).until(lambda d: d.execute_script(playing))
    assert driver.execute_script("return window.SuaraAudio.player.error") is None
    assert listen.get_attribute("aria-pressed") == "true"
    # Space again pauses it: one control, one tab stop, play and pause.
    keyboard.press(driver, Keys.SPACE)
    WebDriverWait(driver, 5).until(
        lambda d: d.execute_script("return window.SuaraAudio.player.paused")
    )
    assert listen.get_attribute("aria-pressed") == "false"
    assert driver.execute_script("return window.SuaraAudio.player.currentTime") > 0


def test_without_javascript_listen_is_a_link_to_the_file(
    driver: WebDriver, live_server: LiveServer
) -> None:
    with harness.mode_applied(driver, Mode(js=False)):
        driver.get(live_server.url("/track", lang="en"))
        link = driver.find_element(By.CSS_SELECTOR, ".audio-prompt-question a.audio-listen")
        assert link.get_attribute("href").endswith(".mp3")
        assert link.accessible_name == NAMES["en"]


def test_autoplay_only_after_the_person_turns_it_on(
    driver: WebDriver, live_server: LiveServer
) -> None:
    require_audio_tools()
    driver.get(live_server.url("/track", lang="en"))
    assert not driver.find_elements(By.CSS_SELECTOR, "script[src*='audio-autoplay']")

    driver.get(live_server.url("/preferences", lang="en"))
    driver.find_element(By.CSS_SELECTOR, "label[for='audio_autoplay-2']").click()
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    harness.wait_for_url(driver, "saved=1")

    # Browsers let a page play sound by itself only after the person has used the site, so
    # arrive by a click, as a person would.
    driver.find_element(By.CSS_SELECTOR, "nav a[href='/track']").click()
    harness.wait_for_url(driver, "/track")
    assert driver.find_elements(By.CSS_SELECTOR, "script[src*='audio-autoplay']")
    question = driver.find_element(By.CSS_SELECTOR, ".audio-prompt-question .audio-listen")
    # Once it has started, and read in one go: a short prompt may end at any moment after.
    started = (
        "var p = window.SuaraAudio.player, b = arguments[0];"
        " return p.currentTime > 0 ? [p.src, b.getAttribute('aria-pressed'), p.ended] : null"
    )
    src, pressed, ended = WebDriverWait(driver, 15).until(
        lambda d: d.execute_script(started, question)
    )
    # The one shared player plays the question's file, not a hint's or an error's.
    assert src.endswith(question.get_attribute("data-src"))
    if not ended:
        assert pressed == "true"
