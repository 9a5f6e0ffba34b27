"""Prioritising and voice pages in real Chromium: the dot-vote and agree/disagree pages of participants
and the facilitator's page are axe-clean in both languages with JavaScript on and off (also in
their error states); voting with dots and answering statements by keyboard alone."""

from __future__ import annotations

import re
from pathlib import Path

import httpx2 as httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.forums import dot_votes, statements
from gesi_app.forums.models import Forum
from gesi_app.forums.participation import Speaker
from gesi_app.forums.participation import join as join_forum
from gesi_app.forums.service import forum_by_code
from gesi_app.forums.voice import add_voice_input
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator, forum_with_inputs, sign_in
from tests.forums_support import add_forum
from tests.recording_support import require_media_tools, spoken_opus

pytestmark = pytest.mark.browser


def open_rounds(server: LiveServer, user_id: int, forum: Forum) -> None:
    """A dot vote on every input (3 dots) and an open round with one statement."""

    async def work(session: AsyncSession) -> None:
        user = await session.get_one(StaffUser, user_id)
        f = await forum_by_code(session, forum.join_code)
        await dot_votes.open_vote(session, user, f, None, 3)
        await statements.add_statement(session, user, f, "Puskesmas buka sampai malam")
        await statements.set_round(session, user, f, True)

    factories.run(server.database_url, work)


def join(driver: WebDriver, server: LiveServer, code: str) -> None:
    driver.get(server.url(f"/forums/{code}", lang="en"))
    driver.find_element(By.CSS_SELECTOR, "#join ~ form button[type=submit]").click()
    harness.wait_for(driver, "#add-input")


def test_prioritising_pages(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, username = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    staff_path = f"/staff/forums/{code}/prioritise"
    sign_in(driver, live_server, username)
    harness.check_page_languages(driver, live_server.url(staff_path))  # nothing open yet
    open_rounds(live_server, user_id, forum)
    harness.check_page_languages(driver, live_server.url(staff_path))
    for lang in ("id", "en"):
        driver.get(live_server.url(staff_path, lang=lang))
        driver.find_element(By.ID, "dots").clear()
        driver.find_element(By.CSS_SELECTOR, "form[action$='/dot-vote'] button").click()
        harness.wait_for(driver, ".error-summary")
        harness.check_current_page(driver)
    driver.delete_all_cookies()
    join(driver, live_server, code)
    for path in (f"/forums/{code}/dots", f"/forums/{code}/statements"):
        harness.check_page_languages(driver, live_server.url(path))
    for js in (True, False):
        mode = Mode(js=js)
        for lang in ("id", "en"):
            with harness.mode_applied(driver, mode):
                driver.get(live_server.url(f"/forums/{code}/dots", lang=lang))
                field = driver.find_element(By.CSS_SELECTOR, "input[name^=dots-]")
                field.clear()
                field.send_keys("9")
                driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
                harness.wait_for(driver, ".error-summary")
                harness.check_current_page(driver, mode)
                harness.apply_mode(driver, mode)
                driver.get(live_server.url(f"/forums/{code}/statements", lang=lang))
                driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
                harness.wait_for(driver, ".error-summary")
                harness.check_current_page(driver, mode)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_voting_by_keyboard_alone(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    user_id, _ = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    open_rounds(live_server, user_id, forum)
    code = forum.join_code
    mode = Mode(js=js)
    join(driver, live_server, code)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url(f"/forums/{code}/dots", lang="en"))
        field = keyboard.tab_to(
            driver, lambda e: (e.get_attribute("name") or "").startswith("dots-")
        )
        field.send_keys("2")
        keyboard.tab_to(driver, lambda e: e.tag_name == "button" and "Save my dots" in e.text)
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for_url(driver, "saved=1")
        assert "Your dots are saved" in driver.find_element(By.ID, "main").text
        assert (
            driver.find_element(By.CSS_SELECTOR, "input[name^=dots-]").get_attribute("value") == "2"
        )
        driver.get(live_server.url(f"/forums/{code}/statements", lang="en"))
        keyboard.tab_to(driver, lambda e: (e.get_attribute("name") or "").startswith("statement-"))
        keyboard.press(driver, Keys.SPACE)  # the first answer: agree
        keyboard.press(driver, Keys.ARROW_RIGHT)  # disagree
        keyboard.tab_to(driver, lambda e: e.tag_name == "button" and "Save my answers" in e.text)
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for_url(driver, "saved=1")
        chosen = driver.find_element(By.CSS_SELECTOR, "input[name^=statement-]:checked")
        assert chosen.get_attribute("value") == "disagree"
        harness.check_current_page(driver, mode)


def test_voice_pages(driver: WebDriver, live_server: LiveServer) -> None:
    require_media_tools("ffprobe", "espeak-ng", "opusenc")
    user_id, username = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    voice = spoken_opus()

    async def work(session: AsyncSession) -> None:
        f = await forum_by_code(session, code)
        person = await join_forum(session, f, None, Speaker())
        uploads = Path(live_server.data_dir) / "uploads"
        await add_voice_input(session, f, person, f.agenda[0].id, voice, uploads)

    factories.run(live_server.database_url, work)
    sign_in(driver, live_server, username)
    harness.check_page_languages(driver, live_server.url(f"/staff/forums/{code}/voice"))
    driver.delete_all_cookies()
    join(driver, live_server, code)
    harness.check_page_languages(driver, live_server.url(f"/forums/{code}/voice"))
    for js in (True, False):
        mode = Mode(js=js)
        for lang in ("id", "en"):
            with harness.mode_applied(driver, mode):
                driver.get(live_server.url(f"/forums/{code}/voice", lang=lang))
                driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
                harness.wait_for(driver, ".error-summary")
                harness.check_current_page(driver, mode)


def test_the_live_board_shows_a_voice_input_as_a_voice_message(
    driver: WebDriver, live_server: LiveServer
) -> None:
    require_media_tools("ffprobe", "espeak-ng", "opusenc")
    user_id, _ = facilitator(live_server)
    forum = add_forum(live_server.database_url, user_id)
    code = forum.join_code
    driver.get(live_server.url(f"/forums/{code}/board", lang="en"))
    harness.wait_for(driver, "#board-control button")
    with httpx.Client(base_url=live_server.base_url, timeout=30) as phone:
        page = phone.get(f"/forums/{code}").text
        csrf = re.search(r'name="csrftoken" value="([^"]+)"', page)
        assert csrf
        phone.post(f"/forums/{code}/join", data={"csrftoken": csrf[1]})
        sent = phone.post(
            f"/forums/{code}/voice",
            data={"csrftoken": csrf[1], "agenda_item": str(forum.agenda[0].id)},
            files={"recording": ("suara.ogg", spoken_opus(), "audio/ogg")},
        )
        assert sent.status_code == 303
    WebDriverWait(driver, 10).until(
        lambda d: "Voice message" in d.find_element(By.ID, f"item-{forum.agenda[0].id}").text
    )
