"""/stats/export.csv and /stats/export.json: exact rows, filters and errors, on SQLite and
PostgreSQL."""

from __future__ import annotations

import csv
import html
import io
import json

import pytest
from starlette.testclient import TestClient

from gesi_app.opendata.columns import NAMES
from tests.functional.opendata.opendata_data import build

HEADER = ",".join(NAMES)
# The rows of opendata_data.build (C is rahasia), oldest report (lowest id) first; {A} is
# report A's tracking code.
ROWS = {
    "A": "{A},pengaduan,jalan,Jalan rusak atau berlubang,Damaged roads,36.03.01,Balaraja,"
    "36.03.01.1001,Balaraja,dinkes,Dinas Kesehatan,Health Agency,selesai,"
    "2026-05-12,2026-05-13,2026-05-19,2026-05-20,2,,1",
    "B": ",aspirasi,puskesmas,Pelayanan puskesmas,Community health centre services,"
    "36.03.18,Cikupa,,,,,,diterima,2026-05-13,,,,,,1",
    "D": "{D},permintaan_informasi,,,,,,,,dishub,Dinas Perhubungan,Transport Agency,"
    "ditindaklanjuti,2026-05-29,2026-06-01,2026-06-03,,2,,1",
    "E": "{E},pengaduan,drainase,Saluran air dan banjir,Drains and flooding,36.03.18,Cikupa,"
    "36.03.18.2002,Cibadak,dishub,Dinas Perhubungan,Transport Agency,ditindaklanjuti,"
    "2026-05-01,2026-05-04,2026-05-12,,1,,1",
}

# (query, the reports in the file, in order)
FILTERS: list[tuple[str, str]] = [
    ("", "ABDE"),
    ("from=2026-05-12", "ABD"),
    ("from=2026-05-13", "BD"),  # B was sent on the 13th in Jakarta (20:00 UTC on the 12th)
    ("to=2026-05-12", "AE"),
    ("from=2026-05-12&to=2026-05-12", "A"),
    ("from=2026-05-29&to=2026-05-29", "D"),
    ("from=2026-05&to=2026-05", "ABDE"),  # whole months, as /stats writes its period
    ("from=2026-06", ""),
    ("to=2026-04", ""),
    ("area=36.03.01", "A"),
    ("area=36.03.01.1001", "A"),
    ("area=36.03.18", "BE"),
    ("area=36.03", "ABE"),
    ("agency=dishub", "DE"),
    ("agency=dinkes", "A"),
    ("agency=dpupr", ""),
    ("type=pengaduan", "AE"),
    ("type=aspirasi", "B"),
    ("type=permintaan_informasi", "D"),
    ("type=pengaduan&agency=dishub&area=36.03.18&from=2026-05-01&to=2026-05-31", "E"),
    ("v=2&page=3", "ABDE"),  # parameters we do not know change nothing
]


@pytest.fixture
def codes(database_url: str) -> dict[str, str]:
    return build(database_url)


def expected_csv(letters: str, codes: dict[str, str]) -> str:
    lines = [HEADER] + [ROWS[letter].format(**codes) for letter in letters]
    return "\ufeff" + "".join(line + "\r\n" for line in lines)


def test_files_hold_the_expected_rows_for_every_filter(
    client: TestClient, codes: dict[str, str]
) -> None:
    for query, letters in FILTERS:
        response = client.get(f"/stats/export.csv?{query}")
        assert response.status_code == 200, query
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.headers["content-disposition"] == 'attachment; filename="suara-laporan.csv"'
        assert response.content.decode("utf-8") == expected_csv(letters, codes), query

        from_json = client.get(f"/stats/export.json?{query}")
        assert from_json.status_code == 200, query
        assert from_json.headers["content-type"] == "application/json"
        rows = list(csv.DictReader(io.StringIO(expected_csv(letters, codes)[1:])))
        want = [
            {
                k: (int(v) if k in ("answer_working_days", "weight") and v else (v or None))
                for k, v in row.items()
            }
            for row in rows
        ]
        assert json.loads(from_json.text) == want, query


