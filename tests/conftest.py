"""Fixtures shared by every test: settings, databases, the app and a client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.settings import Settings
from tests import databases

# Valid HTML: the pages the browser tests visit, checked once a session by the Nu Html Checker.
pytest_plugins = ["tests.browser.nu_plugin", "pytester"]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return databases.sqlite_template(tmp_path_factory.mktemp("template"))


@pytest.fixture(scope="session")
def postgres_url(worker_id: str) -> Iterator[str]:
    url = databases.worker_postgres(worker_id)
    yield url
    databases.drop_worker_postgres(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path
) -> Iterator[str]:
    """A migrated, empty database: each test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield databases.fresh_sqlite(sqlite_template, tmp_path)
        return
    url: str = request.getfixturevalue("postgres_url")
    yield url
    databases.empty_postgres(url)


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A migrated, empty SQLite database, for tests that need only the embedded engine."""
    return databases.fresh_sqlite(sqlite_template, tmp_path)


def make_settings(data_dir: Path, database_url: str, **extra: str) -> Settings:
    env = {
        "GESI_DATA_DIR": str(data_dir),
        "GESI_DATABASE_URL": database_url,
        "GESI_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "GESI_MIN_FILL_SECONDS": "0",
        "GESI_JOBS_INTERVAL_MINUTES": "0",  # tests run jobs themselves
        # Every test downloads from one address: the download limit has its own tests.
        "GESI_DOWNLOADS_PER_HOUR": "100000",
        # Offline: a test reaches the web voice only where it fakes it (staff answers are
        # spoken after publishing and after the tracking page).
        "GESI_TTS_ENGINES": "espeak",
        # Argon2's production parameters take ~0.5 s a hash here, and the staff tests sign in
        # hundreds of times: the lowest parameters allowed, as Django's test settings do.
        "GESI_ARGON2_TIME_COST": "1",
        "GESI_ARGON2_MEMORY_KIB": "1024",
        **extra,
    }
    return Settings.from_env(env)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return make_settings(tmp_path / "data", database_url)


@pytest.fixture
def app(settings: Settings) -> Starlette:
    return create_app(settings)


@pytest.fixture
def client(app: Starlette) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


_TOKEN = re.compile(r'name="csrftoken" value="([^"]+)"')


def form_token(html: str) -> str:
    """The CSRF token of the first form on a page, as a browser would send it."""
    match = _TOKEN.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)
