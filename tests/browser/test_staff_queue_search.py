"""The staff queue's search in real Chromium: results, the empty state and a refused search
pass axe in both languages, with and without scripts."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from gesi_app.accounts.models import Role
from tests import factories
from tests.browser import harness
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in

pytestmark = pytest.mark.browser


def test_queue_search_pages(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    code = factories.create_report(live_server.database_url).report.tracking_code
    for q in (code.replace("-", " ").lower(), "salju tebal"):
        harness.check_page_languages(driver, live_server.url(f"/staff/queue?{urlencode({'q': q})}"))
    harness.check_page(
        driver, live_server.url(f"/staff/queue?{urlencode({'q': 'x' * 101})}"), js=False
    )
