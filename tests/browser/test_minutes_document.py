"""The pages of the minutes as a document in real Chromium with axe-core and the Nu checker, in
both languages, JavaScript on and off: the minutes page's document panel, who signs, the
attendance list, the admin's letterhead page, and each form's error state."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.forums import signing
from gesi_app.forums.models import Audience
from gesi_app.forums.service import forum_by_code
from tests import factories
from tests.browser import harness
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator, forum_with_inputs, sign_in
from tests.browser.test_staff import new_staff

pytestmark = pytest.mark.browser


def with_document(server: LiveServer, user_id: int, code: str) -> None:
    """Two signers and two names on the attendance list, by the services."""

    async def work(session: AsyncSession) -> None:
        user = await session.get_one(StaffUser, user_id)
        forum = await forum_by_code(session, code)
        people = [
            signing.Signer(
                signing.ORGANISER, "Siti Rahmawati", "Kepala Bagian", "197501012000032001"
            ),
            signing.Signer(signing.PUBLIC, "Budi Santoso", "Ketua Pertuni", ""),
        ]
        await signing.set_signers(session, user, forum, people)
        for name, groups in (("Ani", (Audience.WOMEN,)), ("Joko", ())):
            new = signing.NewAttendee(name, "Desa Sukamaju", groups, bool(groups))
            await signing.add_attendee(session, user, forum, new)

    factories.run(server.database_url, work)


def test_document_pages(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, username = facilitator(live_server)
    code = forum_with_inputs(live_server, user_id).join_code
    with_document(live_server, user_id, code)
    sign_in(driver, live_server, username)
    for path in (
        f"/staff/forums/{code}/minutes",
        f"/staff/forums/{code}/minutes/signers",
        f"/staff/forums/{code}/attendees",
    ):
        harness.check_page_languages(driver, live_server.url(path))
    for refused in ("number_taken", "bad_pattern"):  # closing refused, with the reason
        minutes = live_server.url(f"/staff/forums/{code}/minutes", close=refused)
        harness.check_page_languages(driver, minutes)
    driver.get(live_server.url(f"/staff/forums/{code}/attendees", lang="en"))
    text = driver.find_element(By.ID, "main").text
    assert "2 names on the list" in text and "Women" in text


def test_letterhead_page(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    harness.check_page_languages(driver, live_server.url("/staff/minutes-letterhead"))


def send(driver: WebDriver, action_end: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"main form[action$='{action_end}']")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    harness.wait_for(driver, ".error-summary")


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_document_errors(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    user_id, username = facilitator(live_server)
    code = forum_with_inputs(live_server, user_id).join_code
    sign_in(driver, live_server, username)
    mode = Mode(js=js)
    prefix = {"id": "Kesalahan: ", "en": "Error: "}
    for lang in ("id", "en"):
        with harness.mode_applied(driver, mode):
            driver.get(live_server.url(f"/staff/forums/{code}/minutes/signers", lang=lang))
            driver.find_element(By.ID, "organiser_name").send_keys("Siti")
            send(driver, "/minutes/signers")
            assert driver.title.startswith(prefix[lang])
            assert driver.find_element(By.ID, "organiser_name").get_attribute("value") == "Siti"
            harness.check_current_page(driver, mode)
        with harness.mode_applied(driver, mode):
            driver.get(live_server.url(f"/staff/forums/{code}/attendees", lang=lang))
            send(driver, "/attendees")
            assert driver.title.startswith(prefix[lang])
            harness.check_current_page(driver, mode)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_letterhead_errors(driver: WebDriver, live_server: LiveServer, js: bool) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    mode = Mode(js=js)
    prefix = {"id": "Kesalahan: ", "en": "Error: "}
    for lang in ("id", "en"):
        with harness.mode_applied(driver, mode):
            driver.get(live_server.url("/staff/minutes-letterhead", lang=lang))
            driver.find_element(By.ID, "authority").clear()
            send(driver, "/minutes-letterhead")
            assert driver.title.startswith(prefix[lang])
            harness.check_current_page(driver, mode)
