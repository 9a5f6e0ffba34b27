"""The admin settings pages in real Chromium with axe-core: response templates, agencies,
topics, areas and messages not delivered, in both languages with scripts on and off, with errors; the casework
"not our authority" and "archive" pages; adding an agency with the keyboard alone."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.agencies.models import Agency
from gesi_app.categories.models import Category
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in

pytestmark = pytest.mark.browser


def failed_message(server: LiveServer, report_id: int) -> None:
    async def work(session: AsyncSession) -> None:
        session.add(
            Outbox(
                report_id=report_id, channel=OutboxChannel.EMAIL, recipient="siti@example.org",
                locale="id", kind="answered", subject="Dijawab", body="Isi pesan",
                status=OutboxStatus.FAILED, attempts=12, last_error="SMTPRecipientsRefused 550",
            )
        )  # fmt: skip
        session.add(  # no SMS gateway on the test server: the page counts and explains it
            Outbox(
                report_id=report_id, channel=OutboxChannel.SMS, recipient="+6281234567890",
                locale="id", kind="answered", subject="Dijawab", body="Isi pesan",
                status=OutboxStatus.NO_GATEWAY, last_error="no SMS gateway (GESI_SMS_URL)",
            )
        )  # fmt: skip

    factories.run(server.database_url, work)


def first_id(server: LiveServer, column: Any) -> int:
    async def work(session: AsyncSession) -> int | None:
        return await session.scalar(select(column).order_by(column).limit(1))

    found: int = factories.run(server.database_url, work)
    return found


def test_admin_pages_in_both_languages(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    report = factories.create_report(live_server.database_url).report
    failed_message(live_server, report.id)
    agency = first_id(live_server, Agency.id)
    topic = first_id(live_server, Category.id)
    for path in (
        "/staff/templates",
        "/staff/templates/new",
        "/staff/templates/1",
        "/staff/agencies",
        "/staff/agencies/new",
        f"/staff/agencies/{agency}",
        "/staff/categories",
        "/staff/categories/new",
        f"/staff/categories/{topic}",
        "/staff/regions",
        "/staff/regions/36.03.01",
        "/staff/regions/36.03.01.1001",
        "/staff/notifications",
        f"/staff/reports/{report.tracking_code}/not-ours",
        f"/staff/reports/{report.tracking_code}/archive",
    ):
        harness.check_page_languages(driver, live_server.url(path))
    harness.check_page(driver, live_server.url("/staff/notifications", lang="en"), width=320)
    harness.check_page(driver, live_server.url("/staff/templates/1", lang="id"), width=320)
    harness.check_page(driver, live_server.url("/staff/categories", lang="id"), width=320)


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_admin_forms_with_errors(
    driver: WebDriver, live_server: LiveServer, mode: Mode, lang: str
) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    report = factories.create_report(live_server.database_url).report
    for path, field, typed in (
        ("/staff/templates/new", "label_en", "Half a template"),
        ("/staff/agencies/new", "name_en", "Half an agency"),
        ("/staff/categories/new", "name_en", "Half a topic"),
        ("/staff/regions/36.03.02", None, None),
        (f"/staff/reports/{report.tracking_code}/not-ours", None, None),
        (f"/staff/reports/{report.tracking_code}/archive", None, None),
    ):
        # Checking a page turns scripts on again: apply the mode for each page.
        with harness.mode_applied(driver, mode):
            driver.get(live_server.url(path, lang=lang))
            if field and typed:
                driver.find_element(By.ID, field).send_keys(typed)
            if "/regions/" in path:
                driver.find_element(By.ID, "name").clear()  # the name is filled in: empty it
            driver.find_element(
                By.CSS_SELECTOR, "main form button.button:not(.button-secondary)"
            ).click()
            summary = harness.wait_for(driver, ".error-summary")
            assert summary.find_elements(By.TAG_NAME, "a")
            assert driver.title.startswith("Kesalahan:" if lang == "id" else "Error:")
            if field and typed:
                assert driver.find_element(By.ID, field).get_attribute("value") == typed
            harness.check_current_page(driver, mode)


def test_adding_an_agency_by_keyboard(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    mark = uuid.uuid4().hex[:6]
    name_id, name_en = f"Dinas Sosial {mark}", f"Social Affairs Agency {mark}"
    driver.get(live_server.url("/staff/agencies", lang="en"))
    keyboard.tab_to(driver, lambda e: e.text == "Add an agency", max_tabs=40)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "/staff/agencies/new")
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "name_id", max_tabs=40)
    keyboard.active(driver).send_keys(name_id)
    keyboard.tab_to(driver, lambda e: e.text == "Save the agency", max_tabs=10)
    keyboard.press(driver, Keys.ENTER)
    summary = harness.wait_for(driver, ".error-summary")  # the English name was left out
    assert keyboard.active(driver) == summary
    keyboard.tab_to(
        driver, lambda e: (e.get_attribute("href") or "").endswith("#name_en"), max_tabs=5
    )
    keyboard.press(driver, Keys.ENTER)
    if keyboard.active(driver).get_attribute("id") != "name_en":
        keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "name_en", max_tabs=3)
    keyboard.active(driver).send_keys(name_en)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "saved=1")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Your changes are saved" in main
    assert name_id in main and name_en in main
    harness.check_current_page(driver)
