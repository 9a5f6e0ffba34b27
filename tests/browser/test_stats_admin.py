"""The population figures pages for admins in real Chromium with axe-core and the Nu checker:
list, add and change in both languages with scripts on and off, at 320 px, and the add form
with errors (what was typed kept)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in

pytestmark = pytest.mark.browser


def test_population_pages(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    for path in ("/staff/population", "/staff/population/new", "/staff/population/1"):
        harness.check_page_languages(driver, live_server.url(path))
    harness.check_page(driver, live_server.url("/staff/population", lang="id"), width=320)
    harness.check_page(driver, live_server.url("/staff/population/1", lang="en"), width=320)


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_population_form_with_errors(
    driver: WebDriver, live_server: LiveServer, mode: Mode, lang: str
) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/staff/population/new", lang=lang))
        driver.find_element(By.ID, "source").send_keys("BPS, half typed")
        driver.find_element(By.CSS_SELECTOR, "main form button.button").click()
        summary = harness.wait_for(driver, ".error-summary")
        assert summary.find_elements(By.TAG_NAME, "a")
        assert driver.title.startswith("Kesalahan:" if lang == "id" else "Error:")
        assert driver.find_element(By.ID, "source").get_attribute("value") == "BPS, half typed"
        harness.check_current_page(driver, mode)
