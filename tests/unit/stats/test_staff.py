"""The staff statistics of fixed reports, each role's scope, with a fixed today: exact numbers
on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from gesi_app.accounts.models import StaffUser
from gesi_app.calendar import service as calendar
from gesi_app.reports.deadlines import STANDARD
from gesi_app.reports.models import ReportType
from gesi_app.stats import staff
from gesi_app.stats.filters import Filters
from gesi_app.stats.suppression import Hidden
from tests.factories import run, seed
from tests.staff_support import make_team
from tests.unit.stats import staff_fixtures

TODAY = dt.date(2026, 3, 25)  # the first working day after the holidays


def _statistics(
    database_url: str, who: str, filters: Filters | None = None, today: dt.date = TODAY
) -> tuple[staff.StaffStatistics, staff_fixtures.Codes]:
    make_team(database_url)
    seed(database_url)
    codes = run(database_url, staff_fixtures.fill)

    async def go(session: Any) -> staff.StaffStatistics:
        user = await session.scalar(select(StaffUser).where(StaffUser.username == who))
        dialect = session.get_bind().dialect.name
        scope = staff.scope_for(user, filters or Filters(), "Asia/Jakarta", dialect)
        raw = await staff.gather(session, scope, today, segments=staff.sees_segments(user))
        working = await calendar.load(session)
        return staff.build(raw, working, STANDARD.answer, today, "en", "Not sent")

    return run(database_url, go), codes


def _table(stats: staff.StaffStatistics) -> dict[str, tuple[Any, ...]]:
    return {
        row.slug: (
            row.received, row.verified, row.answered, row.open, row.overdue,
            row.answer.median, row.answer.p90, row.on_time_share,
        )
        for row in stats.agencies
    }  # fmt: skip


def test_admin_sees_every_agency_with_exact_numbers(database_url: str) -> None:
    stats, codes = _statistics(database_url, "admin", today=dt.date(2026, 4, 20))
    assert _table(stats) == {
        # P1 took 1 working day (across the holidays), P2 6: median 3.5, one of two on time.
        "dinkes": (2, 2, 1, 2, 1, 1, 1, 1.0),
        "dpupr": (5, 5, 2, 5, 1, 3.5, 6, 0.5),
        "": (1, 0, 0, 1, 0, None, None, None),
    }
    assert [row.name for row in stats.agencies] == [
        "Health Agency", "Public Works Agency", "Not sent",
    ]  # fmt: skip
    # Oldest deadline first: N1 (verify by 17 Mar), P3 (answer by 31 Mar), H2 (9 Apr).
    assert [(r.code, r.clock.kind, r.clock.due) for r in stats.late] == [
        (codes.n1, "verify", dt.date(2026, 3, 17)),
        (codes.p3, "answer", dt.date(2026, 3, 31)),
        (codes.h2, "answer", dt.date(2026, 4, 9)),
    ]
    assert stats.late_total == 3
    # 20 April: N1 is late from 18 March: 18 working days (25 March on, without Good Friday,
    # 3 April); P3 from 1 April: 13 (1, 2, then 6 April on); H2 from 10 April: 7.
    assert [r.clock.overdue_by for r in stats.late] == [18, 13, 7]
    assert [(r.code, r.score, r.comment) for r in stats.ratings] == [
        (codes.h1, 4, "Baik"), (codes.p2, 2, None), (codes.p1, 5, "Cepat sekali"),
    ]  # fmt: skip
    assert [(a.agency, a.ratings, a.average) for a in stats.averages] == [
        ("Health Agency", 1, 4.0),
        ("Public Works Agency", 2, 3.5),
    ]
    assert stats.segments is not None
    assert [(s.agency, s.counts) for s in stats.segments] == [
        (
            "Health Agency",
            {"gender": Hidden.SMALL, "youth": Hidden.SMALL, "disability": Hidden.SMALL},
        ),
        ("Public Works Agency", {"gender": 5, "youth": 5, "disability": 5}),
        ("Not sent", {"gender": Hidden.SMALL, "youth": Hidden.SMALL, "disability": Hidden.SMALL}),
    ]


def test_overdue_days_do_not_count_the_holidays(database_url: str) -> None:
    # N1 was due Tuesday 17 March; 18 to 24 March are holidays or the weekend, so on 25 March
    # it is 1 working day late (6 calendar working days without the holidays).
    stats, codes = _statistics(database_url, "verifikator")
    assert [(r.code, r.clock.overdue_by) for r in stats.late] == [(codes.n1, 1)]
    assert stats.segments is not None  # verifiers may see the segments


def test_an_agency_officer_sees_their_agency_only(database_url: str) -> None:
    stats, codes = _statistics(database_url, "petugas.pupr", today=dt.date(2026, 4, 20))
    assert _table(stats) == {"dpupr": (5, 5, 2, 5, 1, 3.5, 6, 0.5)}
    # Neither the report not sent yet nor the other agency's rahasia report.
    assert [r.code for r in stats.late] == [codes.p3]
    assert [r.code for r in stats.ratings] == [codes.p2, codes.p1]
    assert [a.agency for a in stats.averages] == ["Public Works Agency"]
    assert stats.segments is None  # no VIEW_SEGMENTS


@pytest.mark.parametrize(
    ("filters", "slugs"),
    [
        (Filters(type=ReportType.ASPIRASI), {"dinkes": 2}),
        (Filters(start=(2026, 4)), {"dinkes": 2}),
        (Filters(end=(2026, 3), type=ReportType.PENGADUAN), {"dpupr": 5, "": 1}),
    ],
)
def test_filters_choose_the_reports(
    database_url: str, filters: Filters, slugs: dict[str, int]
) -> None:
    stats, _ = _statistics(database_url, "admin", filters, today=dt.date(2026, 4, 20))
    assert {row.slug: row.received for row in stats.agencies} == slugs
