"""/staff/stats and its CSV through the whole app: each role's scope, exact numbers of fixed
reports in both languages, the filters with their errors, and who may see the segments."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from gesi_app.web.state import app_state
from tests.factories import run, seed
from tests.staff_support import make_team, sign_in, summary, title
from tests.unit.stats import fixtures as fx
from tests.unit.stats import staff_fixtures
from tests.unit.stats.staff_fixtures import RAHASIA_TITLE, Codes


def _fill(database_url: str) -> Codes:
    make_team(database_url)  # first: the demo then keeps these accounts and their password
    seed(database_url)
    codes: Codes = run(database_url, staff_fixtures.fill)
    return codes


def _row(page: str, slug: str) -> list[str]:
    """The cells of an agency's row in the performance table, as text."""
    match = re.search(rf'<tr data-agency="{slug}">(.*?)</tr>', page, re.S)
    assert match, slug
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", match.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


def _codes_in(page: str) -> list[str]:
    return re.findall(r'href="/staff/reports/(SRA-[^"]+)"', page)


@pytest.mark.parametrize(
    ("lang", "heading", "dpupr", "dinkes"),
    [
        ("en", "Statistics for staff",
         ["Public Works Agency", "5", "5", "2", "5", "1", "3.5", "6", "50.0%"],
         ["Health Agency", "2", "2", "1", "2", "1", "1", "1", "100.0%"]),
        ("id", "Statistik untuk petugas",
         ["Dinas Pekerjaan Umum", "5", "5", "2", "5", "1", "3,5", "6", "50,0%"],
         ["Dinas Kesehatan", "2", "2", "1", "2", "1", "1", "1", "100,0%"]),
    ],
)  # fmt: skip
def test_an_admin_sees_every_agency_with_exact_numbers(
    client: TestClient,
    database_url: str,
    lang: str,
    heading: str,
    dpupr: list[str],
    dinkes: list[str],
) -> None:
    codes = _fill(database_url)
    sign_in(client, "admin")
    response = client.get(f"/staff/stats?lang={lang}")
    assert response.status_code == 200
    page = response.text
    assert title(page) == f"{heading} – Suara"
    assert _row(page, "dpupr") == dpupr
    assert _row(page, "dinkes") == dinkes
    assert _row(page, "")[1:] == ["1", "0", "0", "1", "0", "–", "–", "–"]
    # The overdue list, oldest deadline first, each code linking to the report's staff page;
    # then the latest ratings.
    listed = _codes_in(page)
    assert listed[:3] == [codes.n1, codes.p3, codes.h2]
    assert listed[3:] == [codes.h1, codes.p2, codes.p1]
    assert "Cepat sekali" in page and "Baik" in page
    very_good = "5 – Very good" if lang == "en" else "5 – Sangat baik"
    assert very_good in page
    assert RAHASIA_TITLE not in page  # a code and a topic only, never the report's words


def test_an_agency_officer_sees_only_their_agency(client: TestClient, database_url: str) -> None:
    codes = _fill(database_url)
    sign_in(client, "petugas.pupr")
    page = client.get("/staff/stats?lang=en").text
    assert "These numbers are for the reports of your agency." in page
    assert _row(page, "dpupr")[1:] == ["5", "5", "2", "5", "1", "3.5", "6", "50.0%"]
    assert 'data-agency="dinkes"' not in page and 'data-agency=""' not in page
    # Not the other agency's rahasia report, nor the one not sent yet.
    assert _codes_in(page) == [codes.p3, codes.p2, codes.p1]
    assert "Baik" not in page
    assert "Reports by group of people" not in page  # no VIEW_SEGMENTS
    rows = list(csv.reader(io.StringIO(client.get("/staff/stats/export.csv").text)))
    assert [row[0] for row in rows[1:]] == ["dpupr"]


def test_a_verifier_sees_rahasia_reports_and_the_segments(
    client: TestClient, database_url: str
) -> None:
    codes = _fill(database_url)
    sign_in(client, "verifikator")
    page = client.get("/staff/stats?lang=en").text
    assert codes.h2 in _codes_in(page)  # rahasia: verifiers see it in the queue too
    section = page.split('id="segments-title"')[1]
    cells = re.findall(r'<td data-label="[^"]+">([^<]*)</td>', section)
    # Health, public works, not sent: women, youth, people with disabilities.
    assert cells == ["&lt;5"] * 3 + ["5"] * 3 + ["&lt;5"] * 3


