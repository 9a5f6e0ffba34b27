"""Browser fixtures: one live server and one Chromium per test worker, reused by every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness, server
from tests.browser.server import LiveServer


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app on a fresh SQLite database with demo data; ``database_url`` for factories."""
    with server.live_server(tmp_path_factory.mktemp("live")) as running:
        yield running


@pytest.fixture(scope="session")
def _chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    with server.chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@pytest.fixture
def driver(_chromium: WebDriver) -> WebDriver:
    """The worker's Chromium, with no cookies and the normal display, for one test."""
    harness.reset_browser(_chromium)
    return _chromium


FAKE_MEDIA = ("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")


@pytest.fixture(scope="session")
def _media_chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    profile = tmp_path_factory.mktemp("chromium-media")
    with server.chromium(profile, extra_flags=FAKE_MEDIA) as driver:
        yield driver


@pytest.fixture
def media_driver(_media_chromium: WebDriver) -> WebDriver:
    """A Chromium of its own with a fake microphone and camera, already allowed; no cookies
    and the normal display for each test."""
    harness.reset_browser(_media_chromium)
    return _media_chromium
