"""The counts behind /stats, each one GROUP BY query: nothing here loads reports row by row.

Every query counts all reports the filters select, rahasia ones included (they count in totals,
and no list of reports is ever made here). Segment answers are read only as counts per
category, never per report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, case, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable

from gesi_app.forums.models import Forum, ForumInput, Participant
from gesi_app.reports.models import Rating, Report, ReporterSegment
from gesi_app.stats.filters import Filters
from gesi_app.stats.sql import kecamatan_of, local_text

NOT_STATED = "not_stated"
NO_AREA = ""

# (start day, end day) -> how many reports went from one to the other on those days.
DayPairs = dict[tuple[dt.date, dt.date], int]


@dataclass(frozen=True)
class Scope:
    """What to count: the filters made into SQL (the agency's id found from its slug)."""

    filters: Filters
    agency_id: int | None
    timezone: str
    dialect: str
    # Reports sent in [start, end) only: one part of a view counted by parts (stats/parts.py).
    part: tuple[dt.datetime, dt.datetime] | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.part is not None:
            found += [Report.created_at >= self.part[0], Report.created_at < self.part[1]]
        start, end = self.filters.bounds(self.timezone)
        if start is not None:
            found.append(Report.created_at >= start)
        if end is not None:
            found.append(Report.created_at < end)
        if self.filters.type is not None:
            found.append(Report.type == self.filters.type)
        if self.filters.agency is not None:
            found.append(Report.agency_id == self.agency_id)
        if self.filters.area is not None:
            code = self.filters.area
            found.append(or_(Report.region_code == code, Report.region_code.like(f"{code}.%")))
        return found

    def forum_conditions(self) -> list[ColumnElement[bool]]:
        """Forums have an agency and a date but no area or report type."""
        found: list[ColumnElement[bool]] = []
        start, end = self.filters.bounds(self.timezone)
        if start is not None:
            found.append(Forum.starts_at >= start)
        if end is not None:
            found.append(Forum.starts_at < end)
        if self.filters.agency is not None:
            found.append(Forum.agency_id == self.agency_id)
        return found


async def _pairs(session: AsyncSession, query: Executable) -> list[tuple[str, int]]:
    return [
        (str(key) if key is not None else NO_AREA, int(n))
        for key, n in await session.execute(query)
    ]


async def count_by(
    session: AsyncSession, scope: Scope, column: SQLColumnExpression[Any]
) -> list[tuple[str, int]]:
    """Reports per value of ``column`` (a value None is ``NO_AREA``, "")."""
    query: Executable = (
        select(column.label("key"), func.count(Report.id))
        .where(*scope.conditions())
        .group_by(column)
    )
    return await _pairs(session, query)


async def by_month(session: AsyncSession, scope: Scope) -> list[tuple[str, int]]:
    month = local_text(Report.created_at, scope.timezone, scope.dialect, month=True)
    return sorted(await count_by(session, scope, month))


async def by_kecamatan(session: AsyncSession, scope: Scope) -> list[tuple[str, int]]:
    return await count_by(session, scope, kecamatan_of(Report.region_code))


async def _day_pairs(
    session: AsyncSession,
    scope: Scope,
    start: SQLColumnExpression[Any],
    end: SQLColumnExpression[Any],
) -> DayPairs:
    """Reports by (local day of ``start``, local day of ``end``), those with both only."""
    first = local_text(start, scope.timezone, scope.dialect)
    last = local_text(end, scope.timezone, scope.dialect)
    query = (
        select(first, last, func.count(Report.id))
        .where(*scope.conditions(), start.is_not(None), end.is_not(None))
        .group_by(first, last)
    )
    return {
        (dt.date.fromisoformat(a), dt.date.fromisoformat(b)): int(n)
        for a, b, n in await session.execute(query)
    }


async def durations(session: AsyncSession, scope: Scope) -> dict[str, DayPairs]:
    """For verifying (sent → verified), answering (verified → answered) and closing (sent →
    closed): how many reports took each (start day, end day), from the first such event of
    the report's history (kept on the report by the database: migration 0025)."""
    return {
        "verify": await _day_pairs(session, scope, Report.created_at, Report.first_verified_at),
        "answer": await _day_pairs(
            session, scope, Report.first_verified_at, Report.first_answered_at
        ),
        "close": await _day_pairs(session, scope, Report.created_at, Report.first_closed_at),
    }


@dataclass(frozen=True)
class Ratings:
    scores: dict[int, int]  # score 1..5 -> how many ratings
    by_agency: list[tuple[int | None, int, int]]  # agency id, ratings, sum of scores


async def ratings(session: AsyncSession, scope: Scope) -> Ratings:
    base = select(Rating.score).join(Report, Report.id == Rating.report_id)
    scores = await session.execute(
        base.with_only_columns(Rating.score, func.count())
        .where(*scope.conditions())
        .group_by(Rating.score)
    )
    agencies = await session.execute(
        select(Report.agency_id, func.count(), func.sum(Rating.score))
        .join(Report, Report.id == Rating.report_id)
        .where(*scope.conditions())
        .group_by(Report.agency_id)
    )
    return Ratings(
        scores={int(score): int(n) for score, n in scores},
        by_agency=[(agency, int(n), int(total or 0)) for agency, n, total in agencies],
    )


# --- segments ------------------------------------------------------------------------------

_WG = (
    ReporterSegment.wg_seeing,
    ReporterSegment.wg_hearing,
    ReporterSegment.wg_walking,
    ReporterSegment.wg_remembering,
    ReporterSegment.wg_selfcare,
    ReporterSegment.wg_communicating,
)


def _any_wg(test: int) -> ColumnElement[bool]:
    return or_(*(domain >= test for domain in _WG))


def segment_buckets() -> dict[str, ColumnElement[str]]:
    """Each segment's categories as SQL over the report's "About you" answers (a report with
    none is "not stated"; so is a skipped question, never "no")."""
    return {
        "gender": case(
            (ReporterSegment.gender == "perempuan", literal("yes")),
            (ReporterSegment.gender == "laki_laki", literal("no")),
            else_=literal(NOT_STATED),
        ),
        "youth": case(
            (ReporterSegment.age_band == "16_30", literal("yes")),
            (ReporterSegment.age_band.is_not(None), literal("no")),
            else_=literal(NOT_STATED),
        ),
        # The Washington Group's standard identifier: "a lot of difficulty" or "cannot do at
        # all" in at least one domain; "no" needs an answer in some domain.
        "disability": case(
            (_any_wg(3), literal("yes")),
            (or_(*(domain.is_not(None) for domain in _WG)), literal("no")),
            else_=literal(NOT_STATED),
        ),
        # The three-way split for gaps (no / some / a lot or cannot), as the notes advise.
        "difficulty": case(
            (_any_wg(3), literal("a_lot")),
            (_any_wg(2), literal("some")),
            (or_(*(domain.is_not(None) for domain in _WG)), literal("none")),
            else_=literal(NOT_STATED),
        ),
    }


def _collective_parts(segment: str) -> list[tuple[str, ColumnElement[int]]]:
    """A collective report's people by category: the group's count of the segment is "yes",
    the rest of the people it speaks for "no". The three-way difficulty split knows only
    "a lot of difficulty" (the group's count of people with disabilities); the rest of them
    is "not stated" there."""
    weight = Report.weight
    counted = {
        "gender": func.coalesce(Report.on_behalf_women, 0),
        "youth": func.coalesce(Report.on_behalf_youth, 0),
        "disability": func.coalesce(Report.on_behalf_disability, 0),
    }
    if segment == "difficulty":
        return [("a_lot", counted["disability"]), (NOT_STATED, weight - counted["disability"])]
    return [("yes", counted[segment]), ("no", weight - counted[segment])]


async def segments_by_area_all(
    session: AsyncSession, scope: Scope
) -> dict[str, list[tuple[str, str, int]]]:
    """(kecamatan code or "", category, people) for each segment. Individual reports: one
    pass over the reports and their answers, grouped by area and every segment's category,
    each reporter counted once. Collective reports (Report.group_id): one summed pass, the
    people they speak for by their group's counts (``_collective_parts``)."""
    buckets = segment_buckets()
    area = kecamatan_of(Report.region_code)
    query = (
        select(area, *buckets.values(), func.count(Report.id))
        .select_from(Report)
        .outerjoin(ReporterSegment, ReporterSegment.report_id == Report.id)
        .where(*scope.conditions(), Report.group_id.is_(None))
        .group_by(area, *buckets.values())
    )
    sums: dict[str, dict[tuple[str, str], int]] = {name: {} for name in buckets}
    for row in await session.execute(query):
        code, n = str(row[0] or NO_AREA), int(row[-1])
        for name, category in zip(buckets, row[1:-1], strict=True):
            key = (code, str(category))
            sums[name][key] = sums[name].get(key, 0) + n
    parts = {name: _collective_parts(name) for name in buckets}
    collective = (
        select(area, *(func.sum(part) for name in buckets for _, part in parts[name]))
        .where(*scope.conditions(), Report.group_id.is_not(None))
        .group_by(area)
    )
    for people in await session.execute(collective):
        code = str(people[0] or NO_AREA)
        values = iter(people[1:])
        for name in buckets:
            for category, _part in parts[name]:
                key = (code, category)
                sums[name][key] = sums[name].get(key, 0) + int(next(values) or 0)
    return {
        name: [(code, category, n) for (code, category), n in found.items()]
        for name, found in sums.items()
    }


@dataclass(frozen=True)
class FlagCounts:
    """How many in all, and how many said yes, no, or nothing for each of the three segments."""

    total: int
    yes: dict[str, int]
    no: dict[str, int]

    def not_stated(self, segment: str) -> int:
        return self.total - self.yes[segment] - self.no[segment]


_FLAG_SEGMENTS = ("gender", "youth", "disability")


def _flag_columns(model: type[ForumInput] | type[Participant]) -> list[ColumnElement[int]]:
    flags = {"gender": model.woman, "youth": model.youth, "disability": model.disability}
    columns: list[ColumnElement[int]] = [func.count(model.id)]
    for name in _FLAG_SEGMENTS:
        columns.append(func.count(model.id).filter(flags[name].is_(True)))
        columns.append(func.count(model.id).filter(flags[name].is_(False)))
    return columns


def _flag_counts(row: Sequence[int | None]) -> FlagCounts:
    values = [int(v or 0) for v in row]
    return FlagCounts(
        total=values[0],
        yes={name: values[1 + 2 * i] for i, name in enumerate(_FLAG_SEGMENTS)},
        no={name: values[2 + 2 * i] for i, name in enumerate(_FLAG_SEGMENTS)},
    )


async def forum_inputs(session: AsyncSession, scope: Scope) -> FlagCounts:
    """Inputs to forums (a duplicate merged into another counts once, there; an input a
    facilitator hid from the board is not counted, as it is left out of the minutes)."""
    row = (
        await session.execute(
            select(*_flag_columns(ForumInput))
            .join(Forum, Forum.id == ForumInput.forum_id)
            .where(
                ForumInput.merged_into_id.is_(None),
                ForumInput.hidden_at.is_(None),
                *scope.forum_conditions(),
            )
        )
    ).one()
    return _flag_counts(row)


async def forum_attendance(session: AsyncSession, scope: Scope) -> FlagCounts:
    """People at forums: the facilitator's head count where one was entered, else sign-ins.

    A head count says how many were women, youth, people with disabilities; the rest of the
    room is "not stated" (a head count does not say "no")."""
    counted = (
        await session.execute(
            select(
                func.coalesce(func.sum(Forum.count_total), 0),
                func.coalesce(func.sum(Forum.count_women), 0),
                func.coalesce(func.sum(Forum.count_youth), 0),
                func.coalesce(func.sum(Forum.count_disability), 0),
            ).where(Forum.count_total.is_not(None), *scope.forum_conditions())
        )
    ).one()
    signed = (
        await session.execute(
            select(*_flag_columns(Participant))
            .join(Forum, Forum.id == Participant.forum_id)
            .where(Forum.count_total.is_(None), *scope.forum_conditions())
        )
    ).one()
    signs = _flag_counts(signed)
    heads = [int(v) for v in counted]
    return FlagCounts(
        total=signs.total + heads[0],
        yes={name: signs.yes[name] + heads[1 + i] for i, name in enumerate(_FLAG_SEGMENTS)},
        no=signs.no,
    )


async def total_reports(session: AsyncSession, scope: Scope) -> int:
    return int(await session.scalar(select(func.count(Report.id)).where(*scope.conditions())) or 0)


async def answer_days(session: AsyncSession, scope: Scope) -> dict[int | None, DayPairs]:
    """Answering alone (verified → answered), as in ``durations``, per agency (None: not sent
    to one): one grouped query for every agency of the scope."""
    first = local_text(Report.first_verified_at, scope.timezone, scope.dialect)
    last = local_text(Report.first_answered_at, scope.timezone, scope.dialect)
    query = (
        select(Report.agency_id, first, last, func.count(Report.id))
        .where(
            *scope.conditions(),
            Report.first_verified_at.is_not(None),
            Report.first_answered_at.is_not(None),
        )
        .group_by(Report.agency_id, first, last)
    )
    found: dict[int | None, DayPairs] = {}
    for agency_id, a, b, n in await session.execute(query):
        pairs = found.setdefault(agency_id, {})
        pairs[(dt.date.fromisoformat(a), dt.date.fromisoformat(b))] = int(n)
    return found


async def segments_by_agency(
    session: AsyncSession, scope: Scope, segment: str
) -> list[tuple[int | None, str, int]]:
    """(agency id or None, category, reports) for one segment: counts only, for staff."""
    bucket = segment_buckets()[segment]
    query = (
        select(Report.agency_id, bucket, func.count(Report.id))
        .select_from(Report)
        .outerjoin(ReporterSegment, ReporterSegment.report_id == Report.id)
        .where(*scope.conditions())
        .group_by(Report.agency_id, bucket)
    )
    return [(a, str(b), int(n)) for a, b, n in await session.execute(query)]
