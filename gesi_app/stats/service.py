"""The statistics of one filtered view: counts from SQL (``gather``), then disclosure control,
working-day timings and the participation gap (``build``, plain Python without I/O, which the
route runs off the event loop)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property

from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.agencies.models import Agency
from gesi_app.calendar.service import WorkingCalendar
from gesi_app.categories.models import Category
from gesi_app.public.labels import STATUS_LABELS, TYPE_LABELS
from gesi_app.regions.models import Region
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import ReportType, Status
from gesi_app.stats import baselines as baseline_rows
from gesi_app.stats import gesi
from gesi_app.stats.cache import PartCache, StatsCache
from gesi_app.stats.counts import Counts, Part, by_parts, count
from gesi_app.stats.durations import Timing, timing
from gesi_app.stats.filters import Filters, query_of
from gesi_app.stats.models import PopulationBaseline
from gesi_app.stats.queries import NO_AREA, Scope
from gesi_app.stats.suppression import THRESHOLD, Hidden, Shown, number, protect_list


@dataclass(frozen=True)
class Options:
    """What the filters offer: kecamatan (with their desa) and agencies."""

    areas: Sequence[Region]  # kecamatan and desa, by code
    agencies: Sequence[Agency]

    @property
    def area_codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.areas)

    @property
    def agency_slugs(self) -> frozenset[str]:
        return frozenset(a.slug for a in self.agencies)


async def options(session: AsyncSession) -> Options:
    areas = await session.scalars(
        select(Region).where(Region.level.in_((3, 4))).order_by(Region.code)
    )
    agencies = await session.scalars(select(Agency).order_by(Agency.name_id))
    return Options(list(areas.all()), list(agencies.all()))


class FilterOptions(StatsCache[Options]):
    """The filters' areas and agencies by statistics version (their tables move it: 0024)."""


async def cached_options(session: AsyncSession, cache: FilterOptions) -> Options:
    return await cache.get(session, ("options",), lambda: options(session))


@dataclass(frozen=True)
class Raw(Counts):
    """A view's counts with the names and baselines to show them with (read anew each time)."""

    topics: dict[int, Category]
    agencies: dict[int, Agency]
    regions: dict[str, str]  # code -> name
    baselines: list[PopulationBaseline]


class MonthCounts(PartCache[Part]):
    """Counts of views month by month, by each month's version (stats/counts.py)."""


async def gather(
    session: AsyncSession,
    filters: Filters,
    timezone: str,
    agencies: Sequence[Agency],
    cache: StatsCache[Counts] | None = None,
    months: MonthCounts | None = None,
) -> Raw:
    """The counts of a view (from ``cache`` when counted at the current statistics version;
    else month by month with ``months``, or all at once without), with the names to show
    them with."""
    dialect = session.get_bind().dialect.name
    agency_id = next((a.id for a in agencies if a.slug == filters.agency), None)
    scope = Scope(filters, agency_id, timezone, dialect)
    if cache is None:
        counts = await count(session, scope)
    else:
        view = (timezone, agency_id, tuple(query_of(filters).items()))
        counts = await cache.get(
            session,
            view,
            lambda: count(session, scope) if months is None else by_parts(session, scope, months),
        )
    topics = {c.id: c for c in (await session.scalars(select(Category))).all()}
    regions = dict(
        (code, name)
        for code, name in await session.execute(
            select(Region.code, Region.name).where(Region.level.in_((2, 3, 4)))
        )
    )
    return Raw(
        **{f.name: getattr(counts, f.name) for f in fields(Counts)},
        topics=topics,
        agencies={a.id: a for a in agencies},
        regions=regions,
        baselines=list(await baseline_rows.all_baselines(session)),
    )


# --- the built view ------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One row of a table and one bar of its chart, its count shown or hidden."""

    key: str
    label: str
    count: Shown


@dataclass(frozen=True)
class CountTable:
    key: str  # names the table and its chart (ids)
    rows: list[Bar]
    total: Shown

    @cached_property
    def largest(self) -> int:  # once per table, not once per bar
        return max([number(b.count) or 0 for b in self.rows] + [1])


@dataclass(frozen=True)
class AgencyRating:
    name: str
    ratings: Shown
    average: float | None


@dataclass(frozen=True)
class Statistics:
    total: Shown
    by_type: CountTable
    by_topic: CountTable
    by_kecamatan: CountTable
    by_desa: CountTable | None
    by_agency: CountTable
    by_status: CountTable
    by_month: CountTable
    timings: dict[str, Timing]
    scores: CountTable
    average_score: float | None
    agency_ratings: list[AgencyRating]
    gesi: gesi.GesiView
    people: Shown = 0  # the people the reports speak for (weights), as disclosure allows
    collective: Shown = 0  # collective reports among them
    cosigned: Shown = 0  # people added by co-signs

    @property
    def empty(self) -> bool:
        return self.total == 0


def _table(key: str, counted: list[tuple[str, int]], label: dict[str, str]) -> CountTable:
    """Rows in the order of ``label`` first (known values), then the rest by count."""
    counts = dict(counted)
    keys = [k for k in label if k in counts] + sorted(
        (k for k in counts if k not in label), key=lambda k: -counts[k]
    )
    shown, total = protect_list([counts[k] for k in keys])
    rows = [Bar(k, label.get(k, k), n) for k, n in zip(keys, shown, strict=True)]
    return CountTable(key, rows, total)


