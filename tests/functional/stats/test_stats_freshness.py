"""The statistics cache never answers with numbers from before a change: every table /stats
counts moves the statistics version in the change's own transaction (triggers, migration
0023), and a view counted at an older version is counted again, in every app process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from starlette.applications import Starlette
from starlette.testclient import TestClient

from gesi_app.agencies.models import Agency
from gesi_app.app import create_app
from gesi_app.forums.models import AgendaItem, Forum, ForumInput, Participant
from gesi_app.reports.models import Rating, Report, ReporterSegment, ReportType, Status
from gesi_app.reports.workflow import transition
from gesi_app.stats.cache import StatsCache, current_version
from gesi_app.stats.filters import Filters
from gesi_app.stats.queries import Scope, forum_inputs
from gesi_app.stats.service import BuiltViews
from gesi_app.web.state import app_state
from tests.conftest import make_settings
from tests.factories import run
from tests.functional.stats.test_stats_page import _fill
from tests.unit.stats import fixtures as fx

WATCHED = (
    "reports", "report_events", "reporter_segments", "report_ratings", "report_cosigns",
    "forums", "forum_inputs", "forum_participants",
    # The names and baselines a built view is shown with (0024).
    "categories", "regions", "agencies", "stats_population_baselines",
)  # fmt: skip
VIEWS = (
    "/stats?lang=en",
    "/stats?area=36.03.02&lang=en",
    "/stats?from=2026-04&to=2026-04&lang=en",
    "/stats?agency=dpupr&lang=en",
)


def _main(page: str) -> str:
    return page[page.index("<main") : page.index("</main>")]


def _version(database_url: str) -> int:
    found: int = run(database_url, current_version)
    return found


@pytest.fixture
def second(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    """Another app process on the same database, with a cache of its own."""
    app = create_app(make_settings(tmp_path / "second", database_url))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _cache(app: Starlette) -> StatsCache[Any]:
    return app_state(app).resource(StatsCache)


def _triggers(database_url: str) -> set[str]:
    async def names(session: AsyncSession) -> set[str]:
        if session.get_bind().dialect.name == "postgresql":
            query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        else:
            query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        return {str(name) for name in (await session.scalars(text(query))).all()}

    found: set[str] = run(database_url, names)
    return found


def test_every_counted_table_has_its_trigger_at_head(database_url: str) -> None:
    found = _triggers(database_url)
    # The months' versions (0026) on the counted tables; the firsts (0025) on the history.
    by_month = WATCHED[:8]
    actions = ("insert", "update", "delete")
    if database_url.startswith("postgresql"):
        expected = {f"stats_version_{t}" for t in WATCHED}
    else:
        expected = {f"stats_version_{t}_{a}" for t in WATCHED for a in actions}
    expected |= {f"stats_partitions_{t}_{a}" for t in by_month for a in actions}
    expected |= {f"report_firsts_{a}" for a in actions}
    assert expected <= found


async def _forum(session: AsyncSession) -> None:
    forum = Forum(
        join_code="FRSH01", title="Forum", format="in_person", place="Balai desa",
        starts_at=fx.at("2026-04-08"), state="ended",
    )  # fmt: skip
    session.add(forum)
    await session.flush()
    item = AgendaItem(forum_id=forum.id, position=0, title="Usulan")
    session.add(item)
    await session.flush()
    for n in range(8):
        session.add(Participant(forum_id=forum.id, woman=True, youth=n < 6, disability=n < 5))
        session.add(
            ForumInput(
                forum_id=forum.id, agenda_item_id=item.id, source="capture", text=f"Masukan {n}",
                woman=True, youth=True, disability=n < 6,
            )
        )  # fmt: skip


async def _new_reports(session: AsyncSession) -> None:
    for _ in range(5):
        await fx.report(
            session, "2026-04-09", region_code=fx.KECAMATAN_B, segment=fx.WOMAN_YOUTH_DISABLED
        )


async def _verify_and_answer(session: AsyncSession) -> None:
    """Staff verify and answer the six March reports of men: status, agency, history."""
    works = await fx.agency(session, "dpupr")
    rows = (
        await session.scalars(
            select(Report)
            .where(Report.status == Status.DITERIMA)
            .options(selectinload(Report.history))
            .order_by(Report.id)
            .limit(6)
        )
    ).all()
    for row in rows:
        transition(row, Status.TERVERIFIKASI, actor_kind="staff", now=fx.at("2026-04-20"))
        row.agency_id = works.id
        transition(row, Status.DITINDAKLANJUTI, actor_kind="staff", now=fx.at("2026-04-27"))


async def _ratings(session: AsyncSession) -> None:
    for report_id in (await session.scalars(select(Report.id).limit(6))).all():
        session.add(Rating(report_id=report_id, score=2, created_at=fx.at("2026-04-28")))


async def _segments_changed(session: AsyncSession) -> None:
    """A bulk UPDATE (no ORM object): men become "not stated"."""
    await session.execute(
        update(ReporterSegment).where(ReporterSegment.gender == "laki_laki").values(gender=None)
    )


async def _types_changed(session: AsyncSession) -> None:
    await session.execute(update(Report).values(type=ReportType.PERMINTAAN_INFORMASI))


async def _inputs_removed(session: AsyncSession) -> None:
    await session.execute(delete(ForumInput))
    await session.execute(delete(Participant))


CHANGES: list[Callable[[AsyncSession], Any]] = [
    _new_reports, _verify_and_answer, _ratings, _segments_changed, _forum, _inputs_removed,
    _types_changed,
]  # fmt: skip


def test_every_change_moves_the_version(database_url: str) -> None:
    _fill(database_url)
    for change in CHANGES:
        before = _version(database_url)
        run(database_url, change)
        assert _version(database_url) > before, change.__name__


def test_a_read_moves_nothing(client: TestClient, database_url: str) -> None:
    _fill(database_url)
    before = _version(database_url)
    for view in VIEWS:
        assert client.get(view).status_code == 200
    assert _version(database_url) == before


def test_views_are_counted_once_per_version(client: TestClient, database_url: str) -> None:
    _fill(database_url)
    cache = _cache(client.app)  # type: ignore[arg-type]
    first = [_main(client.get(view).text) for view in VIEWS]
    counted = cache.misses
    assert counted == len(VIEWS)
    built = app_state(client.app).resource(BuiltViews)  # type: ignore[arg-type]
    again = [_main(client.get(view).text) for view in VIEWS]
    assert again == first
    assert cache.misses == counted  # every view from memory: built already, even
    assert built.hits >= len(VIEWS)
    # The same view in the other language is the same counts, named in Indonesian.
    assert "Laporan" in client.get("/stats?lang=id").text
    assert cache.misses == counted
    assert cache.hits >= 1


def test_a_renamed_agency_is_shown_at_once(client: TestClient, database_url: str) -> None:
    """Built views keep the names they were built with: the tables of names move the version
    too (0024), so a new name is shown at once."""
    _fill(database_url)
    run(database_url, _verify_and_answer)
    assert "Public Works" in client.get("/stats?lang=en").text
    run(
        database_url,
        lambda s: s.execute(
            update(Agency).where(Agency.slug == "dpupr").values(name_en="Bridges Office")
        ),
    )
    page = client.get("/stats?lang=en").text
    assert "Bridges Office" in page
    assert "Public Works" not in page


def test_no_process_answers_from_before_a_change(
    client: TestClient, second: TestClient, database_url: str, tmp_path: Path
) -> None:
    """Two app processes keep their own caches; a third (a script) changes the data. After
    each change both answer exactly as an app that never counted before."""
    _fill(database_url)
    for app_client in (client, second):
        for view in VIEWS:
            app_client.get(view)
    shown = {view: _main(client.get(view).text) for view in VIEWS}
    for n, change in enumerate(CHANGES):
        run(database_url, change)
        fresh_app = create_app(make_settings(tmp_path / f"fresh{n}", database_url))
        with TestClient(fresh_app, raise_server_exceptions=False) as fresh:
            expected = {view: _main(fresh.get(view).text) for view in VIEWS}
        for app_client in (client, second):
            got = {view: _main(app_client.get(view).text) for view in VIEWS}
            assert got == expected, change.__name__
        assert expected != shown, f"{change.__name__} changed nothing on the page"
        shown = expected


def test_a_change_through_the_app_is_seen_at_once(client: TestClient, database_url: str) -> None:
    """Reports sent through the public journey in the same process."""
    _fill(database_url)
    page = client.get("/stats?lang=en").text
    assert "Reports counted: 29." in page
    run(database_url, _new_reports)
    assert "Reports counted: 34." in client.get("/stats?lang=en").text


def test_version_survives_a_missing_row(database_url: str) -> None:
    """A database emptied table by table (tests on PostgreSQL) has no version row: the next
    change makes it again, so the counter still moves."""
    run(database_url, lambda s: s.execute(text("DELETE FROM stats_version")))
    assert _version(database_url) == 0
    _fill(database_url)
    assert _version(database_url) > 0


def test_a_hidden_input_is_not_counted(database_url: str) -> None:
    """An input a facilitator hid from the board (forums/moderation.py) is left out of the
    minutes, and so of "who is heard": 8 inputs, 2 hidden, 6 counted."""
    run(database_url, _forum)

    async def hide_two(session: AsyncSession) -> None:
        rows = (await session.scalars(select(ForumInput).order_by(ForumInput.id))).all()
        for row in rows[:2]:
            row.hidden_at = fx.at("2026-04-08", 5)
            row.hidden_reason = "Iklan"

    run(database_url, hide_two)

    async def count(session: AsyncSession) -> tuple[int, int]:
        dialect = session.get_bind().dialect.name
        found = await forum_inputs(session, Scope(Filters(), None, "Asia/Jakarta", dialect))
        return found.total, found.yes["disability"]

    assert run(database_url, count) == (6, 4)
