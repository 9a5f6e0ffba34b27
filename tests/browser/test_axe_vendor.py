"""The vendored axe-core is exactly the published 4.14.1, and it says so in a browser too."""

from __future__ import annotations

import hashlib

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness
from tests.browser.server import LiveServer

# sha256 of axe.min.js in the npm package axe-core@4.14.1
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"


def test_vendored_axe_is_the_published_file() -> None:
    data = harness.AXE_SCRIPT.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256
    assert data.startswith(b"/*! axe v4.14.1\n")
    assert b'axe.version="4.14.1"' in data


def test_axe_licence_is_kept_next_to_it() -> None:
    licence = (harness.AXE_SCRIPT.parent / "axe-core.LICENSE").read_text()
    assert licence.startswith("Mozilla Public License, version 2.0")


@pytest.mark.browser
def test_axe_reports_its_version_in_the_page(driver: WebDriver, live_server: LiveServer) -> None:
    driver.get(live_server.url("/"))
    harness.run_axe(driver)
    assert driver.execute_script("return axe.version") == harness.AXE_VERSION