def _by_name(
    key: str,
    counted: list[tuple[str, int]],
    names: dict[str, str],
    unknown: str,
    protected: dict[str, Shown] | None = None,
) -> CountTable:
    """A table of named things (topics, areas, agencies), the most first; "" is ``unknown``.
    ``protected``: the counts as shown already (areas: protected with the GESI tables)."""
    ordered = sorted(counted, key=lambda kv: (-kv[1], names.get(kv[0], kv[0])))
    labels = {k: (names.get(k, k) if k != NO_AREA else unknown) for k, _ in ordered}
    shown, total = protect_list([n for _, n in ordered])
    if protected is not None:
        shown = [protected[k] for k, _ in ordered]
        total = sum(n for _, n in ordered)
        total = total if total >= THRESHOLD or total == 0 else Hidden.SMALL
    rows = [Bar(k, labels[k], n) for (k, _), n in zip(ordered, shown, strict=True)]
    return CountTable(key, rows, total)


def _topics(raw: Raw, locale: str) -> list[tuple[str, int]]:
    """Reports per top-level topic (a sub-topic counts under its parent)."""
    counts: dict[str, int] = {}
    for key, n in raw.by_topic:
        topic = raw.topics.get(int(key)) if key else None
        while topic is not None and topic.parent_id is not None:
            topic = raw.topics.get(topic.parent_id)
        name = topic.slug if topic is not None else NO_AREA
        counts[name] = counts.get(name, 0) + n
    return list(counts.items())


def _month_names(counted: list[tuple[str, int]], locale: str) -> dict[str, str]:
    """ "2026-03" -> "Maret 2026", in calendar order."""
    names = {}
    for key, _ in sorted(counted):
        year, month = key.split("-")
        names[key] = format_date(dt.date(int(year), int(month), 1), "MMMM y", locale=locale)
    return names


def build(
    raw: Raw,
    calendar: WorkingCalendar,
    deadlines: Deadlines,
    locale: str,
    unknown: dict[str, str],
) -> Statistics:
    """Disclosure control, timings and the participation gap of one view's counts.

    ``unknown`` names, in the page's language, what has no topic, area or agency."""
    # "Who is heard" counts people: a collective report its weight (stats/weights.py).
    by_kecamatan = raw.people_by_kecamatan or raw.by_kecamatan
    view = gesi.build(
        raw.segments, by_kecamatan, raw.inputs, raw.attendance, raw.regions,
        raw.baselines, unknown["area"],
    )  # fmt: skip
    topic_names = {c.slug: c.name(locale) for c in raw.topics.values()}
    agency_names = {str(i): a.name(locale) for i, a in raw.agencies.items()}
    type_labels = {t.value: str(TYPE_LABELS[t]) for t in ReportType}
    status_labels = {s.value: str(STATUS_LABELS[s]) for s in Status}
    total_shown: Shown = raw.total if raw.total >= THRESHOLD or raw.total == 0 else Hidden.SMALL
    scores = raw.ratings.scores
    score_table = _table(
        "scores",
        [(str(s), scores.get(s, 0)) for s in range(1, 6)],
        {str(s): str(s) for s in range(1, 6)},
    )
    rated = sum(scores.values())
    average = sum(s * n for s, n in scores.items()) / rated if rated >= THRESHOLD else None
    # Per agency, the counts add up to the ratings' total: protected as one list, and an
    # average only beside a count that is shown (two hidden counts with their averages would
    # give both counts away).
    by_agency = sorted(raw.ratings.by_agency, key=lambda r: -r[1])
    shown_counts, _ = protect_list([n for _, n, _ in by_agency])
    agency_ratings = [
        AgencyRating(
            agency_names.get(str(agency_id), unknown["agency"]),
            shown,
            score_sum / n if isinstance(shown, int) else None,
        )
        for (agency_id, n, score_sum), shown in zip(by_agency, shown_counts, strict=True)
    ]
    return Statistics(
        total=total_shown,
        by_type=_table("type", raw.by_type, type_labels),
        by_topic=_by_name("topic", _topics(raw, locale), topic_names, unknown["topic"]),
        by_kecamatan=_by_name(
            "kecamatan", raw.by_kecamatan, raw.regions, unknown["area"], view.kecamatan
        ),
        by_desa=(
            _by_name("desa", raw.by_desa, raw.regions, unknown["area"]) if raw.by_desa else None
        ),
        by_agency=_by_name(
            "agency", [(k or NO_AREA, n) for k, n in raw.by_agency], agency_names, unknown["agency"]
        ),
        by_status=_table("status", raw.by_status, status_labels),
        by_month=_table("month", raw.by_month, _month_names(raw.by_month, locale)),
        timings={
            "verify": timing(calendar, raw.durations["verify"], deadlines.verify),
            "answer": timing(calendar, raw.durations["answer"], deadlines.answer),
            "close": timing(calendar, raw.durations["close"], None),
        },
        scores=score_table,
        average_score=average,
        agency_ratings=agency_ratings,
        gesi=view,
        people=_small(raw.people.reports),
        collective=_small(raw.people.collective),
        cosigned=_small(raw.people.cosigned),
    )


@dataclass
class BuiltView:
    """A view built for one language, and its page's content once rendered (by listen link)."""

    stats: Statistics
    pages: dict[str | None, str] = field(default_factory=dict)


class BuiltViews(StatsCache[BuiltView]):
    """Built views by statistics version and view: a request for a view seen at this version
    reads one counter and renders the page around figures rendered before."""


def _small(count: int) -> Shown:
    return count if count >= THRESHOLD or count == 0 else Hidden.SMALL
