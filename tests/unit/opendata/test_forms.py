"""Reading the export filters: a value we can read, or an error naming the parameter (the
messages are checked word for word, in both languages, in tests/functional/opendata)."""

from __future__ import annotations

import datetime as dt

import pytest

from gesi_app.opendata.forms import ExportFilters, parse
from gesi_app.reports.models import ReportType

D = dt.date


@pytest.mark.parametrize(
    ("params", "expected", "bad"),
    [
        ({}, ExportFilters(), []),
        ({"from": "2026-01-01"}, ExportFilters(start=D(2026, 1, 1)), []),
        ({"to": " 2026-12-31 "}, ExportFilters(end=D(2026, 12, 31)), []),
        (
            {"from": "2026-05-01", "to": "2026-05-01"},
            ExportFilters(start=D(2026, 5, 1), end=D(2026, 5, 1)),
            [],
        ),
        ({"from": "2026-05-02", "to": "2026-05-01"}, None, ["to"]),
        ({"from": "2026-02-30"}, None, ["from"]),
        ({"from": "2026-5-1"}, None, ["from"]),
        ({"from": "20260501"}, None, ["from"]),
        ({"from": "１２３４-05-01"}, None, ["from"]),  # fullwidth digits are not a year
        ({"from": "1999-12-31"}, None, ["from"]),
        ({"to": "3000-01-01"}, None, ["to"]),
        ({"from": "x" * 5000}, None, ["from"]),
        ({"area": "36.03"}, ExportFilters(area="36.03"), []),
        ({"area": "36.03.01"}, ExportFilters(area="36.03.01"), []),
        ({"area": "36.03.01.1001"}, ExportFilters(area="36.03.01.1001"), []),
        ({"area": "36.03.1"}, None, ["area"]),
        ({"area": "36.03.01.1001.5"}, None, ["area"]),
        ({"area": "36.03.%"}, None, ["area"]),
        ({"agency": "dinkes"}, ExportFilters(agency="dinkes"), []),
        ({"agency": "Dinkes"}, None, ["agency"]),
        ({"agency": "dinas kesehatan"}, None, ["agency"]),
        ({"agency": "a" * 61}, None, ["agency"]),
        ({"type": "aspirasi"}, ExportFilters(type=ReportType.ASPIRASI), []),
        ({"type": "ASPIRASI"}, None, ["type"]),
        ({"type": "complaint"}, None, ["type"]),
        ({"type": ""}, ExportFilters(), []),
        ({"page": "2", "v": "x"}, ExportFilters(), []),
        (
            {"from": "x", "area": "y", "agency": "Z", "type": "w"},
            None,
            ["from", "area", "agency", "type"],
        ),
    ],
)
def test_parse(params: dict[str, str], expected: ExportFilters | None, bad: list[str]) -> None:
    filters, errors = parse(params)
    assert [e.parameter for e in errors] == bad
    assert all(e.message for e in errors)
    if expected is not None:
        assert filters == expected


def test_query_names_only_the_filters_chosen() -> None:
    filters = ExportFilters(start=D(2026, 1, 1), type=ReportType.PENGADUAN)
    assert filters.query() == {"from": "2026-01-01", "type": "pengaduan"}
    assert parse(filters.query()) == (filters, [])
