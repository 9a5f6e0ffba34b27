"""Fixed reports for the staff statistics: two agencies, one report not sent yet, ratings with
comments, a rahasia report, and deadlines across Nyepi and Idulfitri (18 to 24 March 2026 are
holidays or cuti bersama, 21 and 22 a weekend too).

Public works (dpupr), five complaints by women who are young and have a disability:
  P1 sent 16 Mar, verified 17 Mar, answered 25 Mar: 1 working day; rated 5, "Cepat sekali".
  P2 sent 16 Mar, verified 17 Mar, answered 1 Apr: 6 working days (late); rated 2, no comment.
  P3 sent 16 Mar, verified 17 Mar, answer due 31 Mar: overdue.
  P4, P5 sent 16 Mar, verified 17 Mar, no answer deadline known: open, not overdue.
Health (dinkes), two aspirations:
  H1 sent 6 Apr, verified 7 Apr, answered 8 Apr: 1 working day; rated 4, "Baik".
  H2 sent 6 Apr, verified 7 Apr, rahasia, answer due 9 Apr: overdue.
Not sent to an agency: N1, a complaint sent Thursday 12 Mar, not verified; its verification
was due 17 Mar (13, 16 and 17 March are its three working days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gesi_app.reports.models import Rating, ReportType
from tests.unit.stats import fixtures as fx

RAHASIA_TITLE = "RAHASIA-KANARI-3J7P"


@dataclass(frozen=True)
class Codes:
    p1: str
    p2: str
    p3: str
    h1: str
    h2: str
    n1: str


async def fill(session: Any) -> Codes:
    works = await fx.agency(session, "dpupr")
    health = await fx.agency(session, "dinkes")
    woman = fx.WOMAN_YOUTH_DISABLED
    p1 = await fx.report(
        session, "2026-03-16", verified="2026-03-17", answered="2026-03-25", agency=works,
        rating=5, segment=woman,
    )  # fmt: skip
    p2 = await fx.report(
        session, "2026-03-16", verified="2026-03-17", answered="2026-04-01", agency=works,
        rating=2, segment=woman,
    )  # fmt: skip
    p3 = await fx.report(session, "2026-03-16", verified="2026-03-17", agency=works, segment=woman)
    p3.answer_due = dt.date(2026, 3, 31)
    await session.flush()  # submit_report wants no unsaved work
    for _ in range(2):
        await fx.report(session, "2026-03-16", verified="2026-03-17", agency=works, segment=woman)
    h1 = await fx.report(
        session, "2026-04-06", verified="2026-04-07", answered="2026-04-08", agency=health,
        rating=4, type=ReportType.ASPIRASI,
    )  # fmt: skip
    h2 = await fx.report(
        session, "2026-04-06", verified="2026-04-07", agency=health, rahasia=True,
        title=RAHASIA_TITLE, type=ReportType.ASPIRASI,
    )  # fmt: skip
    h2.answer_due = dt.date(2026, 4, 9)
    await session.flush()
    n1 = await fx.report(session, "2026-03-12")
    assert n1.verify_due == dt.date(2026, 3, 17)
    await _comment(session, p1.id, "Cepat sekali")
    await _comment(session, h1.id, "Baik")
    await session.flush()
    return Codes(
        p1.tracking_code, p2.tracking_code, p3.tracking_code, h1.tracking_code,
        h2.tracking_code, n1.tracking_code,
    )  # fmt: skip


async def _comment(session: Any, report_id: int, text: str) -> None:
    rating = await session.get(Rating, report_id)
    assert rating is not None
    rating.comment = text
