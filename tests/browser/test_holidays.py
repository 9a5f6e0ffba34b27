"""The holidays page in real Chromium with axe-core: both languages, scripts on and off, with
the missing-year warning and with errors; adding and removing a local holiday by keyboard."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.models import Report
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in

pytestmark = pytest.mark.browser
ADD_BUTTON = "form[action$='/staff/holidays'] button[type=submit]"


@pytest.fixture
def waiting_in_2028(live_server: LiveServer) -> Iterator[str]:
    """An open report received in 2028, whose deadline is unknown; removed afterwards so the
    shared server's other pages do not show the warning."""
    when = dt.datetime(2028, 1, 3, 3, 0, tzinfo=dt.UTC)
    report = factories.create_report(live_server.database_url, now=when, region_code=None).report

    async def remove(session: AsyncSession) -> None:
        await session.execute(delete(Report).where(Report.id == report.id))

    yield report.tracking_code
    factories.run(live_server.database_url, remove)


def test_the_holidays_page_with_the_warning(
    driver: WebDriver, live_server: LiveServer, waiting_in_2028: str
) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    driver.get(live_server.url("/staff", lang="en"))
    warning = driver.find_element(By.CSS_SELECTOR, "main .notice-warning")
    assert "the holidays for 2028 are not complete" in warning.text
    harness.check_page_languages(driver, live_server.url("/staff"))
    harness.check_page_languages(driver, live_server.url("/staff/holidays"))
    harness.check_page(driver, live_server.url("/staff/holidays", lang="en"), width=320)


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_holidays_page_with_errors(
    driver: WebDriver, live_server: LiveServer, mode: Mode, lang: str
) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/staff/holidays", lang=lang))
        driver.find_element(By.ID, "date_day").send_keys("31")
        driver.find_element(By.ID, "date_month").send_keys("2")
        driver.find_element(By.ID, "date_year").send_keys("2027")
        driver.find_element(By.CSS_SELECTOR, ADD_BUTTON).click()
        summary = harness.wait_for(driver, ".error-summary")
        assert len(summary.find_elements(By.TAG_NAME, "a")) == 3
        assert driver.title.startswith("Kesalahan:" if lang == "id" else "Error:")
        assert driver.find_element(By.ID, "date_day").get_attribute("value") == "31"
        harness.check_current_page(driver, mode)


def test_adding_and_removing_a_local_holiday_by_keyboard(
    driver: WebDriver, live_server: LiveServer
) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    mark = uuid.uuid4().hex[:6]
    name, english = f"Hari Jadi {mark}", f"Regency Anniversary {mark}"
    driver.get(live_server.url("/staff/holidays", lang="en"))
    keyboard.tab_to(driver, lambda e: e.text == "Add a local holiday", max_tabs=30)
    keyboard.press(driver, Keys.ENTER)
    for field, value in (
        ("date_day", "17"),
        ("date_month", "8"),
        ("date_year", "2027"),
        ("name_id", name),
    ):
        keyboard.tab_to(driver, lambda e, f=field: e.get_attribute("id") == f, max_tabs=80)
        keyboard.active(driver).send_keys(value)
    keyboard.tab_to(driver, lambda e: e.text == "Add the holiday", max_tabs=5)
    keyboard.press(driver, Keys.ENTER)
    summary = harness.wait_for(driver, ".error-summary")  # the English name was left out
    assert keyboard.active(driver) == summary
    keyboard.tab_to(
        driver, lambda e: (e.get_attribute("href") or "").endswith("#name_en"), max_tabs=5
    )
    keyboard.press(driver, Keys.ENTER)  # the summary's link puts the cursor in the field
    if keyboard.active(driver).get_attribute("id") != "name_en":
        keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "name_en", max_tabs=3)
    keyboard.active(driver).send_keys(english)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "done=added")
    assert "The local holiday is added" in driver.find_element(By.TAG_NAME, "main").text
    harness.check_current_page(driver)

    keyboard.tab_to(
        driver,
        lambda e: e.tag_name == "a" and english in (e.get_attribute("textContent") or ""),
        max_tabs=120,
    )
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "/remove")
    assert english in driver.find_element(By.TAG_NAME, "h1").text
    harness.check_current_page(driver)
    keyboard.tab_to(driver, lambda e: e.text == "Remove the holiday", max_tabs=30)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "done=removed")
    assert english not in driver.find_element(By.TAG_NAME, "main").text
