"""Staff sign-in and staff pages in real Chromium with axe-core, and sign-in by keyboard alone.

The live server is shared by every browser test and all of them come from 127.0.0.1, so these
tests fail a sign-in at most once, but for the paused page's test: it pauses only its own
made-up username, with five of the twenty wrong tries an address has in 15 minutes.
"""

from __future__ import annotations

import re
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user, user_by_username
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser
PASSWORD = "browser test password"
LAYOUTS = [Mode(width=320), Mode(text_zoom=200)]


def new_staff(server: LiveServer, role: Role = Role.ADMIN) -> str:
    """A staff member of ``role`` with PASSWORD; their (unique) username."""
    username = f"b.{role.value[:5]}.{uuid.uuid4().hex[:8]}"

    async def work(session: AsyncSession) -> None:
        agency = None
        if role is Role.AGENCY_OFFICER:
            officer = await user_by_username(session, "petugas.pupr")
            assert officer is not None
            from gesi_app.agencies.models import Agency

            agency = await session.get(Agency, officer.agency_id)
        await create_user(
            session,
            username=username,
            full_name=f"Petugas {username}",
            role=role,
            password=PASSWORD,
            password_hash=factories.HASHER.hash(PASSWORD),
            agency=agency,
        )

    factories.run(server.database_url, work)
    return username


def sign_in(driver: WebDriver, server: LiveServer, username: str) -> None:
    driver.get(server.url("/staff/login"))
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    harness.wait_for(driver, ".staff-nav")


def test_the_sign_in_page(driver: WebDriver, live_server: LiveServer) -> None:
    harness.check_page_languages(driver, live_server.url("/staff/login"))
    for mode in LAYOUTS:
        harness.check_page(
            driver, live_server.url("/staff/login"), width=mode.width, text_zoom=mode.text_zoom
        )


GHOST = f"ghost.{uuid.uuid4().hex[:8]}"  # no such account: pausing it harms no other test


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=str)
def test_the_paused_sign_in_page(
    driver: WebDriver, live_server: LiveServer, mode: Mode, lang: str
) -> None:
    with harness.mode_applied(driver, mode):
        for _ in range(6):  # five wrong tries pause the pair; once paused, one try shows it
            driver.get(live_server.url("/staff/login", lang=lang))
            driver.find_element(By.ID, "username").send_keys(GHOST)
            driver.find_element(By.ID, "password").send_keys("not the password")
            driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            harness.wait_for(driver, "main h1")
            if driver.find_elements(By.CSS_SELECTOR, ".notice-warning"):
                break
        notice = harness.wait_for(driver, ".notice-warning")
        expected = {"id": "dari koneksi internet Anda", "en": "from your internet connection"}
        assert expected[lang] in notice.text
        assert keyboard.active(driver) == notice  # it takes focus, like an error summary
        harness.check_current_page(driver, mode)


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False), *LAYOUTS], ids=str)
def test_the_sign_in_page_with_errors(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/staff/login", lang="en"))
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        summary = harness.wait_for(driver, ".error-summary")
        assert "Enter your username" in summary.text
        # The summary takes focus and links to the field.
        assert keyboard.active(driver) == summary
        harness.check_current_page(driver, mode)


def test_signing_in_and_out_with_the_keyboard_alone(
    driver: WebDriver, live_server: LiveServer
) -> None:
    username = new_staff(live_server)
    driver.get(live_server.url("/staff/login", lang="en"))
    field = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "username")
    field.send_keys(username)
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "password", max_tabs=1)
    # Pasting is allowed: nothing on the page blocks it (WCAG 3.3.8, no cognitive test).
    assert driver.execute_script(
        "const e = new ClipboardEvent('paste', {cancelable: true});"
        "return document.getElementById('password').dispatchEvent(e);"
    )
    keyboard.active(driver).send_keys("not the password")  # the one failure of this module
    keyboard.press(driver, Keys.ENTER)
    summary = harness.wait_for(driver, ".error-summary")
    assert "The username or password is not right" in summary.text
    assert keyboard.active(driver) == summary
    assert driver.find_element(By.ID, "username").get_attribute("value") == username
    assert driver.find_element(By.ID, "password").get_attribute("value") == ""

    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "password", max_tabs=4)
    keyboard.active(driver).send_keys(PASSWORD)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for(driver, ".staff-nav")
    assert re.search(r"/staff$", driver.current_url)
    harness.check_current_page(driver)

    keyboard.tab_to(driver, lambda e: e.text == "Sign out", max_tabs=40)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "signed_out=1")
    assert "You are signed out" in driver.find_element(By.TAG_NAME, "main").text
    harness.check_current_page(driver)


STAFF_PAGES = ["/staff", "/staff/users", "/staff/users/new", "/staff/audit", "/staff/audit?page=2"]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_admin_pages(driver: WebDriver, live_server: LiveServer, path: str) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    harness.check_page_languages(driver, live_server.url(path))
    harness.check_page(driver, live_server.url(path), width=320)


def test_user_pages_with_errors_and_the_password_link(
    driver: WebDriver, live_server: LiveServer
) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    driver.get(live_server.url("/staff/users/new", lang="en"))
    driver.find_element(By.CSS_SELECTOR, "label[for='role-3']").click()  # agency officer
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    harness.wait_for(driver, ".error-summary")
    harness.check_current_page(driver)

    driver.find_element(By.ID, "username").send_keys(f"baru.{uuid.uuid4().hex[:6]}")
    driver.find_element(By.ID, "full_name").send_keys("Petugas Baru")
    driver.find_element(By.CSS_SELECTOR, "label[for='role-2']").click()  # verifier
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    link = harness.wait_for(driver, ".copy-link code").text
    harness.check_current_page(driver)

    driver.get(live_server.url("/staff/users"))
    edit = driver.find_elements(By.CSS_SELECTOR, "main table th a")[0].get_attribute("href")
    assert edit
    harness.check_page_languages(driver, edit)
    harness.check_page_languages(driver, edit + "/reset")

    # The new staff member's page, in a browser that is not signed in.
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    path = link.split("8000", 1)[1] if "8000" in link else link[link.index("/staff/reset/") :]
    harness.check_page_languages(driver, live_server.url(path))
    with harness.mode_applied(driver, Mode(js=False)):
        driver.get(live_server.url(path, lang="en"))
        driver.find_element(By.ID, "password").send_keys("short")
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        assert "Use at least 12 characters" in harness.wait_for(driver, ".error-summary").text
        harness.check_current_page(driver, Mode(js=False))
