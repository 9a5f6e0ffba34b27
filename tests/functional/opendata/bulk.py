"""Many reports at once, for the memory test: rows written with one multi-row insert a batch,
as the app's models define them (the services take ~10 ms a report; 20,000 would take
minutes). Topics, areas and agencies are the demo's, so the joins have something to join."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from typing import Any

from sqlalchemy import insert, select

from gesi_app.agencies.models import Agency
from gesi_app.categories.models import Category
from gesi_app.db.engine import create_engine
from gesi_app.regions.models import Region
from gesi_app.reports import codes
from gesi_app.reports.models import Report, ReportEvent, ReportType, Status, WhenKind

START = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
BATCH = 2000
EVENT_ROWS = 1000  # 5 values a row: well under PostgreSQL's 32,767 parameters


def _code(n: int) -> str:
    """A distinct tracking code for each n (base 31 over the code alphabet)."""
    digits = []
    for _ in range(6):
        n, digit = divmod(n, len(codes.ALPHABET))
        digits.append(codes.ALPHABET[digit])
    body = "".join(digits)
    return f"{codes.PREFIX}-{body[:4]}-{body[4:]}"


def add_reports(url: str, first: int, count: int) -> None:
    """Reports ``first`` .. ``first + count - 1``: each verified a day after it was sent and
    two in three answered two days later; every tenth rahasia."""

    async def go() -> None:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                topics = (await conn.scalars(select(Category.id))).all()
                agencies = (await conn.scalars(select(Agency.id))).all()
                areas = (await conn.scalars(select(Region.code).where(Region.level == 4))).all()
                for start in range(first, first + count, BATCH):
                    reports, events = [], []
                    for n in range(start, min(start + BATCH, first + count)):
                        reports.append(_report(n, topics, agencies, areas))
                        events.extend(_events(n))
                    ids = await conn.scalars(
                        insert(Report).returning(Report.id, sort_by_parameter_order=True), reports
                    )
                    for report_id, (_n, report_events) in zip(
                        ids.all(), itertools.groupby(events, key=lambda e: e["n"]), strict=True
                    ):
                        for event in report_events:
                            event["report_id"] = report_id
                    rows = [{k: v for k, v in e.items() if k != "n"} for e in events]
                    # One statement of many rows (an executemany is a statement a row on
                    # asyncpg, and PostgreSQL's statistics triggers run once a statement).
                    for part in range(0, len(rows), EVENT_ROWS):
                        await conn.execute(
                            insert(ReportEvent).values(rows[part : part + EVENT_ROWS])
                        )
        finally:
            await engine.dispose()

    asyncio.run(go())


def _report(n: int, topics: Any, agencies: Any, areas: Any) -> dict[str, Any]:
    sent = START + dt.timedelta(minutes=7 * n)
    answered = n % 3 != 0
    return {
        "tracking_code": _code(n),
        "type": list(ReportType)[n % 3],
        "category_id": topics[n % len(topics)],
        "title": f"Laporan {n}",
        "description": "Isi laporan massal.",
        "when_kind": WhenKind.UNKNOWN,
        "region_code": areas[n % len(areas)],
        "anonim": n % 2 == 0,
        "rahasia": n % 10 == 0,
        "status": Status.DITINDAKLANJUTI if answered else Status.TERVERIFIKASI,
        "agency_id": agencies[n % len(agencies)],
        "created_at": sent,
        "updated_at": sent,
        "published_at": None if n % 10 == 0 else sent + dt.timedelta(days=1),
        "public_title": f"Laporan {n}",
        "public_description": "Isi laporan massal.",
    }


def _events(n: int) -> list[dict[str, Any]]:
    sent = START + dt.timedelta(minutes=7 * n)
    steps = [(None, Status.DITERIMA, sent)]
    steps.append((Status.DITERIMA, Status.TERVERIFIKASI, sent + dt.timedelta(days=1)))
    if n % 3 != 0:
        steps.append((Status.TERVERIFIKASI, Status.DITINDAKLANJUTI, sent + dt.timedelta(days=3)))
    return [
        {"n": n, "from_status": a, "to_status": b, "actor_kind": "staff", "created_at": at}
        for a, b, at in steps
    ]
