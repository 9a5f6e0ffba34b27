"""datapackage.json is a valid Frictionless tabular data package, and a CSV the app made
passes validation against it (types, enums, patterns, header)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frictionless import Package, Resource, validate
from starlette.testclient import TestClient

from gesi_app.opendata.columns import NAMES
from tests.functional.opendata.opendata_data import build


@pytest.fixture
def codes(database_url: str) -> dict[str, str]:
    return build(database_url)


def test_the_package_is_valid_and_describes_the_csv(
    client: TestClient, codes: dict[str, str], tmp_path: Path
) -> None:
    descriptor = client.get("/stats/datapackage.json").json()
    assert descriptor["profile"] == "tabular-data-package"
    resource = descriptor["resources"][0]
    assert resource["path"] == "http://127.0.0.1:8000/stats/export.csv"  # GESI_BASE_URL's
    assert [f["name"] for f in resource["schema"]["fields"]] == list(NAMES)
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"

    # The package as published, checked against the spec's profile (no data read).
    assert [e.message for e in Package.metadata_validate(descriptor)] == []

    # The CSV the app made, read through the package's own description.
    (tmp_path / "export.csv").write_bytes(client.get("/stats/export.csv").content)
    resource["path"] = "export.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor))
    result = validate(str(tmp_path / "datapackage.json"))
    assert result.valid, result.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = Package(str(tmp_path / "datapackage.json")).get_resource("reports").read_rows()
    assert len(rows) == 4
    assert rows[0]["tracking_code"] == codes["A"]
    assert rows[0]["answer_working_days"] == 2
    assert rows[1]["tracking_code"] is None
    assert [row["weight"] for row in rows] == [1, 1, 1, 1]


def test_a_csv_breaking_the_schema_fails_validation(client: TestClient, tmp_path: Path) -> None:
    """The check above can fail: a bad status and a bad date are errors."""
    descriptor = client.get("/stats/datapackage.json").json()
    header = ",".join(NAMES)
    bad_row = ",pengaduan,,,,,,,,,,,lost,2026-13-01,,,,,,1"
    (tmp_path / "export.csv").write_text("\ufeff" + header + "\r\n" + bad_row + "\r\n")
    resource = descriptor["resources"][0]
    resource["path"] = "export.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor))
    result = validate(str(tmp_path / "datapackage.json"))
    assert not result.valid
    errors = {(e[0], e[1]) for e in result.flatten(["fieldName", "type"])}
    assert errors == {("status", "constraint-error"), ("received_on", "type-error")}


def test_a_resource_read_with_the_schema_skips_the_byte_order_mark(
    client: TestClient, codes: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "export.csv").write_bytes(client.get("/stats/export.csv").content)
    resource = Resource(str(tmp_path / "export.csv"))
    assert resource.read_rows()[0].field_names == list(NAMES)  # type: ignore[attr-defined]