def test_the_csv_has_the_table_with_the_same_filters(client: TestClient, database_url: str) -> None:
    _fill(database_url)
    sign_in(client, "admin")
    response = client.get("/staff/stats/export.csv?lang=id")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == [
        "agency", "agency_name", "received", "verified", "answered", "open", "overdue",
        "answer_median_working_days", "answer_p90_working_days", "answered_on_time_share",
    ]  # fmt: skip
    assert rows[1:] == [
        ["dinkes", "Dinas Kesehatan", "2", "2", "1", "2", "1", "1", "1", "1.000"],
        ["dpupr", "Dinas Pekerjaan Umum", "5", "5", "2", "5", "1", "3.5", "6", "0.500"],
        ["", "Belum diteruskan ke instansi", "1", "0", "0", "1", "0", "", "", ""],
    ]
    page = client.get("/staff/stats?type=aspirasi&from=2026-04").text
    assert 'href="/staff/stats/export.csv?from=2026-04&amp;type=aspirasi"' in page
    filtered = client.get("/staff/stats/export.csv?from=2026-04&type=aspirasi").text
    assert [row[0] for row in csv.reader(io.StringIO(filtered))][1:] == ["dinkes"]


@pytest.mark.parametrize(
    ("query", "field", "message", "prefix"),
    [
        ("lang=en&from=March", "from", "Enter the first month as year and month, for example 2026-01", "Error"),
        ("lang=en&from=2026-05&to=2026-04", "to", "The last month must be the same as the first month or after it", "Error"),
        ("lang=en&type=rumor", "type", "Choose a type of report from the list", "Error"),
        ("lang=id&from=Maret", "from", None, "Kesalahan"),
    ],
)  # fmt: skip
def test_bad_filters_are_errors_at_their_fields(
    client: TestClient, database_url: str, query: str, field: str, message: str | None,
    prefix: str,
) -> None:  # fmt: skip
    _fill(database_url)
    sign_in(client, "admin")
    for path in ("/staff/stats", "/staff/stats/export.csv"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400
        page = response.text
        assert title(page).startswith(f"{prefix}: ")
        errors = summary(page)
        assert list(errors) == [field]
        if message is not None:
            assert errors[field] == message
        assert f'id="{field}-error"' in page
        assert 'data-agency="' not in page  # nothing counted on a bad choice
    typed = query.split("&")[1].split("=")[1]
    if field == "from":
        assert f'value="{typed}"' in page


def test_the_staff_menu_links_the_page_for_those_who_may_see_it(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "petugas.pupr")
    assert 'href="/staff/stats"' in client.get("/staff?lang=en").text
    client.cookies.clear()  # signed out
    sign_in(client, "fasilitator")
    assert 'href="/staff/stats"' not in client.get("/staff?lang=en").text
    assert client.get("/staff/stats").status_code == 403


@pytest.mark.parametrize(
    ("asked", "canonical"),
    [
        ("/staff/stats?from=&to=&type=", "/staff/stats"),
        ("/staff/stats?type=aspirasi&to=&from=2026-04", "/staff/stats?from=2026-04&type=aspirasi"),
        ("/staff/stats?from=2026-4&lang=en", "/staff/stats?from=2026-04&lang=en"),
        ("/staff/stats?area=36.03.01&from=2026-04", "/staff/stats?from=2026-04"),
    ],
)
def test_a_filtered_view_redirects_to_its_one_address(
    client: TestClient, database_url: str, asked: str, canonical: str
) -> None:
    _fill(database_url)
    sign_in(client, "admin")
    response = client.get(asked, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == canonical
    landed = client.get(canonical, follow_redirects=False)
    assert landed.status_code == 200
    assert 'data-agency="' in landed.text


async def _answered_elsewhere(session: Any) -> None:
    """Three more agencies, each with an answered report."""
    for slug in ("dinsos", "dindik", "dishub"):
        await fx.report(
            session, "2026-04-06", verified="2026-04-07", answered="2026-04-09",
            agency=await fx.agency(session, slug),
        )  # fmt: skip


def test_times_to_answer_are_one_query_whatever_the_agencies(
    client: TestClient, database_url: str
) -> None:
    """The page's statements do not grow with the agencies that received reports."""
    _fill(database_url)
    sign_in(client, "admin")
    engine = app_state(client.app).engine.sync_engine  # type: ignore[arg-type]
    statements: list[str] = []

    def counted(conn: object, cursor: object, statement: str, *rest: object) -> None:
        if "report_events" in statement:  # reached a status, times to answer
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", counted)
    try:
        client.get("/staff/stats?lang=en")
        before = len(statements)
        statements.clear()
        run(database_url, _answered_elsewhere)
        statements.clear()
        page = client.get("/staff/stats?lang=en").text
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    assert len(statements) == before
    assert 'data-agency="dinsos"' in page
