"""The CSV and JSON text of rows, and the columns every file shares."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from gesi_app.opendata import writers
from gesi_app.opendata.columns import COLUMNS, NAMES
from gesi_app.opendata.package import schema

ROW = (
    "SRA-7K4Q-2M",
    "pengaduan",
    "jalan",
    'Jalan "rusak", berlubang',
    "Damaged roads",
    "36.03.01",
    "Balaraja",
    None,
    None,
    "dinkes",
    "Dinas Kesehatan",
    "Health Agency",
    "selesai",
    dt.date(2026, 5, 12),
    dt.date(2026, 5, 13),
    None,
    None,
    None,
    None,  # group_name
    1,  # weight
)


def test_csv_starts_with_a_byte_order_mark_and_the_header() -> None:
    assert writers.csv_header() == "\ufeff" + ",".join(NAMES) + "\r\n"


def test_csv_quotes_and_empties() -> None:
    text = writers.csv_rows([ROW, ROW])
    assert text.count("\r\n") == 2
    assert next(csv.reader(io.StringIO(text))) == [
        "" if v is None else (v.isoformat() if isinstance(v, dt.date) else str(v)) for v in ROW
    ]
    assert '"Jalan ""rusak"", berlubang"' in text


def test_json_pieces_make_one_array() -> None:
    first = writers.json_rows([ROW], first=True)
    more = writers.json_rows([ROW, ROW], first=False)
    empty = writers.json_rows([], first=False)
    rows = json.loads("[\n" + first + more + empty + "\n]\n")
    assert len(rows) == 3
    assert rows[0]["received_on"] == "2026-05-12"
    assert rows[0]["desa_code"] is None
    assert list(rows[0]) == list(NAMES)


def test_every_row_has_one_value_a_column() -> None:
    assert len(ROW) == len(COLUMNS)
    assert len(set(NAMES)) == len(NAMES)
    assert [f["name"] for f in schema()["fields"]] == list(NAMES)
