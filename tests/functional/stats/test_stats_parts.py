"""Counting month by month (stats/counts.py) gives exactly the counts of counting all reports
at once, for every kind of view; after a change only the month it concerns is counted again
(its version moved: migration 0026), on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.models import ReportType
from gesi_app.stats.counts import Counts, by_parts, count
from gesi_app.stats.filters import Filters
from gesi_app.stats.queries import Ratings, Scope
from gesi_app.stats.service import MonthCounts
from tests.factories import run
from tests.functional.stats.test_stats_freshness import (
    _forum,
    _new_reports,
    _ratings,
    _verify_and_answer,
)
from tests.functional.stats.test_stats_page import _fill
from tests.unit.stats import fixtures as fx

VIEWS = (
    Filters(),
    Filters(start=(2026, 4), end=(2026, 4)),
    Filters(start=(2026, 3)),
    Filters(area=fx.KECAMATAN_B),
    Filters(type=ReportType.PENGADUAN),
)


def _normal(counts: Counts) -> dict[str, object]:
    """The counts with every list in one order (SQL gives groups in any order)."""
    found: dict[str, object] = {}
    for name, value in vars(counts).items():
        if isinstance(value, list):
            value = sorted(value, key=repr)
        elif isinstance(value, Ratings):
            value = (value.scores, sorted(value.by_agency, key=repr))
        elif name == "segments":
            value = {k: sorted(rows) for k, rows in value.items()}
        found[name] = value
    return found


def _same(database_url: str, cache: MonthCounts) -> None:
    async def compare(session: AsyncSession) -> None:
        dialect = session.get_bind().dialect.name
        for filters in VIEWS:
            scope = Scope(filters, None, "Asia/Jakarta", dialect)
            parts = _normal(await by_parts(session, scope, cache))
            assert parts == _normal(await count(session, scope)), filters

    run(database_url, compare)


def test_months_add_up_to_the_whole(database_url: str) -> None:
    _fill(database_url)
    for change in (_verify_and_answer, _ratings, _forum):
        run(database_url, change)
    cache = MonthCounts()
    _same(database_url, cache)
    counted = cache.misses
    _same(database_url, cache)
    assert cache.misses == counted  # every month from memory
    run(database_url, _new_reports)  # April's reports: April's version moves, no other
    _same(database_url, cache)
    assert 0 < cache.misses - counted < counted
