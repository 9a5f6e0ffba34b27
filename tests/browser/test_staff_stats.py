"""/staff/stats in real Chromium with axe-core and the Nu checker: before and after reports
come in, both languages, JavaScript on and off, 320 px, with an error, each role's view, and
the filters, the CSV link and an overdue report reached with the keyboard alone."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from gesi_app.accounts.models import Role
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in
from tests.unit.stats import staff_fixtures

pytestmark = pytest.mark.browser


def test_staff_stats_by_role_errors_narrow_and_keyboard(
    driver: WebDriver, live_server: LiveServer
) -> None:
    url = live_server.url("/staff/stats")
    sign_in(driver, live_server, new_staff(live_server, Role.AGENCY_OFFICER))
    harness.check_page_languages(driver, url)
    codes = factories.run(live_server.database_url, staff_fixtures.fill)
    harness.check_page_languages(driver, url)  # the officer's agency: no segments
    driver.delete_all_cookies()
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    harness.check_page_languages(driver, url)  # every agency, with the segments
    harness.check_page_languages(driver, live_server.url("/staff/stats", type="aspirasi"))
    harness.check_page_languages(driver, live_server.url("/staff/stats", **{"from": "Maret"}))
    harness.check_page(driver, url, width=320)
    harness.check_page(driver, url, text_zoom=200)
    # The keyboard alone: a month in the filters, the form sent, then the CSV link and the
    # first overdue report reached and followed.
    driver.get(live_server.url("/staff/stats", lang="en"))
    field = keyboard.tab_to(driver, driver.find_element(By.ID, "from"), max_tabs=60)
    field.send_keys("2026-03")
    submit = driver.find_element(By.CSS_SELECTOR, ".filters button[type=submit]")
    keyboard.tab_to(driver, submit).send_keys(Keys.ENTER)
    harness.wait_for_url(driver, "from=2026-03")
    assert driver.find_element(By.ID, "from").get_attribute("value") == "2026-03"
    assert not driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    export = driver.find_element(By.PARTIAL_LINK_TEXT, "Download this table")
    assert export.get_attribute("href").endswith("/staff/stats/export.csv?from=2026-03")
    keyboard.tab_to(driver, export, max_tabs=80)
    late = driver.find_element(By.LINK_TEXT, codes.n1)
    keyboard.tab_to(driver, late, max_tabs=80).send_keys(Keys.ENTER)
    harness.wait_for_url(driver, f"/staff/reports/{codes.n1}")
