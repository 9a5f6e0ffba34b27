"""No page logs an error in the browser's console (the missing favicon.ico once did on every
page), and the icon is served at /favicon.ico."""

from __future__ import annotations

import time
import urllib.request

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness
from tests.browser.harness import Mode
from tests.browser.server import LiveServer, with_query

pytestmark = pytest.mark.browser

# Not /stats: the statistics pages are not built yet (its footer link answers 404).
PAGES = ("/", "/report", "/report/type", "/reports", "/track", "/forums", "/help")
PAGES += ("/preferences", "/staff/login", "/no-such-page")


def test_favicon_is_served(live_server: LiveServer) -> None:
    with urllib.request.urlopen(live_server.url("/favicon.ico")) as response:  # noqa: S310  # our http server
        assert response.status == 200
        assert response.headers["Content-Type"] == "image/x-icon"
        assert response.read()[:4] == b"\x00\x00\x01\x00"


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=str)
def test_no_page_logs_a_console_error(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    driver.get_log("browser")  # what earlier tests left
    errors: list[str] = []
    with harness.mode_applied(driver, mode):
        for path in PAGES:
            for lang in harness.LANGUAGES:
                driver.get(with_query(live_server.url(path), lang=lang))
                errors.extend(_severe(driver, f"{path}?lang={lang}"))
        # The tab's icon is fetched after the page loads: its error may come in late.
        time.sleep(1)
        errors.extend(_severe(driver, "after the last page"))
    assert not errors, "\n".join(errors)


def _severe(driver: WebDriver, where: str) -> list[str]:
    found = []
    for entry in driver.get_log("browser"):
        # The 404 page answers 404 on purpose (its own request), and nothing else may fail.
        if "/no-such-page" in entry["message"] and "404" in entry["message"]:
            continue
        if entry["level"] == "SEVERE":
            found.append(f"{where}: {entry['message']}")
    return found
