"""The counts of a view: straight from SQL (``count``), or month by month (``by_parts``).

Every count of a view is a sum over the reports it selects (and over forums for the forum
counts), so a view's counts are the sums of its counts over disjoint parts: the UTC months
reports were sent in. ``by_parts`` counts each month on its own and keeps it (``PartCache``)
by the month's version, which triggers move only when something of that month changes
(migration 0026); forums have a version of their own. After a new report, a view is
recounted for one month and summed with the other months from memory. The sums are exact:
the same numbers as ``count`` over all reports at once (the tests compare both).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.models import Report
from gesi_app.stats import queries, weights
from gesi_app.stats.cache import PartCache
from gesi_app.stats.models import StatsPartition
from gesi_app.stats.queries import DayPairs, FlagCounts, Ratings, Scope

FORUMS = "forums"
K = TypeVar("K")


@dataclass(frozen=True)
class Counts:
    """Every count of a view, straight from SQL: plain values, kept by ``StatsCache``."""

    total: int
    by_type: list[tuple[str, int]]
    by_topic: list[tuple[str, int]]
    by_kecamatan: list[tuple[str, int]]
    by_desa: list[tuple[str, int]]
    by_agency: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    durations: dict[str, DayPairs]
    ratings: Ratings
    segments: dict[str, list[tuple[str, str, int]]]
    inputs: FlagCounts
    attendance: FlagCounts
    # Collective reports count the people they speak for in "who is heard" (stats/weights.py).
    people_by_kecamatan: list[tuple[str, int]]
    people: weights.People


@dataclass(frozen=True)
class ForumCounts:
    inputs: FlagCounts
    attendance: FlagCounts


Part = Counts | ForumCounts  # what PartCache keeps: a month of reports, or the forums
NO_FORUMS = ForumCounts(FlagCounts(0, {}, {}), FlagCounts(0, {}, {}))


async def forum_counts(session: AsyncSession, scope: Scope) -> ForumCounts:
    return ForumCounts(
        await queries.forum_inputs(session, scope), await queries.forum_attendance(session, scope)
    )


async def count(session: AsyncSession, scope: Scope, forums: bool = True) -> Counts:
    """Every count the page shows, each from one GROUP BY query (the forums' only when
    ``forums``: they have no part of their own in a month of reports)."""
    desa: list[tuple[str, int]] = []
    if scope.filters.area is not None:
        desa = [
            (code, n)
            for code, n in await queries.count_by(session, scope, Report.region_code)
            if len(code) > len("36.03.01")
        ]
    held = await forum_counts(session, scope) if forums else NO_FORUMS
    return Counts(
        total=await queries.total_reports(session, scope),
        by_type=await queries.count_by(session, scope, Report.type),
        by_topic=await queries.count_by(session, scope, Report.category_id),
        by_kecamatan=await queries.by_kecamatan(session, scope),
        by_desa=desa,
        by_agency=await queries.count_by(session, scope, Report.agency_id),
        by_status=await queries.count_by(session, scope, Report.status),
        by_month=await queries.by_month(session, scope),
        durations=await queries.durations(session, scope),
        ratings=await queries.ratings(session, scope),
        segments=await queries.segments_by_area_all(session, scope),
        inputs=held.inputs,
        attendance=held.attendance,
        people_by_kecamatan=await weights.people_by_kecamatan(session, scope),
        people=await weights.people(session, scope),
    )


# --- by parts ------------------------------------------------------------------------------


def _months(first: dt.datetime, last: dt.datetime) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """Each UTC month from ``first``'s to ``last``'s: its name ('2026-03') and its bounds."""
    first, last = _utc(first), _utc(last)
    found = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        start = dt.datetime(year, month, 1, tzinfo=dt.UTC)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        found.append((start.strftime("%Y-%m"), start, dt.datetime(year, month, 1, tzinfo=dt.UTC)))
    return found


async def by_parts(session: AsyncSession, scope: Scope, cache: PartCache[Part]) -> Counts:
    """The view's counts, summed over the months of reports (and the forums' part), each
    from ``cache`` when counted at its version already."""
    versions = dict(
        (await session.execute(select(StatsPartition.part, StatsPartition.version))).all()
    )
    # Two subqueries: SQLite reads min() or max() from the index only when each is alone.
    sent = select(
        select(func.min(Report.created_at)).scalar_subquery(),
        select(func.max(Report.created_at)).scalar_subquery(),
    )
    first, last = (await session.execute(sent)).one()
    start, end = scope.filters.bounds(scope.timezone)
    whole = dataclasses.replace(scope.filters, start=None, end=None)
    parts: list[Counts] = []
    for name, a, b in _months(first, last) if first is not None else []:
        if (start is not None and b <= start) or (end is not None and a >= end):
            continue  # outside the period: nothing of it is counted
        inside = (start is None or start <= a) and (end is None or b <= end)
        # A month wholly inside the period is counted without it: the same for every period.
        filters = whole if inside else scope.filters
        part = dataclasses.replace(scope, filters=filters, part=(a, b))
        view = ("reports", scope.timezone, scope.agency_id, filters)
        found = await cache.get(name, versions.get(name, 0), view, _counter(session, part))
        assert isinstance(found, Counts)
        parts.append(found)
    forums = ("forums", scope.timezone, scope.agency_id, scope.filters.start, scope.filters.end)
    held = await cache.get(
        FORUMS, versions.get(FORUMS, 0), forums, lambda: forum_counts(session, scope)
    )
    assert isinstance(held, ForumCounts)
    return merge(parts, held)


def _counter(session: AsyncSession, scope: Scope) -> Callable[[], Awaitable[Part]]:
    async def counter() -> Part:
        return await count(session, scope, forums=False)

    return counter


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _sum(lists: Iterable[list[tuple[K, int]]]) -> list[tuple[K, int]]:
    found: dict[K, int] = {}
    for pairs in lists:
        for key, n in pairs:
            found[key] = found.get(key, 0) + n
    return list(found.items())


def merge(parts: list[Counts], forums: ForumCounts) -> Counts:
    """The sums of ``parts`` (months of reports), with the forums' counts."""
    durations: dict[str, DayPairs] = {"verify": {}, "answer": {}, "close": {}}
    scores: dict[int, int] = {}
    agencies: dict[int | None, tuple[int, int]] = {}
    segments: dict[str, dict[tuple[str, str], int]] = {n: {} for n in queries.segment_buckets()}
    for part in parts:
        for kind, pairs in part.durations.items():
            into = durations.setdefault(kind, {})
            for days, n in pairs.items():
                into[days] = into.get(days, 0) + n
        for score, n in part.ratings.scores.items():
            scores[score] = scores.get(score, 0) + n
        for agency, n, total in part.ratings.by_agency:
            before = agencies.get(agency, (0, 0))
            agencies[agency] = (before[0] + n, before[1] + total)
        for name, rows in part.segments.items():
            into_segment = segments.setdefault(name, {})
            for code, category, n in rows:
                into_segment[(code, category)] = into_segment.get((code, category), 0) + n
    return Counts(
        total=sum(p.total for p in parts),
        by_type=_sum(p.by_type for p in parts),
        by_topic=_sum(p.by_topic for p in parts),
        by_kecamatan=_sum(p.by_kecamatan for p in parts),
        by_desa=_sum(p.by_desa for p in parts),
        by_agency=_sum(p.by_agency for p in parts),
        by_status=_sum(p.by_status for p in parts),
        by_month=sorted(_sum(p.by_month for p in parts)),
        durations=durations,
        ratings=Ratings(scores, [(a, n, total) for a, (n, total) in agencies.items()]),
        segments={
            name: [(code, category, n) for (code, category), n in found.items()]
            for name, found in segments.items()
        },
        inputs=forums.inputs,
        attendance=forums.attendance,
        people_by_kecamatan=_sum(p.people_by_kecamatan for p in parts),
        people=weights.People(
            sum(p.people.reports for p in parts),
            sum(p.people.collective for p in parts),
            sum(p.people.cosigned for p in parts),
        ),
    )
