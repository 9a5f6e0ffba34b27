"""Publish after verification in real Chromium with axe-core: the verify page with the public
title and text to check (and its errors), the staff report page with both versions, and the
public page with only the checked words, in both languages with JavaScript on and off."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select

from gesi_app.accounts.models import Role
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in
from tests.casework_support import load

pytestmark = pytest.mark.browser
ORIGINAL = "Pak Budi minta uang. Telepon saya 081299998888."
REDACTED = "Petugas meminta uang untuk surat keterangan."


def received(server: LiveServer) -> tuple[int, str]:
    report = factories.create_report(
        server.database_url, title="Pungli di kantor desa", description=ORIGINAL
    ).report
    return report.id, report.tracking_code


def test_verify_page_and_staff_report_page(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    _, waiting = received(live_server)
    for path in (f"/staff/reports/{waiting}/verify", f"/staff/reports/{waiting}"):
        harness.check_page_languages(driver, live_server.url(path))
    harness.check_page(driver, live_server.url(f"/staff/reports/{waiting}/verify"), width=320)
    report_id, published = received(live_server)
    factories.publish_report(live_server.database_url, report_id, "Pungutan liar", REDACTED)
    harness.check_page_languages(driver, live_server.url(f"/staff/reports/{published}"))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=str)
def test_verify_errors_then_redact_and_publish(
    driver: WebDriver, live_server: LiveServer, lang: str, mode: Mode
) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    report_id, code = received(live_server)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url(f"/staff/reports/{code}/verify", lang=lang))
        text = driver.find_element(By.ID, "public_description")
        assert text.get_attribute("value") == ORIGINAL  # the reporter's words, to check
        text.clear()
        driver.find_element(By.ID, "public_title").clear()
        driver.find_element(By.CSS_SELECTOR, "main form button.button").click()
        summary = harness.wait_for(driver, ".error-summary")
        if mode.js:
            assert keyboard.active(driver) == summary
        links = summary.find_elements(By.TAG_NAME, "a")
        assert [a.get_attribute("href").split("#")[1] for a in links] == [  # type: ignore[union-attr]
            "agency",
            "public_title",
            "public_description",
        ]
        harness.check_current_page(driver, mode)
        harness.apply_mode(driver, mode)  # the check turned scripts back on

        Select(driver.find_element(By.ID, "agency")).select_by_index(1)
        field = driver.find_element(By.ID, "public_title")
        field.send_keys("Pungutan liar di kantor desa")
        driver.find_element(By.ID, "public_description").send_keys(REDACTED)
        keyboard.tab_to(driver, lambda e: e.get_attribute("type") == "submit", max_tabs=20)
        keyboard.press(driver, Keys.ENTER)
        harness.wait_for_url(driver, "done=verify")
        main = driver.find_element(By.TAG_NAME, "main").text
        assert ORIGINAL in main and REDACTED in main
        harness.check_current_page(driver, mode)
    after = load(live_server.database_url, report_id)
    assert after.published_at is not None and after.description == ORIGINAL

    driver.delete_all_cookies()
    url = live_server.url(f"/reports/{code}", lang=lang)
    harness.check_page(driver, url, js=mode.js)
    assert REDACTED in driver.page_source
    assert "081299998888" not in driver.page_source and "Budi" not in driver.page_source
