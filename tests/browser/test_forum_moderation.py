"""Moderation and corrections in real Chromium: the inputs, hide, transcript and correction
pages are axe-clean and valid in both languages with JavaScript on and off (also with errors);
hiding by keyboard alone; the live board drops a hidden input and takes it back when shown
again; the prioritising results change as a participant votes."""

from __future__ import annotations

import datetime as dt
import re

import httpx2 as httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.service import ensure_agency
from gesi_app.forums import dot_votes, outcomes
from gesi_app.forums.models import Forum, ForumInput
from gesi_app.forums.service import forum_by_code
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator, forum_with_inputs, sign_in
from tests.forums_support import send_input
from tests.functional.forums.test_corrections import add_voice_input

pytestmark = pytest.mark.browser


def input_ids(server: LiveServer, code: str) -> list[int]:
    async def work(session: AsyncSession) -> list[int]:
        forum = await forum_by_code(session, code)
        query = select(ForumInput.id).where(ForumInput.forum_id == forum.id)
        return list(await session.scalars(query.order_by(ForumInput.id)))

    found: list[int] = factories.run(server.database_url, work)
    return found


def with_outcomes(server: LiveServer, user_id: int, code: str) -> dict[str, int]:
    """A theme, an agreed point and a follow-up item; their ids by kind."""

    async def work(session: AsyncSession) -> dict[str, int]:
        user = await session.get_one(StaffUser, user_id)
        forum = await forum_by_code(session, code)
        agency = await ensure_agency(session, "dpupr", "Dinas Pekerjaan Umum", "Public Works")
        theme = await outcomes.add_theme(session, user, forum, "Layanan loket")
        point = await outcomes.add_agreed_point(
            session, user, forum, outcomes.NewPoint("Loket dibuka pukul 07.00")
        )
        due = dt.date.today() + dt.timedelta(days=30)
        new = outcomes.NewFollowUp("Tambah loket antrean", agency.id, due)
        item = await outcomes.add_follow_up(session, user, forum, new)
        return {"theme": theme.id, "point": point.id, "follow_up": item.id}

    found: dict[str, int] = factories.run(server.database_url, work)
    return found


def test_moderation_and_correction_pages(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, username = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    voice = add_voice_input(live_server.database_url, forum)
    rows = with_outcomes(live_server, user_id, code)
    first = input_ids(live_server, code)[0]
    sign_in(driver, live_server, username)
    for path in (
        f"/staff/forums/{code}/inputs",
        f"/staff/forums/{code}/inputs/{first}/hide",
        f"/staff/forums/{code}/voice/{voice}/transcript",
        *(f"/staff/forums/{code}/outcomes/{kind}/{row}" for kind, row in rows.items()),
    ):
        harness.check_page_languages(driver, live_server.url(path))


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_moderation_errors(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    user_id, username = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    voice = add_voice_input(live_server.database_url, forum)
    rows = with_outcomes(live_server, user_id, code)
    first = input_ids(live_server, code)[0]
    sign_in(driver, live_server, username)
    mode = Mode(js=js)
    for lang in ("id", "en"):
        for path, field in (
            (f"inputs/{first}/hide", None),
            (f"voice/{voice}/transcript", None),
            (f"outcomes/theme/{rows['theme']}", "theme_title"),
            (f"outcomes/point/{rows['point']}", "point"),
            (f"outcomes/follow_up/{rows['follow_up']}", "what"),
        ):
            with harness.mode_applied(driver, mode):
                driver.get(live_server.url(f"/staff/forums/{code}/{path}", lang=lang))
                if field:
                    driver.find_element(By.ID, field).clear()
                driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
                harness.wait_for(driver, ".error-summary")
                assert driver.title.startswith("Kesalahan: " if lang == "id" else "Error: ")
                harness.check_current_page(driver, mode)


def test_hiding_an_input_by_keyboard_alone_takes_it_off_the_live_board(
    driver: WebDriver, live_server: LiveServer
) -> None:
    user_id, username = facilitator(live_server)
    forum: Forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    send_input(live_server.base_url, code, "Nama petugas disebut di sini")
    rude = input_ids(live_server, code)[-1]
    sign_in(driver, live_server, username)
    staff = driver.current_window_handle
    driver.switch_to.new_window("tab")
    board = driver.current_window_handle
    driver.get(live_server.url(f"/forums/{code}/board", lang="en"))
    harness.wait_for(driver, "#board-control button")
    assert driver.find_elements(By.ID, f"input-{rude}")

    driver.switch_to.window(staff)
    driver.get(live_server.url(f"/staff/forums/{code}/inputs", lang="en"))
    heading = driver.find_element(By.CSS_SELECTOR, "main h1")
    driver.execute_script(
        "arguments[0].setAttribute('tabindex', '-1'); arguments[0].focus()", heading
    )
    keyboard.tab_to(driver, lambda e: e.text.startswith("Hide") and str(rude) in e.text)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for(driver, "#reason")
    keyboard.tab_to(driver, driver.find_element(By.ID, "reason"))
    driver.switch_to.active_element.send_keys("Menyebut nama petugas")
    keyboard.tab_to(driver, lambda e: e.text == "Hide the input")
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "done=hidden")
    assert "Hidden because: Menyebut nama petugas" in driver.find_element(By.ID, "main").text

    driver.switch_to.window(board)
    wait = WebDriverWait(driver, 10)
    wait.until(lambda d: not d.find_elements(By.ID, f"input-{rude}"))
    assert "Antrean di loket terlalu panjang" in driver.find_element(By.CLASS_NAME, "board").text

    driver.switch_to.window(staff)
    driver.find_element(By.CSS_SELECTOR, f"form[action$='/inputs/{rude}/restore'] button").click()
    harness.wait_for_url(driver, "done=restored")
    driver.switch_to.window(board)
    wait.until(lambda d: d.find_elements(By.ID, f"input-{rude}"))
    items = driver.find_elements(By.CSS_SELECTOR, f"#item-{forum.agenda[0].id} li")
    assert items[0].get_attribute("id") == f"input-{rude}"  # newest first again
    harness.check_current_page(driver)


def test_the_results_change_as_a_participant_votes(
    driver: WebDriver, live_server: LiveServer
) -> None:
    user_id, username = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    (only,) = input_ids(live_server, code)

    async def open_vote(session: AsyncSession) -> None:
        user = await session.get_one(StaffUser, user_id)
        await dot_votes.open_vote(session, user, await forum_by_code(session, code), None, 3)

    factories.run(live_server.database_url, open_vote)
    sign_in(driver, live_server, username)
    driver.get(live_server.url(f"/staff/forums/{code}/prioritise", lang="en"))
    harness.wait_for(driver, "#results-control button")
    with httpx.Client(base_url=live_server.base_url, timeout=30, follow_redirects=True) as phone:
        page = phone.get(f"/forums/{code}").text
        csrf = re.search(r'name="csrftoken" value="([^"]+)"', page)
        assert csrf
        phone.post(f"/forums/{code}/join", data={"csrftoken": csrf[1]})
        voted = phone.post(f"/forums/{code}/dots", data={"csrftoken": csrf[1], f"dots-{only}": "3"})
        assert voted.status_code == 200
    wait = WebDriverWait(driver, 10)
    wait.until(lambda d: d.find_element(By.ID, "live-status").text == "Results updated")
    row = driver.find_element(By.CSS_SELECTOR, "#prioritise-results-body tbody tr")
    assert row.find_elements(By.TAG_NAME, "td")[0].text == "3"
    harness.check_current_page(driver)
