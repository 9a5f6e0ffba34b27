"""/stats/card in real Chromium with axe-core and the Nu checker: empty and filled, both
languages, JavaScript on and off, with an error and at 320 px; the card image loads and the
alt text is in the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests import factories
from tests.browser import harness, server
from tests.browser.server import LiveServer
from tests.unit.stats.test_infographic import fill

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server of this test's own: the card counts every report of its month, and the
    worker's shared server holds other tests' reports of the same months."""
    with server.live_server(tmp_path) as running:
        yield running


def test_card_page_empty_filled_and_with_an_error(
    driver: WebDriver, live_server: LiveServer
) -> None:
    url = live_server.url("/stats/card", month="2026-03")
    harness.check_page_languages(driver, url)  # empty
    factories.run(live_server.database_url, fill)
    harness.check_page_languages(driver, url)
    harness.check_page_languages(driver, live_server.url("/stats/card"))  # the last full month
    harness.check_page_languages(driver, live_server.url("/stats/card", month="Maret"))
    harness.check_page(driver, url, width=320)
    driver.get(live_server.url("/stats/card", month="2026-03", lang="en"))
    image = driver.find_element(By.CSS_SELECTOR, "img.stats-card-image")
    assert driver.execute_script("return arguments[0].naturalWidth", image) == 1200
    alt = driver.find_element(By.ID, "card-alt").get_attribute("value") or ""
    assert alt.startswith("Suara: March 2026. Reports received: 17.")
