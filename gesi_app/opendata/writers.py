"""Writing rows as CSV or JSON text, one batch at a time (pure functions; the route streams).

CSV: UTF-8 with a byte order mark, comma separated, CRLF line ends (RFC 4180), one header row.
The mark is what makes Excel, which many offices open a CSV with, read the names as UTF-8
instead of mangling every letter outside ASCII; CKAN, pandas, R and the frictionless tools
skip it. Dates are ISO 8601 (2026-11-30); an empty cell means no value.

JSON: one array of objects, the same keys as the CSV header, ``null`` for no value, written
piece by piece so the whole file is never in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence

from gesi_app.opendata.columns import NAMES
from gesi_app.opendata.service import Row

BOM = "\ufeff"


def _cell(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def csv_header() -> str:
    return BOM + csv_rows([NAMES])


def csv_rows(rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def json_rows(rows: Sequence[Row], *, first: bool) -> str:
    """The objects of these rows, each on its own line, with the commas between them (and
    before them, unless they open the array)."""
    parts = [
        json.dumps(
            dict(zip(NAMES, map(_json_value, row), strict=True)),
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for row in rows
    ]
    text = ",\n".join(parts)
    return text if first or not text else ",\n" + text
