""" "You said, we did" in real Chromium: the public follow-up page (planned, tracked and
answered items) is axe-clean and valid in both languages with JavaScript on and off; the join
form's contact question with its errors; joining to be told by keyboard alone."""

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
from gesi_app.forums.models import Participant
from gesi_app.forums.service import forum_by_code
from gesi_app.reports.deadlines import STANDARD
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator, forum_with_inputs

pytestmark = pytest.mark.browser


def with_plan(server: LiveServer, user_id: int, code: str) -> None:
    """An agreed point and two follow-up items: one planned, one a tracked report, answered."""

    async def work(session: AsyncSession) -> int:
        user = await session.get_one(StaffUser, user_id)
        forum = await forum_by_code(session, code)
        agency = await ensure_agency(session, "dpupr", "Dinas Pekerjaan Umum", "Public Works")
        await outcomes.add_agreed_point(
            session, user, forum, outcomes.NewPoint("Loket dibuka pukul 07.00")
        )
        due = dt.date.today() + dt.timedelta(days=30)
        for what in ("Tambah loket antrean", "Perbaiki atap ruang tunggu"):
            new = outcomes.NewFollowUp(what, agency.id, due)
            item = await outcomes.add_follow_up(session, user, forum, new)
        report = await outcomes.follow_up_report(
            session,
            user,
            forum,
            item.id,
            locale="id",
            timezone="Asia/Jakarta",
            deadlines=STANDARD,
            hasher=factories.HASHER,
        )
        return report.id

    report_id = factories.run(server.database_url, work)
    factories.publish_report(server.database_url, report_id)
    factories.answer_report(server.database_url, report_id, "Atap diperbaiki minggu depan.")


def test_the_follow_up_page(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, _ = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    harness.check_page_languages(driver, live_server.url(f"/forums/{code}/follow-up"))  # empty
    with_plan(live_server, user_id, code)
    harness.check_page_languages(driver, live_server.url(f"/forums/{code}/follow-up"))
    driver.get(live_server.url(f"/forums/{code}/follow-up", lang="en"))
    text = driver.find_element(By.ID, "main").text
    for shown in (
        "Loket dibuka pukul 07.00",
        "Planned, not yet a tracked report",
        "Atap diperbaiki minggu depan.",
        "Answered",
    ):
        assert shown in text, shown


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_joining_to_be_told(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    user_id, _ = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    mode = Mode(js=js)
    for lang in ("id", "en"):
        with harness.mode_applied(driver, mode):
            driver.delete_all_cookies()
            driver.get(live_server.url(f"/forums/{code}", lang=lang))
            driver.find_element(By.CSS_SELECTOR, "label[for='news']").click()
            driver.find_element(By.CSS_SELECTOR, "#join ~ form button[type=submit]").click()
            harness.wait_for(driver, ".error-summary")  # told, but how?
            assert driver.title.startswith("Kesalahan: " if lang == "id" else "Error: ")
            harness.check_current_page(driver, mode)
    with harness.mode_applied(driver, mode):
        driver.delete_all_cookies()
        driver.get(live_server.url(f"/forums/{code}", lang="en"))
        news = driver.find_element(By.ID, "news")
        start = driver.find_element(By.ID, "name")
        driver.execute_script("arguments[0].focus()", start)
        keyboard.tab_to(driver, news)
        keyboard.press(driver, Keys.SPACE)
        keyboard.tab_to(driver, driver.find_element(By.ID, "contact"))
        driver.switch_to.active_element.send_keys("warga@contoh.id")
        keyboard.tab_to(driver, lambda e: e.text == "Join")
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for(driver, "#add-input")

    async def people(session: AsyncSession) -> list[tuple[str | None, bool]]:
        rows = await session.scalars(
            select(Participant).where(Participant.forum_id == forum.id).order_by(Participant.id)
        )
        return [(p.contact, p.wants_news) for p in rows]

    assert ("warga@contoh.id", True) in factories.run(live_server.database_url, people)
