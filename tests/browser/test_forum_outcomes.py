"""Forum outcome pages in real Chromium with axe-core, in both languages, JavaScript on and off:
themes and duplicates, agreed points and follow-up plan, the minutes with them, changing a
forum and its facilitators, and each page's error state."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.service import ensure_agency
from gesi_app.forums import outcomes
from gesi_app.forums.models import ForumInput
from gesi_app.forums.service import forum_by_code
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_collective import group_with_rep
from tests.browser.test_forums import facilitator, forum_with_inputs, sign_in
from tests.forums_support import send_input

pytestmark = pytest.mark.browser


def with_outcomes(server: LiveServer, user_id: int, code: str) -> None:
    """A theme, a merged duplicate, an agreed point and a follow-up item, by the services."""

    async def work(session: AsyncSession) -> None:
        user = await session.get_one(StaffUser, user_id)
        forum = await forum_by_code(session, code)
        agency = await ensure_agency(session, "dpupr", "Dinas Pekerjaan Umum", "Public Works")
        theme = await outcomes.add_theme(session, user, forum, "Layanan loket")
        query = select(ForumInput.id).where(ForumInput.forum_id == forum.id).order_by(ForumInput.id)
        inputs = list(await session.scalars(query))
        first, repeat = inputs[0], inputs[1]
        await outcomes.assign_theme(session, user, forum, [first], theme.id)
        await outcomes.merge_input(session, user, forum, repeat, first)
        await outcomes.add_agreed_point(
            session, user, forum, outcomes.NewPoint("Loket dibuka pukul 07.00")
        )
        due = dt.date.today() + dt.timedelta(days=30)
        new = outcomes.NewFollowUp("Tambah loket antrean", agency.id, due)
        await outcomes.add_follow_up(session, user, forum, new)

    factories.run(server.database_url, work)


def first_follow_up(server: LiveServer, code: str) -> int:
    async def work(session: AsyncSession) -> int:
        forum = await forum_by_code(session, code)
        return (await outcomes.follow_ups(session, forum))[0].id

    found: int = factories.run(server.database_url, work)
    return found


def test_outcome_pages(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, username = facilitator(live_server)
    facilitator(live_server)  # someone to add as a facilitator
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    send_input(live_server.base_url, code, "Antrean di loket lama sekali")
    with_outcomes(live_server, user_id, code)
    sign_in(driver, live_server, username)
    for path in (
        f"/staff/forums/{code}",
        f"/staff/forums/{code}/themes",
        f"/staff/forums/{code}/outcomes",
        f"/staff/forums/{code}/minutes",
        f"/staff/forums/{code}/edit",
        f"/staff/forums/{code}/facilitators",
    ):
        harness.check_page_languages(driver, live_server.url(path))
    group_id, _, _ = group_with_rep(live_server)  # an approved group to send a follow-up for
    group_page = f"/staff/forums/{code}/follow-ups/{first_follow_up(live_server, code)}/group"
    harness.check_page_languages(driver, live_server.url(group_page))
    for lang in ("id", "en"):
        for js in (True, False):
            with harness.mode_applied(driver, Mode(js=js)):
                driver.get(live_server.url(group_page, lang=lang))
                assert f'value="{group_id}"' in driver.page_source
                submit_form(driver, "/group")  # no group chosen
                assert driver.title.startswith("Kesalahan: " if lang == "id" else "Error: ")
                harness.check_current_page(driver, Mode(js=js))
    driver.get(live_server.url(f"/staff/forums/{code}/minutes", lang="en"))
    text = driver.find_element(By.ID, "main").text
    for shown in ("Layanan loket (1 input)", "Said once more", "Tambah loket antrean"):
        assert shown in text


def submit_form(driver: WebDriver, action_end: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"main form[action$='{action_end}']")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    harness.wait_for(driver, ".error-summary")


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_outcome_errors(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    user_id, username = facilitator(live_server)
    facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    sign_in(driver, live_server, username)
    mode = Mode(js=js)
    for lang in ("id", "en"):
        for path, action in (
            ("themes", "/themes"),
            ("themes", "/themes/assign"),
            ("themes", "/merge"),
            ("outcomes", "/agreed"),
            ("outcomes", "/follow-ups"),
            ("facilitators", "/facilitators"),
        ):
            with harness.mode_applied(driver, mode):
                driver.get(live_server.url(f"/staff/forums/{code}/{path}", lang=lang))
                submit_form(driver, action)
                assert driver.title.startswith("Kesalahan: " if lang == "id" else "Error: ")
                harness.check_current_page(driver, mode)
        with harness.mode_applied(driver, mode):
            driver.get(live_server.url(f"/staff/forums/{code}/edit", lang=lang))
            driver.find_element(By.ID, "title").clear()
            submit_form(driver, "/edit")
            harness.check_current_page(driver, mode)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_grouping_inputs_by_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, js: bool
) -> None:
    user_id, username = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    send_input(live_server.base_url, code, "Antrean di loket lama sekali")
    with_outcomes(live_server, user_id, code)  # theme "Layanan loket"; the second merged
    send_input(live_server.base_url, code, "Ruang tunggu panas")
    sign_in(driver, live_server, username)
    mode = Mode(js=js)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url(f"/staff/forums/{code}/themes", lang="en"))
        boxes = driver.find_elements(By.CSS_SELECTOR, "input[name=inputs]")
        assert len(boxes) == 2  # the merged duplicate is not offered
        heading = driver.find_element(By.CSS_SELECTOR, "main h1")
        driver.execute_script(
            "arguments[0].setAttribute('tabindex', '-1'); arguments[0].focus()", heading
        )
        keyboard.tab_to(driver, boxes[1])
        keyboard.press(driver, Keys.SPACE)
        assert boxes[1].is_selected()
        keyboard.tab_to(driver, driver.find_element(By.ID, "theme"))
        keyboard.press(driver, Keys.ARROW_DOWN)  # the first theme, after the empty choice
        keyboard.tab_to(driver, lambda e: e.text == "Group the ticked inputs")
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for_url(driver, "done=grouped")
        assert "The inputs are grouped." in driver.find_element(By.ID, "main").text
    driver.get(live_server.url(f"/staff/forums/{code}/minutes", lang="en"))
    assert "Layanan loket (2 inputs)" in driver.find_element(By.ID, "main").text
