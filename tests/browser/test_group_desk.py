"""Sign-in links, a group's desk and its representatives in real Chromium: axe-clean and
Nu-valid in both languages, JavaScript on and off, empty and with errors, and by keyboard."""

from __future__ import annotations

import re
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import signin_links
from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.service import create_user
from gesi_app.reports.models import Status
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_staff import PASSWORD, new_staff, sign_in
from tests.grouprep_support import group_report
from tests.groups_support import add_group

pytestmark = pytest.mark.browser


def new_rep(server: LiveServer, group_id: int) -> tuple[str, str]:
    """A representative of ``group_id`` with PASSWORD and an email; (username, email)."""
    username = f"rep.{uuid.uuid4().hex[:8]}"
    email = f"{username}@example.org"

    async def work(session: AsyncSession) -> None:
        user = await create_user(
            session,
            username=username,
            full_name=f"Perwakilan {username}",
            role=Role.GROUP_REP,
            password=PASSWORD,
            password_hash=factories.HASHER.hash(PASSWORD),
            email=email,
        )
        user.group_id = group_id

    factories.run(server.database_url, work)
    return username, email


def new_group(server: LiveServer) -> int:
    return add_group(server.database_url, name=f"Karang Taruna {uuid.uuid4().hex[:6]}").id


def link_for(server: LiveServer, email: str) -> str:
    """A working sign-in link for the account at ``email``, made by the real service."""

    async def work(session: AsyncSession) -> str:
        address = signin_links.Address(signin_links.EMAIL, email)
        made = await signin_links.ask_for_link(session, address, f"10.9.{uuid.uuid4().int % 250}.1")
        assert made is not None
        return made.token

    token: str = factories.run(server.database_url, work)
    return f"/staff/login/link/{token}"


def test_the_sign_in_link_pages(driver: WebDriver, live_server: LiveServer) -> None:
    _username, email = new_rep(live_server, new_group(live_server))
    for path in (
        "/staff/login/link",
        "/staff/login/link/sent",
        "/staff/login/link/not-a-real-token",
        link_for(live_server, email),  # opening it spends nothing
    ):
        harness.check_page_languages(driver, live_server.url(path))
    harness.check_page(driver, live_server.url("/staff/login/link", lang="en"), width=320)


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=str)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_link_form_with_errors(
    driver: WebDriver, live_server: LiveServer, mode: Mode, lang: str
) -> None:
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/staff/login/link", lang=lang))
        driver.find_element(By.ID, "address").send_keys("wulan@")
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        summary = harness.wait_for(driver, ".error-summary")
        assert keyboard.active(driver) == summary
        assert driver.find_element(By.ID, "address").get_attribute("value") == "wulan@"
        harness.check_current_page(driver, mode)


def test_signing_in_by_link_with_the_keyboard_alone(
    driver: WebDriver, live_server: LiveServer
) -> None:
    _username, email = new_rep(live_server, new_group(live_server))
    with harness.mode_applied(driver, Mode(js=False)):
        driver.get(live_server.url("/staff/login", lang="en"))
        keyboard.tab_to(driver, lambda e: e.text == "Email me a sign-in link instead")
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for_url(driver, "/staff/login/link")
        field = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "address")
        field.send_keys(email)
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for_url(driver, "/staff/login/link/sent")
        assert "Check your messages" in driver.find_element(By.TAG_NAME, "h1").text
        harness.check_current_page(driver, Mode(js=False))
    driver.get(live_server.url(link_for(live_server, email), lang="en"))
    keyboard.tab_to(driver, lambda e: e.tag_name == "button" and e.text == "Sign in")
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for(driver, ".staff-nav")
    assert re.search(r"/staff/desk$", driver.current_url)
    harness.check_current_page(driver)


def test_the_desk_pages(driver: WebDriver, live_server: LiveServer) -> None:
    group_id = new_group(live_server)
    username, _email = new_rep(live_server, group_id)
    empty_group = new_group(live_server)
    lonely, _ = new_rep(live_server, empty_group)
    agency = factories.run(live_server.database_url, lambda s: _officer_agency(s))
    answered = group_report(live_server.database_url, group_id, Status.DITINDAKLANJUTI, agency)
    open_one = group_report(live_server.database_url, group_id, Status.TERVERIFIKASI, agency)
    sign_in(driver, live_server, lonely)
    harness.check_page_languages(driver, live_server.url("/staff/desk"))  # empty
    driver.delete_all_cookies()
    sign_in(driver, live_server, username)
    assert re.search(r"/staff/desk$", driver.current_url)
    for path in (
        "/staff/desk",
        f"/staff/desk/{answered.tracking_code}",
        f"/staff/desk/{open_one.tracking_code}",
        "/staff/desk/SRA-2222-22",  # not the group's: not found
        "/staff/queue",  # refused
    ):
        harness.check_page_languages(driver, live_server.url(path))
    harness.check_page(driver, live_server.url("/staff/desk", lang="en"), width=320)
    for lang in ("id", "en"):
        driver.get(live_server.url(f"/staff/desk/{answered.tracking_code}", lang=lang))
        driver.find_element(By.ID, "comment").send_keys("Lumayan")
        driver.find_element(By.CSS_SELECTOR, "#rating-section button[type=submit]").click()
        harness.wait_for(driver, ".error-summary")
        assert driver.find_element(By.ID, "comment").get_attribute("value") == "Lumayan"
        harness.check_current_page(driver)
    # Rating by keyboard alone.
    driver.get(live_server.url(f"/staff/desk/{answered.tracking_code}", lang="en"))
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "score", max_tabs=80)
    keyboard.press(driver, Keys.SPACE)
    keyboard.tab_to(driver, lambda e: e.text == "Send rating", max_tabs=10)
    keyboard.press(driver, Keys.ENTER)
    notice = harness.wait_for(driver, ".notice-success")
    assert "Thank you for your rating" in notice.text
    harness.check_current_page(driver)


async def _officer_agency(session: AsyncSession) -> int:
    from sqlalchemy import select

    officer = await session.scalar(select(StaffUser).where(StaffUser.username == "petugas.pupr"))
    assert officer is not None and officer.agency_id is not None
    return officer.agency_id


def test_the_admins_representative_pages(driver: WebDriver, live_server: LiveServer) -> None:
    group_id = new_group(live_server)
    new_rep(live_server, group_id)
    sign_in(driver, live_server, new_staff(live_server))
    for path in (f"/staff/groups/{group_id}", f"/staff/groups/{group_id}/representatives/new"):
        harness.check_page_languages(driver, live_server.url(path))
    for lang in ("id", "en"):
        driver.get(live_server.url(f"/staff/groups/{group_id}/representatives/new", lang=lang))
        driver.find_element(By.ID, "phone").send_keys("12")
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        harness.wait_for(driver, ".error-summary")
        assert driver.find_element(By.ID, "phone").get_attribute("value") == "12"
        harness.check_current_page(driver)
    driver.get(live_server.url(f"/staff/groups/{group_id}/representatives/new", lang="en"))
    driver.find_element(By.ID, "full_name").send_keys("Rina Perwakilan")
    driver.find_element(By.ID, "username").send_keys(f"rina.{uuid.uuid4().hex[:6]}")
    driver.find_element(By.ID, "email").send_keys("rina@example.org")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    harness.wait_for(driver, ".panel-confirmation")
    harness.check_current_page(driver)
