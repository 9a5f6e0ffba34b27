"""Voice input at a forum in real Chromium: recorded with the keyboard through MediaRecorder
(Chromium's fake microphone, already allowed) with JavaScript on, and sent as a plain file
with it off. The stored recording is checked, and the participant's page and the board show
that a voice message came."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.forums.models import ForumInput
from gesi_app.forums.vote_models import VoiceInput
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator
from tests.forums_support import add_forum
from tests.recording_support import require_media_tools, wav

pytestmark = pytest.mark.browser


def join(driver: WebDriver, live_server: LiveServer, code: str) -> None:
    driver.get(live_server.url(f"/forums/{code}", lang="id"))
    driver.find_element(By.CSS_SELECTOR, "#join ~ form button[type=submit]").click()
    harness.wait_for(driver, "#add-input")
    driver.get(live_server.url(f"/forums/{code}/voice", lang="id"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Kirim masukan Anda dengan suara"
    driver.find_element(By.CSS_SELECTOR, "label[for='agenda_item']").click()


def voices(live_server: LiveServer, forum_id: int) -> list[tuple[str, int]]:
    async def work(session: AsyncSession) -> list[tuple[str, int]]:
        rows = await session.execute(
            select(VoiceInput.content_type, VoiceInput.duration_seconds)
            .join(ForumInput, ForumInput.id == VoiceInput.input_id)
            .where(ForumInput.forum_id == forum_id)
        )
        return [(kind, seconds) for kind, seconds in rows]

    found: list[tuple[str, int]] = factories.run(live_server.database_url, work)
    return found


def sent(driver: WebDriver, live_server: LiveServer, code: str) -> None:
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    harness.wait_for_url(driver, "added=1")
    assert (
        "Pesan suara" in driver.find_element(By.ID, "your-inputs").find_element(By.XPATH, "..").text
    )
    driver.get(live_server.url(f"/forums/{code}/board", lang="id"))
    assert "Pesan suara" in driver.find_element(By.ID, "main").text


def test_a_voice_input_recorded_with_the_keyboard(
    media_driver: WebDriver, live_server: LiveServer
) -> None:
    require_media_tools()
    driver = media_driver
    user_id, _ = facilitator(live_server)
    forum = add_forum(live_server.database_url, user_id)
    join(driver, live_server, forum.join_code)
    keyboard.tab_to(
        driver,
        lambda e: e.tag_name == "button" and e.text == "Rekam pesan suara",
        max_tabs=40,
        check_focus=False,
    )
    keyboard.assert_focus_visible(driver)
    keyboard.press(driver, Keys.ENTER)
    status = driver.find_element(By.ID, "live-status")
    WebDriverWait(driver, 10).until(lambda _d: "Sedang merekam" in status.text)
    assert keyboard.active(driver).text == "Berhenti merekam"
    driver.execute_script("return new Promise(r => setTimeout(r, 2500))")
    keyboard.press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(
        lambda _d: status.text == "Rekaman Anda siap. Rekaman dikirim saat Anda menekan Kirim."
    )
    assert driver.execute_script("return document.getElementById('recording').files.length") == 1
    harness.assert_no_axe_violations(driver, "forum voice page with a recording ready")
    sent(driver, live_server, forum.join_code)
    [(content_type, seconds)] = voices(live_server, forum.id)
    assert content_type.startswith("audio/")
    assert 1 <= seconds <= 10


def test_a_voice_input_sent_as_a_file_with_javascript_off(
    driver: WebDriver, live_server: LiveServer, tmp_path: Path
) -> None:
    require_media_tools()
    voice = tmp_path / "masukan.wav"
    voice.write_bytes(wav(3))
    user_id, _ = facilitator(live_server)
    forum = add_forum(live_server.database_url, user_id)
    with harness.mode_applied(driver, Mode(js=False)):
        join(driver, live_server, forum.join_code)
        assert not driver.find_elements(By.CSS_SELECTOR, ".recorder"), "record.js ran"
        driver.find_element(By.ID, "recording").send_keys(str(voice))
        sent(driver, live_server, forum.join_code)
    assert voices(live_server, forum.id) == [("audio/wav", 3)]
