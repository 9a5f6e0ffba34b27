"""The page for too many downloads (429) in real Chromium with axe-core and the Nu checker:
both languages, JavaScript on and off, at 320 px and 200% text; its link to the statistics is
reached by keyboard."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness, keyboard, server
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server of this test's own, allowing one download an hour."""
    with server.live_server(tmp_path, GESI_DOWNLOADS_PER_HOUR="1") as running:
        yield running


def test_the_page_for_too_many_downloads(driver: WebDriver, live_server: LiveServer) -> None:
    with urllib.request.urlopen(live_server.url("/stats/gesi.csv"), timeout=30) as first:  # noqa: S310
        assert first.status == 200
    url = live_server.url("/stats/export.json")
    harness.check_page_languages(driver, url)
    harness.check_page(driver, live_server.url("/stats/export.json", lang="en"), width=320)
    harness.check_page(driver, live_server.url("/stats/export.csv", lang="id"), text_zoom=200)
    driver.get(live_server.url("/stats/export.csv", lang="en"))
    assert "Wait before you download more files" in driver.title
    keyboard.tab_to(driver, lambda e: e.text == "Go to the statistics", max_tabs=60)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "/stats")
