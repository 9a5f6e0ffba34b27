"""The statistics of fixed reports: exact numbers, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

from gesi_app.reports.models import ReportType
from gesi_app.stats.filters import Filters
from gesi_app.stats.suppression import Hidden
from tests.factories import run, seed
from tests.unit.stats import fixtures as fx


def _counts(table: Any) -> dict[str, object]:
    return {bar.key: bar.count for bar in table.rows}


async def _timing_reports(session: Any) -> None:
    """Six reports sent Monday 16 March 2026, verified across Nyepi and Idulfitri (18 to 24
    March are holidays or cuti bersama, 21 and 22 a weekend too)."""
    works = await fx.agency(session, "dpupr")
    for verified in ("2026-03-17", "2026-03-17", "2026-03-17", "2026-03-25", "2026-03-26"):
        await fx.report(session, "2026-03-16", verified=verified, agency=works)
    await fx.report(session, "2026-03-16", verified="2026-03-31", agency=works)


def test_verification_times_in_working_days_across_holidays(database_url: str) -> None:
    seed(database_url)

    async def go(session: Any) -> Any:
        await _timing_reports(session)
        return await fx.statistics(session)

    stats = run(database_url, go)
    verify = stats.timings["verify"]
    # Working days taken: 1, 1, 1, 2 (17 and 25 March), 3, 6.
    assert (verify.reports, verify.unknown) == (6, 0)
    assert verify.median == 1.5
    assert verify.p90 == 6
    assert (verify.on_time, verify.deadline) == (5, 3)
    assert stats.timings["answer"].reports == 0
    assert stats.total == 6
    assert _counts(stats.by_status) == {"terverifikasi": 6}
    assert _counts(stats.by_month) == {"2026-03": 6}
    assert stats.by_month.rows[0].label == "March 2026"


def test_counts_by_type_area_agency_with_small_cells_hidden(database_url: str) -> None:
    seed(database_url)

    async def go(session: Any) -> Any:
        await _timing_reports(session)  # six complaints in desa 36.03.01.1001, public works
        for _ in range(7):
            await fx.report(session, "2026-04-06", type=ReportType.ASPIRASI, region_code="36.03.02")
        await fx.report(session, "2026-04-07", type=ReportType.PERMINTAAN_INFORMASI, rahasia=True)
        return await fx.statistics(session)

    stats = run(database_url, go)
    assert stats.total == 14  # the rahasia report counts in the totals
    # One information request (<5) next to a shown total: the next smallest is hidden too.
    assert _counts(stats.by_type) == {
        "pengaduan": Hidden.COMPLEMENT,
        "aspirasi": 7,
        "permintaan_informasi": Hidden.SMALL,
    }
    assert stats.by_type.total == 14
    assert _counts(stats.by_kecamatan) == {"36.03.02": 7, "36.03.01": 7}
    assert [(bar.label, bar.count) for bar in stats.by_agency.rows] == [
        ("No agency", 8),
        ("Public Works and Spatial Planning Agency", 6),
    ]
    assert stats.by_desa is None  # villages only once an area is chosen


def test_filters_select_the_reports_counted(database_url: str) -> None:
    seed(database_url)

    async def go(session: Any) -> Any:
        await _timing_reports(session)
        for _ in range(5):
            await fx.report(session, "2026-04-06", type=ReportType.ASPIRASI, region_code="36.03.02")
        return (
            await fx.statistics(session, Filters(start=(2026, 4), end=(2026, 4))),
            await fx.statistics(session, Filters(area=fx.KECAMATAN_A)),
            await fx.statistics(session, Filters(type=ReportType.PENGADUAN)),
            await fx.statistics(session, Filters(agency="dpupr")),
        )

    april, area, complaints, works = run(database_url, go)
    assert april.total == 5 and _counts(april.by_type) == {"aspirasi": 5}
    assert area.total == 6 and area.by_desa is not None
    assert _counts(area.by_desa) == {fx.DESA_A: 6}
    assert complaints.total == 6
    assert works.total == 6


def test_ratings_distribution_and_average_by_agency(database_url: str) -> None:
    seed(database_url)

    async def go(session: Any) -> Any:
        works = await fx.agency(session, "dpupr")
        for score in (5, 4, 4, 3, 5, 2):
            await fx.report(
                session, "2026-04-06", verified="2026-04-07", answered="2026-04-09",
                closed="2026-04-13", agency=works, rating=score,
            )  # fmt: skip
        return await fx.statistics(session)

    stats = run(database_url, go)
    assert _counts(stats.scores) == {
        "1": Hidden.SMALL, "2": Hidden.SMALL, "3": Hidden.SMALL, "4": Hidden.SMALL,
        "5": Hidden.SMALL,
    }  # fmt: skip
    assert stats.average_score == 23 / 6
    [works] = stats.agency_ratings
    assert (works.ratings, works.average) == (6, 23 / 6)
    answer = stats.timings["answer"]
    assert (answer.reports, answer.median, answer.p90, answer.on_time) == (6, 2, 2, 6)
    close = stats.timings["close"]
    assert (close.median, close.p90, close.deadline) == (5, 5, None)
