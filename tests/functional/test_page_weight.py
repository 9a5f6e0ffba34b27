"""Citizen pages stay small for cheap phones on slow connections (budget: docs/performance.md)."""

from __future__ import annotations

import gzip
import re

import pytest
from starlette.testclient import TestClient

from gesi_app.settings import Settings
from tests import factories

HTML_BUDGET = 20 * 1024  # bytes of HTML, uncompressed
FIRST_VISIT_BUDGET = 30 * 1024  # HTML + CSS + scripts, gzip-compressed


@pytest.fixture
def seeded(settings: Settings) -> None:
    factories.seed(settings.database_url)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/report",
        "/report/type",
        "/track",
        "/reports",
        "/help",
        "/preferences",
        "/groups",
        "/groups/register",
        "/groups/register/name",
    ],
)
def test_citizen_pages_fit_the_budget(client: TestClient, seeded: None, path: str) -> None:
    html = client.get(path).content
    assert len(html) <= HTML_BUDGET
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)
    total = len(gzip.compress(html)) + sum(
        len(gzip.compress(client.get(a.decode()).content)) for a in assets
    )
    assert total <= FIRST_VISIT_BUDGET, f"{path}: {total} bytes compressed"
