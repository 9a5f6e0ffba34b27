"""The transcript form in real Chromium with axe-core: the report page with recordings, the
form in both languages with JavaScript on and off, its error state, and saving by keyboard."""

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
from tests.functional.test_staff_transcripts import with_files

pytestmark = pytest.mark.browser


def with_recordings(server: LiveServer) -> tuple[str, dict[str, int]]:
    report = factories.create_report(server.database_url).report
    return report.tracking_code, with_files(server.database_url, report.id)


def test_the_transcript_pages_in_both_languages(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    code, files = with_recordings(live_server)
    harness.check_page_languages(driver, live_server.url(f"/staff/reports/{code}"))
    for kind in ("voice", "sign_video"):
        url = live_server.url(f"/staff/reports/{code}/files/{files[kind]}/transcript")
        harness.check_page_languages(driver, url)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_empty_transcript_then_one_saved_by_keyboard(
    driver: WebDriver, live_server: LiveServer, lang: str
) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.ADMIN))
    code, files = with_recordings(live_server)
    driver.get(
        live_server.url(f"/staff/reports/{code}/files/{files['voice']}/transcript", lang=lang)
    )
    box = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "transcript", max_tabs=40)
    button = keyboard.tab_to(driver, lambda e: e.tag_name == "button", max_tabs=3)
    assert button.get_attribute("type") == "submit"
    keyboard.press(driver, Keys.ENTER)
    summary = harness.wait_for(driver, ".error-summary")
    assert keyboard.active(driver) == summary
    harness.check_current_page(driver)
    box = keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "transcript", max_tabs=40)
    box.send_keys("Lampu jalan di depan pasar mati.")
    keyboard.tab_to(driver, lambda e: e.tag_name == "button", max_tabs=3)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "done=transcript")
    assert "Lampu jalan di depan pasar mati." in driver.find_element(By.TAG_NAME, "main").text
    harness.check_current_page(driver)
