"""At most GESI_DOWNLOADS_PER_HOUR whole data files an hour per address, across the open data
exports and the GESI tables and across app processes: then a translated 429 page that says
when to come back, with Retry-After."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app.app import create_app
from tests.conftest import make_settings
from tests.staff_support import title

FILES = ("/stats/export.csv", "/stats/export.json", "/stats/gesi.csv")


def _client(directory: Path, database_url: str) -> TestClient:
    app = create_app(make_settings(directory, database_url, GESI_DOWNLOADS_PER_HOUR="3"))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def limited(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    with _client(tmp_path / "one", database_url) as client:
        yield client


@pytest.mark.parametrize(
    ("lang", "heading", "sentence"),
    [
        ("en", "Wait before you download more files", "That is in 60 minutes."),
        ("id", "Tunggu sebelum mengunduh berkas lagi", "Itu 60 menit lagi."),
    ],
)
def test_past_the_limit_a_translated_page_says_when(
    limited: TestClient, lang: str, heading: str, sentence: str
) -> None:
    for path in FILES:
        assert limited.get(path).status_code == 200, path
    for path in FILES:
        refused = limited.get(f"{path}?lang={lang}")
        assert refused.status_code == 429
        assert refused.headers["content-type"].startswith("text/html")
        wait = int(refused.headers["retry-after"])
        assert 3500 < wait <= 3600
        assert refused.headers["cache-control"] == "no-store"
        page = refused.text
        assert title(page) == f"{heading} – Suara"
        assert heading in page.split("<h1", 1)[1].split("</h1>", 1)[0]
        assert sentence in page
        assert 'href="/stats"' in page
        assert "<time datetime=" in page


def test_a_bad_filter_is_not_counted(limited: TestClient) -> None:
    for _ in range(5):
        assert limited.get("/stats/export.csv?from=yesterday").status_code == 400
    assert limited.get("/stats/export.csv").status_code == 200


def test_the_limit_holds_across_app_processes(
    limited: TestClient, tmp_path: Path, database_url: str
) -> None:
    for _ in range(3):
        assert limited.get("/stats/export.csv").status_code == 200
    with _client(tmp_path / "two", database_url) as other:
        assert other.get("/stats/export.json").status_code == 429


def test_pages_are_not_limited(limited: TestClient) -> None:
    for _ in range(3):
        limited.get("/stats/export.csv")
    for path in ("/stats", "/stats/data", "/stats/datapackage.json"):
        assert limited.get(path).status_code == 200