def test_no_rahasia_report_and_no_code_of_a_report_not_public(
    client: TestClient, codes: dict[str, str]
) -> None:
    text = client.get("/stats/export.csv").text + client.get("/stats/export.json").text
    assert codes["C"] not in text
    assert codes["B"] not in text
    assert codes["A"] in text


# (query, parameter, English message, Indonesian message)
ERRORS: list[tuple[str, str, str, str]] = [
    (
        "from=2026-02-30",
        "from",
        "from must be a date written as year-month-day, for example 2026-11-30, "
        "or a month written as year-month, for example 2026-11.",
        "from harus tanggal dengan urutan tahun-bulan-hari, misalnya 2026-11-30, "
        "atau bulan dengan urutan tahun-bulan, misalnya 2026-11.",
    ),
    (
        "to=30-11-2026",
        "to",
        "to must be a date written as year-month-day, for example 2026-11-30, "
        "or a month written as year-month, for example 2026-11.",
        "to harus tanggal dengan urutan tahun-bulan-hari, misalnya 2026-11-30, "
        "atau bulan dengan urutan tahun-bulan, misalnya 2026-11.",
    ),
    (
        "from=2026-06-01&to=2026-05-01",
        "to",
        "The end of the period (to) is before its start (from).",
        "Akhir periode (to) lebih awal dari awalnya (from).",
    ),
    (
        "area=36.03.99",
        "area",
        "area must be the Kemendagri code of an area we serve, for example 36.03.01.",
        "area harus kode Kemendagri wilayah yang kami layani, misalnya 36.03.01.",
    ),
    (
        "area=Balaraja",
        "area",
        "area must be the Kemendagri code of an area we serve, for example 36.03.01.",
        "area harus kode Kemendagri wilayah yang kami layani, misalnya 36.03.01.",
    ),
    (
        "agency=no-such-agency",
        "agency",
        "agency must be the code of one of our agencies, for example dinkes.",
        "agency harus kode salah satu instansi kami, misalnya dinkes.",
    ),
    (
        "agency=Dinas%20Kesehatan",
        "agency",
        "agency must be the code of one of our agencies, for example dinkes.",
        "agency harus kode salah satu instansi kami, misalnya dinkes.",
    ),
    (
        "type=complaint",
        "type",
        "type must be pengaduan, aspirasi or permintaan_informasi.",
        "type harus pengaduan, aspirasi, atau permintaan_informasi.",
    ),
]


def test_a_bad_filter_is_a_400_that_says_what_to_change(
    client: TestClient, codes: dict[str, str]
) -> None:
    for query, parameter, english, indonesian in ERRORS:
        for lang, message in (("en", english), ("id", indonesian)):
            for path in ("/stats/export.csv", "/stats/export.json"):
                response = client.get(f"{path}?{query}&lang={lang}")
                assert response.status_code == 400, query
                assert response.headers["content-type"] == "text/html; charset=utf-8"
                page = html.unescape(response.text)
                assert f"<li><code>{parameter}</code>: {message}</li>" in page, query
                assert page.count("<li><code>") == 1
                assert "<title>" + ("Kesalahan:" if lang == "id" else "Error:") in page
            from_json = client.get(
                f"/stats/export.json?{query}&lang={lang}", headers={"Accept": "application/json"}
            )
            assert from_json.status_code == 400, query
            assert from_json.headers["content-language"] == lang
            assert from_json.json() == {"errors": [{"parameter": parameter, "message": message}]}


def test_several_bad_filters_are_all_named(client: TestClient, codes: dict[str, str]) -> None:
    response = client.get(
        "/stats/export.json?from=x&to=y&type=z&lang=en", headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert [e["parameter"] for e in response.json()["errors"]] == ["from", "to", "type"]


def test_an_empty_database_gives_a_header_and_an_empty_list(client: TestClient) -> None:
    assert client.get("/stats/export.csv").content == ("\ufeff" + HEADER + "\r\n").encode()
    assert client.get("/stats/export.json").json() == []
