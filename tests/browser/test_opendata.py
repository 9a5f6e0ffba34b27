"""The open data dictionary in real Chromium with axe-core (and the Nu checker): both
languages, scripts on and off, 320 px and 200% text; its download links reach the files, by
keyboard."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from gesi_app.opendata.columns import NAMES
from tests.browser import harness, keyboard
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser


def test_the_dictionary_page(driver: WebDriver, live_server: LiveServer) -> None:
    harness.check_page_languages(driver, live_server.url("/stats/data"))
    harness.check_page(driver, live_server.url("/stats/data", lang="en"), width=320)
    harness.check_page(driver, live_server.url("/stats/data", lang="id"), text_zoom=200)


def test_the_page_for_a_bad_filter(driver: WebDriver, live_server: LiveServer) -> None:
    url = live_server.url("/stats/export.csv?from=2026-02-30&type=complaint")
    harness.check_page_languages(driver, url)
    harness.check_page(driver, url, width=320)
    items = driver.find_elements(By.CSS_SELECTOR, "main li")
    assert [i.text.split(":")[0] for i in items] == ["from", "type"]


def test_every_column_is_described_and_the_links_lead_to_the_files(
    driver: WebDriver, live_server: LiveServer
) -> None:
    driver.get(live_server.url("/stats/data", lang="en"))
    described = [
        cell.text
        for cell in driver.find_elements(
            By.CSS_SELECTOR, "[aria-labelledby=columns-title] tbody th"
        )
    ]
    assert described == list(NAMES)
    links = {
        a.text: a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a")
    }
    assert links["Reports (CSV)"].endswith("/stats/export.csv")
    assert links["Reports (JSON)"].endswith("/stats/export.json")
    assert links["datapackage.json"].endswith("/stats/datapackage.json")
    assert links["See the statistics"].endswith("/stats")
    # The JSON opens in the browser; reached by keyboard alone.
    keyboard.tab_to(driver, lambda e: e.text == "Reports (JSON)", max_tabs=40)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "/stats/export.json")
