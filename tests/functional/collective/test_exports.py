"""Open data: a collective report's group and weight, never its segment counts (canary)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from starlette.testclient import TestClient

from gesi_app.settings import Settings
from tests import factories
from tests.collective_support import BIG, canary_numbers, collective_report, group_and_rep
from tests.groups_support import regions

NAME = "Himpunan Wanita Disabilitas Balaraja"


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    regions(settings.database_url)
    return settings.database_url


def test_exports_give_group_and_weight_only(client: TestClient, seeded: str) -> None:
    group_id = group_and_rep(seeded, members=BIG)
    code = collective_report(seeded, group_id)
    waiting = collective_report(seeded, group_id, minute=1, published=False)
    collective_report(seeded, group_id, minute=2, rahasia=True)
    text = client.get("/stats/export.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["tracking_code"], r["group_name"], r["weight"]) for r in rows] == [
        (code, NAME, "9000"),
        ("", "", "9000"),  # not public yet: no code and no group's name
    ]
    data = json.loads(client.get("/stats/export.json").text)
    assert [(r["group_name"], r["weight"]) for r in data] == [(NAME, 9000), (None, 9000)]
    package = client.get("/stats/datapackage.json").text
    dictionary = client.get("/stats/data?lang=en").text
    assert '"group_name"' in package and '"weight"' in package
    assert "group_name" in dictionary and "weight" in dictionary
    for page in (text, json.dumps(data), package, dictionary):
        for number in canary_numbers():
            assert number not in page, number
    assert waiting not in text
