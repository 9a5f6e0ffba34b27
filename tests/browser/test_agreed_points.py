"""Agreed points with an owner agency, a due date and a state, in real Chromium with axe-core
and the Nu checker, both languages, JavaScript on and off: the add and change forms empty and
with errors, the public follow-up page with them, and recording one by keyboard alone."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.service import ensure_agency
from gesi_app.forums import outcomes
from gesi_app.forums.models import PointState
from gesi_app.forums.service import forum_by_code
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.report_journey import press_button, submit_focused
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator, forum_with_inputs, sign_in

pytestmark = pytest.mark.browser
PREFIX = {"id": "Kesalahan: ", "en": "Error: "}
BAD = {"point_due_day": "31", "point_due_month": "2", "point_due_year": "2030"}


def with_points(server: LiveServer, user_id: int, code: str) -> int:
    """One agreed point with everything set, one with its words only; the first one's id."""

    async def work(session: AsyncSession) -> int:
        user = await session.get_one(StaffUser, user_id)
        forum = await forum_by_code(session, code)
        agency = await ensure_agency(session, "dpupr", "Dinas Pekerjaan Umum", "Public Works")
        due = dt.date.today() + dt.timedelta(days=30)
        new = outcomes.NewPoint("Loket dibuka pukul 07.00", agency.id, due, PointState.IN_PROGRESS)
        point = await outcomes.add_agreed_point(session, user, forum, new)
        await outcomes.add_agreed_point(session, user, forum, outcomes.NewPoint("Papan nama"))
        return point.id

    point_id: int = factories.run(server.database_url, work)
    return point_id


def test_agreed_point_pages(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, username = facilitator(live_server)
    code = forum_with_inputs(live_server, user_id).join_code
    point_id = with_points(live_server, user_id, code)
    sign_in(driver, live_server, username)
    for path in (
        f"/staff/forums/{code}/outcomes",
        f"/staff/forums/{code}/outcomes/point/{point_id}",
        f"/staff/forums/{code}/minutes",
        f"/forums/{code}/follow-up",
    ):
        harness.check_page_languages(driver, live_server.url(path))
    driver.get(live_server.url(f"/forums/{code}/follow-up", lang="en"))
    text = driver.find_element(By.ID, "main").text
    for shown in ("Loket dibuka pukul 07.00", "Public Works", "In progress", "Not set yet"):
        assert shown in text, shown


def _fill_bad_date(driver: WebDriver) -> None:
    driver.find_element(By.ID, "point").clear()
    driver.find_element(By.ID, "point").send_keys("Setuju")
    for name, value in BAD.items():
        field = driver.find_element(By.ID, name)
        field.clear()
        field.send_keys(value)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_agreed_point_errors(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    user_id, username = facilitator(live_server)
    code = forum_with_inputs(live_server, user_id).join_code
    point_id = with_points(live_server, user_id, code)
    sign_in(driver, live_server, username)
    mode = Mode(js=js)
    for lang in ("id", "en"):
        for path, action in (
            ("outcomes", "/agreed"),
            (f"outcomes/point/{point_id}", f"/{point_id}"),
        ):
            with harness.mode_applied(driver, mode):
                driver.get(live_server.url(f"/staff/forums/{code}/{path}", lang=lang))
                _fill_bad_date(driver)
                press_button(driver, f"main form[action$='{action}'] button[type=submit]")
                harness.wait_for(driver, ".error-summary")
                assert driver.title.startswith(PREFIX[lang])
                assert driver.find_element(By.ID, "point_due_day").get_attribute("value") == "31"
                assert driver.find_element(By.ID, "point").get_attribute("value") == "Setuju"
                harness.check_current_page(driver, mode)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_recording_a_point_by_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, js: bool
) -> None:
    user_id, username = facilitator(live_server)
    code = forum_with_inputs(live_server, user_id).join_code
    with_points(live_server, user_id, code)  # makes the agency
    sign_in(driver, live_server, username)
    year = str(dt.date.today().year + 1)
    with harness.mode_applied(driver, Mode(js=js)):
        driver.get(live_server.url(f"/staff/forums/{code}/outcomes", lang="en"))
        heading = driver.find_element(By.CSS_SELECTOR, "main h1")
        driver.execute_script(
            "arguments[0].setAttribute('tabindex', '-1'); arguments[0].focus()", heading
        )
        keyboard.tab_to(driver, driver.find_element(By.ID, "point"))
        keyboard.active(driver).send_keys("Papan informasi di loket")
        keyboard.tab_to(driver, driver.find_element(By.ID, "point_owner"))
        keyboard.press(driver, Keys.ARROW_DOWN)  # the first agency, after "No agency yet"
        for name, value in (("point_due_day", "17"), ("point_due_month", "8")):
            keyboard.tab_to(driver, driver.find_element(By.ID, name))
            keyboard.active(driver).send_keys(value)
        keyboard.tab_to(driver, driver.find_element(By.ID, "point_due_year"))
        keyboard.active(driver).send_keys(year)
        keyboard.tab_to(driver, driver.find_element(By.ID, "point_state"))
        keyboard.press(driver, Keys.ARROW_DOWN)  # Planned
        keyboard.tab_to(driver, lambda e: e.text == "Record the agreed point")
        submit_focused(driver)
        assert "done=point" in driver.current_url
        text = driver.find_element(By.ID, "main").text
        assert "The agreed point is recorded." in text
        assert "Papan informasi di loket" in text and "Where it stands: Planned" in text
        assert f'<time datetime="{year}-08-17">' in driver.page_source
