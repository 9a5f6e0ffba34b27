"""Rate limits are counted in the database, so they hold across app processes: two apps made
on one database (two processes, or two hosts behind a load balancer) share every count."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from starlette.testclient import TestClient

from gesi_app import jobs
from gesi_app.app import create_app
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.limits.models import RateCount
from gesi_app.limits.shared import SharedLimit
from tests import factories
from tests.conftest import make_settings
from tests.forums_support import add_forum, forum_team, post
from tests.functional.reports.journey_helpers import answer_all, send
from tests.staff_support import token


def test_sixty_counts_at_once_from_two_processes_let_exactly_the_limit_through(
    database_url: str,
) -> None:
    async def run() -> list[bool]:
        engines = [create_engine(database_url), create_engine(database_url)]
        try:
            limits = [SharedLimit(engine, "test", 10, 60) for engine in engines]
            return list(await asyncio.gather(*(limits[n % 2].take("192.0.2.1") for n in range(60))))
        finally:
            for engine in engines:
                await engine.dispose()

    assert sorted(asyncio.run(run())) == [False] * 50 + [True] * 10


def test_a_window_starts_at_the_first_count_and_a_new_one_after_it_ends(
    database_url: str,
) -> None:
    async def run() -> list[object]:
        engine = create_engine(database_url)
        try:
            limit = SharedLimit(engine, "test", 2, 60)
            t0 = 1_800_000_030.0
            return [
                await limit.take("a", t0),
                await limit.take("a", t0 + 59),
                await limit.take("a", t0 + 59.5),  # the third within a minute of the first
                (await limit.hit("b", t0 + 10)).until.isoformat(),
                await limit.allowed("a", t0 + 59.9),
                await limit.take("a", t0 + 60),  # the window ended: a new one starts
                await limit.count("a", t0 + 61),
            ]
        finally:
            await engine.dispose()

    until_b = dt.datetime.fromtimestamp(1_800_000_100, dt.UTC).isoformat()
    assert asyncio.run(run()) == [True, True, False, until_b, False, True, 1]


def test_the_forum_limit_holds_across_two_app_instances(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "d", database_url, GESI_FORUM_POSTS_PER_MINUTE="3")
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}/join"
    with TestClient(create_app(settings)) as one, TestClient(create_app(settings)) as two:
        csrf_one, csrf_two = token(one), token(two)
        codes = [
            post(one, url, csrf_one, {}).status_code,
            post(two, url, csrf_two, {}).status_code,
            post(one, url, csrf_one, {}).status_code,
            post(two, url, csrf_two, {}).status_code,
        ]
    assert [code == 429 for code in codes] == [False, False, False, True]


def test_the_report_limit_holds_across_two_app_instances(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "d", database_url, GESI_REPORTS_PER_HOUR="1")
    factories.seed(database_url)
    with TestClient(create_app(settings)) as one, TestClient(create_app(settings)) as two:
        answer_all(one)
        assert send(one).status_code == 303
        answer_all(two)
        refused = send(two)
        assert refused.status_code == 429
        assert "Tunggu sebentar" in refused.text


def test_the_periodic_jobs_purge_ended_counts(tmp_path: Path, database_url: str) -> None:
    async def run() -> tuple[int, int]:
        engine = create_engine(database_url)
        try:
            now = dt.datetime.now(dt.UTC)
            await SharedLimit(engine, "test", 5, 60).take("a")
            await SharedLimit(engine, "test", 5, 3600).take("b")
            sessions = session_factory(engine)
            done = await jobs.run_jobs(
                sessions, tmp_path, now + dt.timedelta(minutes=2), hasher=factories.HASHER
            )
            async with sessions() as session:
                left = await session.scalar(select(func.count()).select_from(RateCount))
            return done["rate_counters_purged"], int(left or 0)
        finally:
            await engine.dispose()

    assert asyncio.run(run()) == (1, 1)
