"""The holiday calendar in the database: seeded from lokal-id, local holidays added and removed
by admins through /staff/holidays (audited), years marked complete, and the warning admins see
while open reports wait on a year without a calendar."""

from __future__ import annotations

import asyncio
import datetime as dt
import re

import lokal
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.calendar import service as working_calendar
from gesi_app.calendar.models import CalendarYear, Holiday, HolidaySource
from gesi_app.db.engine import create_engine, session_factory
from tests import factories
from tests.casework_support import audit_entries, load
from tests.staff_support import make_team, sign_in, summary, title, token

D = dt.date
LOCAL = {
    "date_day": "7",
    "date_month": "7",
    "date_year": "2026",
    "name_id": "Hari Jadi Kabupaten",
    "name_en": "Regency Anniversary",
}
# Monday 3 January 2028, 10:00 WIB: lokal-id carries no holidays for 2028.
IN_2028 = dt.datetime(2028, 1, 3, 3, 0, tzinfo=dt.UTC)


def post(client: TestClient, url: str, form: dict[str, str], lang: str = "en") -> object:
    return client.post(
        url,
        params={"lang": lang},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def calendar_of(database_url: str) -> working_calendar.WorkingCalendar:
    """The calendar as a fresh process loads it (a new engine: nothing cached)."""
    result: working_calendar.WorkingCalendar = factories.run(database_url, working_calendar.load)
    return result


def holiday_count(database_url: str) -> int:
    async def go(session: AsyncSession) -> int:
        return int(await session.scalar(select(func.count(Holiday.id))) or 0)

    count: int = factories.run(database_url, go)
    return count


def seed(database_url: str) -> None:
    factories.run(database_url, working_calendar.ensure_seeded)


def test_the_calendar_is_seeded_from_lokal_id_once_and_agrees_with_it(database_url: str) -> None:
    calendar = calendar_of(database_url)  # lokal-id's years count before they are copied in
    assert calendar.covered == frozenset(lokal.HOLIDAY_YEARS)
    assert holiday_count(database_url) == 0  # loading never writes
    seed(database_url)
    seeded = holiday_count(database_url)
    assert seeded > 20
    seed(database_url)  # seeding again copies nothing twice
    assert holiday_count(database_url) == seeded
    assert calendar_of(database_url) == calendar
    day = D(2026, 1, 1)
    while day < D(2027, 12, 15):  # every start day, 1 to 10 working days on, as lokal-id says
        for days in (1, 3, 5, 10):
            assert working_calendar.add_working_days(calendar, day, days) == (
                lokal.add_working_days(day, days)
            ), (day, days)
        day += dt.timedelta(days=3)
    assert working_calendar.add_working_days(calendar, D(2027, 12, 29), 3) is None


def test_admin_adds_and_removes_a_local_holiday(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    assert working_calendar.add_working_days(calendar_of(database_url), D(2026, 7, 6), 1) == D(
        2026, 7, 7
    )
    response = post(client, "/staff/holidays", LOCAL)
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"] == "/staff/holidays?done=added"  # type: ignore[attr-defined]
    listing = client.get("/staff/holidays?done=added&lang=en").text
    assert "The local holiday is added. Deadlines set from now on skip it." in listing
    assert re.search(
        r"July 7, 2026</th>\s*<td[^>]*>Regency Anniversary</td>\s*<td[^>]*>Local holiday</td>",
        listing,
    )
    # Deadlines skip it at once, in this process and in any other.
    assert working_calendar.add_working_days(calendar_of(database_url), D(2026, 7, 6), 1) == D(
        2026, 7, 8
    )
    [added] = audit_entries(database_url, "holiday_added")
    assert added.after == {
        "date": "2026-07-07",
        "name_id": "Hari Jadi Kabupaten",
        "name_en": "Regency Anniversary",
        "kind": "local",
    }
    link = re.search(r'href="(/staff/holidays/(\d+)/remove)"', listing)
    assert link
    confirm = client.get(link.group(1) + "?lang=id")
    assert "<h1>Hapus Hari Jadi Kabupaten?</h1>" in confirm.text
    assert holiday_count(database_url) > 0
    removed = post(client, link.group(1), {})
    assert removed.headers["location"] == "/staff/holidays?done=removed"  # type: ignore[attr-defined]
    assert working_calendar.add_working_days(calendar_of(database_url), D(2026, 7, 6), 1) == D(
        2026, 7, 7
    )
    [entry] = audit_entries(database_url, "holiday_removed")
    assert entry.object_id == link.group(2)
    assert entry.before is not None and entry.before["name_id"] == "Hari Jadi Kabupaten"


def test_a_holiday_from_lokal_id_cannot_be_removed(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    listing = client.get("/staff/holidays?lang=en").text
    assert "Tahun Baru 2026 Masehi" in listing
    assert "/remove" not in listing

    async def first_seeded(session: AsyncSession) -> int:
        found = await session.scalar(
            select(Holiday.id).where(Holiday.source == HolidaySource.LOKAL_ID).limit(1)
        )
        assert found is not None
        return int(found)

    holiday_id = factories.run(database_url, first_seeded)
    before = holiday_count(database_url)
    assert client.get(f"/staff/holidays/{holiday_id}/remove").status_code == 404
    assert post(client, f"/staff/holidays/{holiday_id}/remove", {}).status_code == 404  # type: ignore[attr-defined]
    assert holiday_count(database_url) == before
    assert audit_entries(database_url, "holiday_removed") == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"date_day": "", "date_month": "", "date_year": "", "name_id": "", "name_en": ""},
            {
                "date_day": "Enter the date of the holiday",
                "name_id": "Enter the name of the holiday in Indonesian",
                "name_en": "Enter the name of the holiday in English",
            },
        ),
        (
            {"date_day": "31", "date_month": "2"},
            {"date_day": "Enter a real date, for example 17 8 2026"},
        ),
        ({"date_month": ""}, {"date_month": "The date must include a month"}),
        ({"date_year": "1999"}, {"date_year": "Enter a year from 2000 to 2100"}),
        ({"name_en": "x" * 201}, {"name_en": "Write 200 characters or fewer"}),
    ],
)
def test_a_wrong_holiday_is_refused_and_kept(
    client: TestClient, database_url: str, change: dict[str, str], expected: dict[str, str]
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    seed(database_url)
    before = holiday_count(database_url)
    response = post(client, "/staff/holidays", {**LOCAL, **change})
    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.text  # type: ignore[attr-defined]
    assert title(page) == "Error: Holidays – Suara"
    assert summary(page) == expected
    for name, value in {**LOCAL, **change}.items():
        if value and len(value) < 50:
            assert re.search(rf'name="{name}"[^>]*value="{re.escape(value)}"', page), name
    assert holiday_count(database_url) == before
    assert audit_entries(database_url, "holiday_added") == []


def test_the_same_holiday_twice_is_refused(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    post(client, "/staff/holidays", LOCAL)
    response = post(client, "/staff/holidays", LOCAL, lang="id")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == {  # type: ignore[attr-defined]
        "name_id": "Hari libur ini sudah ada pada tanggal tersebut"
    }
    assert title(response.text).startswith("Kesalahan: ")  # type: ignore[attr-defined]
    assert len(audit_entries(database_url, "holiday_added")) == 1


def test_the_audit_log_names_holiday_changes_in_the_page_language(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    post(client, "/staff/holidays", LOCAL)
    post(client, "/staff/holidays/years/2028/complete", {})
    [added] = audit_entries(database_url, "holiday_added")
    log = client.get("/staff/audit?lang=id").text
    assert f"Hari libur {added.object_id}<" in log
    assert "Tahun 2028<" in log


def test_admins_are_told_when_a_deadline_needs_a_missing_year(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    report = factories.create_report(database_url, now=IN_2028, region_code=None).report
    assert report.verify_due is None  # 2028 is not covered: unknown, not guessed
    sign_in(client, "admin")
    warning = (
        '<a href="/staff/holidays#year-2028">Open reports have a deadline in 2028, but the '
        "holidays for 2028 are not complete. Add them and mark 2028 complete.</a>"
    )
    assert warning in client.get("/staff?lang=en").text
    listing = client.get("/staff/holidays?lang=en").text
    assert warning in listing
    assert '<h2 id="year-2028" tabindex="-1">2028</h2>' in listing
    assert "Mark 2028 complete" in listing
    # The admin adds 2028's New Year's Day (a Saturday) and Monday 3 January, then completes.
    post(
        client,
        "/staff/holidays",
        {**LOCAL, "date_day": "4", "date_month": "1", "date_year": "2028"},
    )
    done = post(client, "/staff/holidays/years/2028/complete", {})
    assert done.headers["location"] == "/staff/holidays?done=completed#year-2028"  # type: ignore[attr-defined]
    assert warning not in client.get("/staff?lang=en").text
    # Received Monday 3 January; Tuesday 4 is off: 3 working days end Friday 7 January.
    assert load(database_url, report.id).verify_due == D(2028, 1, 7)
    [entry] = audit_entries(database_url, "calendar_year_completed")
    assert entry.object_id == "2028"

    async def source(session: AsyncSession) -> HolidaySource | None:
        row = await session.get(CalendarYear, 2028)
        return row.source if row else None

    assert factories.run(database_url, source) is HolidaySource.ADMIN
    # Marking it again changes nothing.
    assert post(client, "/staff/holidays/years/2028/complete", {}).status_code == 404  # type: ignore[attr-defined]
    assert len(audit_entries(database_url, "calendar_year_completed")) == 1


def test_only_admins_are_warned(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    factories.create_report(database_url, now=IN_2028, region_code=None)
    sign_in(client, "verifikator")
    dashboard = client.get("/staff?lang=en").text
    assert "Holidays missing" not in dashboard
    assert client.get("/staff/holidays").status_code == 403


def test_reports_are_sent_without_reading_holidays_each_time(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The calendar is loaded once per process (engine) and kept a minute: the report journey's
    hot path does not query it per report; after a minute a process reloads what others changed."""
    seen: list[str] = []

    async def go() -> None:
        engine = create_engine(database_url)
        listen = lambda *args: seen.append(str(args[2]))  # noqa: E731  # (conn, cursor, statement, ...)
        event.listen(engine.sync_engine, "before_cursor_execute", listen)
        try:
            sessions = session_factory(engine)
            for _ in range(3):
                async with sessions() as session:
                    await factories.add_report(session, region_code=None)
            first = [s for s in seen if "calendar_years" in s or "FROM holidays" in s]
            assert len(first) == 2  # years and dates, once, for three reports
            seen.clear()
            monkeypatch.setattr(working_calendar, "CACHE_SECONDS", 0.0)  # a minute later
            async with sessions() as session:
                await factories.add_report(session, region_code=None)
            assert any("calendar_years" in s for s in seen)
        finally:
            await engine.dispose()

    seed(database_url)  # by an earlier process
    asyncio.run(go())
