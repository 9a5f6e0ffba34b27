"""Benchmark: statistics and open data at scale (a million reports, 100,000 forum inputs).

    python bench/stats_scale.py [--reports 1000000] [--inputs 100000]
                                [--database-url postgresql+asyncpg://...] [--seconds 10]

1. Fills a database quickly with bulk inserts (not the services: those take milliseconds a
   report): the demo's regions, topics and agencies, then N reports with their history,
   "About you" answers for most of them, and forums with their inputs and participants.
   Without --database-url, a new SQLite file in a temporary folder; with it, that database
   (migrated to head first; it must hold no report yet).
2. Starts one real `gesi-app serve` process (uvicorn, one worker) on the loopback interface.
3. Downloads each export (whole file, and with filters) and prints the time to first byte,
   the total time, the size and the server process's peak resident memory during it (the
   kernel's high-water mark, reset before each download).
4. When the app has a `/stats` page, loads it with `wrk` (a load generator in C; Debian
   package `wrk`) without and with filters, and prints p50/p95 and the share of CPU that wrk
   and the server each used (they share the machine's cores).

Results are recorded by hand in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import server as bench  # noqa: E402  # bench/ is a folder of scripts, not a package

CHUNK = 5000
START = dt.datetime(2025, 1, 1, 1, 0, tzinfo=dt.UTC)
SPAN_DAYS = 700
FORUM_INPUTS_PER_FORUM = 500
# As migration 0025 fills them in (the PostgreSQL fill inserts without triggers).
_FIRST = (
    "{0} = (SELECT min(e.created_at) FROM report_events e "
    "WHERE e.report_id = reports.id AND e.to_status = '{1}')"
)
_SETS = ", ".join(
    _FIRST.format(column, status)
    for column, status in (
        ("first_verified_at", "terverifikasi"),
        ("first_answered_at", "ditindaklanjuti"),
        ("first_closed_at", "selesai"),
    )
)
FIRSTS = f"UPDATE reports SET {_SETS}"  # noqa: S608  # our names, no input


# --- filling the database ------------------------------------------------------------------


def _code(n: int) -> str:
    from gesi_app.reports import codes

    digits = []
    for _ in range(6):
        n, digit = divmod(n, len(codes.ALPHABET))
        digits.append(codes.ALPHABET[digit])
    body = "".join(digits)
    return f"{codes.PREFIX}-{body[:4]}-{body[4:]}"


# (share, path of statuses after "received"): where reports are today.
FLOWS: list[tuple[float, tuple[str, ...]]] = [
    (0.08, ()),
    (0.12, ("terverifikasi",)),
    (0.38, ("terverifikasi", "ditindaklanjuti")),
    (0.35, ("terverifikasi", "ditindaklanjuti", "selesai")),
    (0.03, ("diarsipkan",)),
    (0.02, ("terverifikasi", "ditunda")),
    (0.02, ("bukan_wewenang",)),
]


def _flow(rng: random.Random) -> tuple[str, ...]:
    pick, total = rng.random(), 0.0
    for share, steps in FLOWS:
        total += share
        if pick < total:
            return steps
    return FLOWS[-1][1]


class Generator:
    """Rows for reports ``n`` = 1..N (ids are n: the database holds no report before)."""

    def __init__(self, count: int, topics: list[int], agencies: list[int], areas: list[str]):
        self.count = count
        self.topics, self.agencies, self.areas = topics, agencies, areas
        self.rng = random.Random(2026)
        self.event_id = 0

    def chunk(self, first: int, last: int) -> tuple[list[dict[str, Any]], ...]:
        reports, events, segments = [], [], []
        rng = self.rng
        for n in range(first, last + 1):
            sent = START + dt.timedelta(seconds=SPAN_DAYS * 86400 * (n - 1) / self.count)
            steps = _flow(rng)
            rahasia = rng.random() < 0.1
            agency = rng.choice(self.agencies) if "terverifikasi" in steps else None
            area_pick = rng.random()
            area = rng.choice(self.areas) if area_pick < 0.9 else None
            moment, status, verified_at, closed_at = sent, "diterima", None, None
            history = [(None, "diterima", sent)]
            for step in steps:
                moment += dt.timedelta(
                    hours=rng.randint(4, 24 * (9 if step != "terverifikasi" else 5))
                )
                history.append((status, step, moment))
                status = step
                if step == "terverifikasi" and verified_at is None:
                    verified_at = moment
                if step == "selesai":
                    closed_at = moment
            reports.append(
                {
                    "id": n,
                    "tracking_code": _code(n),
                    "type": rng.choice(
                        ("pengaduan", "pengaduan", "aspirasi", "permintaan_informasi")
                    ),
                    "category_id": rng.choice(self.topics),
                    "title": f"Laporan {n}",
                    "description": "Laporan buatan untuk uji skala.",
                    "when_kind": "unknown",
                    "region_code": area,
                    "anonim": rng.random() < 0.3,
                    "rahasia": rahasia,
                    "status": status,
                    "channel": "web",
                    "agency_id": agency,
                    "locale": "id",
                    "weight": 1,
                    "support_count": 0,
                    "created_at": sent,
                    "updated_at": moment,
                    "closed_at": closed_at,
                    "published_at": None if rahasia or verified_at is None else verified_at,
                    "public_title": None if verified_at is None else f"Laporan {n}",
                    "public_description": None,
                }
            )
            for before, after, at in history:
                self.event_id += 1
                events.append(
                    {
                        "id": self.event_id,
                        "report_id": n,
                        "from_status": before,
                        "to_status": after,
                        "actor_kind": "staff" if before else "reporter",
                        "created_at": at,
                    }
                )
            if rng.random() < 0.6:
                wg = [rng.choice((1, 1, 1, 1, 2, 2, 3, 4)) for _ in range(6)]
                segments.append(
                    {
                        "report_id": n,
                        "consent_at": sent,
                        "gender": rng.choice(("perempuan", "laki_laki", None)),
                        "age_band": rng.choice(("16-30", "31-59", "60+", None)),
                        "wg_seeing": wg[0],
                        "wg_hearing": wg[1],
                        "wg_walking": wg[2],
                        "wg_remembering": wg[3],
                        "wg_selfcare": wg[4],
                        "wg_communicating": wg[5],
                        "disability": any(v >= 3 for v in wg),
                        "disability_kinds": [],
                    }
                )
        return reports, events, segments


async def fill(database_url: str, reports: int, inputs: int) -> None:
    from sqlalchemy import func, insert, select, text

    from gesi_app.agencies.models import Agency
    from gesi_app.categories.models import Category
    from gesi_app.db.engine import create_engine, session_factory
    from gesi_app.demo import seed_demo
    from gesi_app.forums.models import AgendaItem, Forum, ForumInput, Participant
    from gesi_app.passwords import MIN_MEMORY_KIB, MIN_TIME_COST, Hasher
    from gesi_app.regions.models import Region
    from gesi_app.reports.models import Report, ReporterSegment, ReportEvent

    engine = create_engine(database_url)
    try:
        hasher = Hasher.make(time_cost=MIN_TIME_COST, memory_kib=MIN_MEMORY_KIB)
        async with session_factory(engine)() as session:
            await seed_demo(session, hasher=hasher)
            await session.commit()
            if await session.scalar(select(func.count()).select_from(Report)):
                raise SystemExit("the database already holds reports: give an empty one")
            topics = list((await session.scalars(select(Category.id))).all())
            agencies = list((await session.scalars(select(Agency.id))).all())
            areas = list(
                (await session.scalars(select(Region.code).where(Region.level >= 3))).all()
            )
        generator = Generator(reports, topics, agencies, areas)
        began = time.perf_counter()
        for first in range(1, reports + 1, CHUNK):
            rows, events, segments = generator.chunk(first, min(first + CHUNK - 1, reports))
            async with engine.begin() as conn:
                if engine.dialect.name == "postgresql":
                    # asyncpg runs a bulk insert one row at a time, so every statement trigger
                    # fires per row and updates the same version rows thousands of times in
                    # one transaction; PostgreSQL slows down at that (see firsts() below).
                    await conn.execute(text("SET LOCAL session_replication_role = replica"))
                await conn.execute(insert(Report), rows)
                await conn.execute(insert(ReportEvent), events)
                if segments:
                    await conn.execute(insert(ReporterSegment), segments)
            done = min(first + CHUNK - 1, reports)
            if done % 50_000 < CHUNK or done == reports:
                print(f"  {done:,} reports ({time.perf_counter() - began:.0f} s)", flush=True)
        rng = random.Random(7)
        forums = max(1, inputs // FORUM_INPUTS_PER_FORUM)
        input_id = 0
        for f in range(1, forums + 1):
            starts = START + dt.timedelta(days=SPAN_DAYS * f / forums)
            async with engine.begin() as conn:
                forum_id = (
                    await conn.execute(
                        insert(Forum).returning(Forum.id),
                        {
                            "join_code": f"B{f:05d}",
                            "title": f"Forum {f}",
                            "agency_id": rng.choice(agencies),
                            "format": "in_person",
                            "starts_at": starts,
                            "place": "Balai desa",
                            "accommodations": [],
                            "audiences": [],
                            "state": "ended",
                            "created_at": starts,
                        },
                    )
                ).scalar_one()
                item_id = (
                    await conn.execute(
                        insert(AgendaItem).returning(AgendaItem.id),
                        {"forum_id": forum_id, "position": 0, "title": "Usulan warga"},
                    )
                ).scalar_one()
                people = [
                    {
                        "forum_id": forum_id,
                        "joined_at": starts,
                        "woman": rng.random() < 0.45,
                        "youth": rng.random() < 0.3,
                        "disability": rng.random() < 0.06,
                    }
                    for _ in range(60)
                ]
                await conn.execute(insert(Participant), people)
                count = min(FORUM_INPUTS_PER_FORUM, inputs - input_id)
                rows = []
                for _ in range(count):
                    input_id += 1
                    rows.append(
                        {
                            "forum_id": forum_id,
                            "agenda_item_id": item_id,
                            "source": "capture",
                            "text": f"Masukan {input_id}",
                            "created_at": starts + dt.timedelta(seconds=input_id % 7200),
                            "woman": rng.random() < 0.4,
                            "youth": rng.random() < 0.3,
                            "disability": rng.random() < 0.05,
                        }
                    )
                if rows:
                    await conn.execute(insert(ForumInput), rows)
        print(f"  {input_id:,} forum inputs in {forums:,} forums", flush=True)
        if engine.dialect.name == "postgresql":
            async with engine.begin() as conn:
                began = time.perf_counter()
                await conn.execute(text(FIRSTS))  # what the triggers did not do, at once
                await conn.execute(text("UPDATE stats_version SET version = version + 1"))
                print(f"  firsts filled in {time.perf_counter() - began:.0f} s", flush=True)
                for table in ("reports", "report_events"):
                    await conn.execute(
                        text(  # two table names of ours, no input
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                            f"(SELECT max(id) FROM {table}))"
                        )
                    )
            async with engine.connect() as conn:
                await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.execute(text("VACUUM ANALYZE"))
        else:
            async with engine.begin() as conn:
                await conn.execute(text("ANALYZE"))
    finally:
        await engine.dispose()


# --- the server and its process --------------------------------------------------------------


class Sampler:
    """Also samples VmRSS every 20 ms (for kernels that cannot reset the high-water mark)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(OSError):
                self.peak = max(self.peak, bench.rss_mib(self.pid, "VmRSS"))
            time.sleep(0.02)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def download(base: str, path: str, pid: int) -> dict[str, float]:
    """Stream one file; its time to first byte, total time, size and the server's peak RSS."""
    with contextlib.suppress(OSError):
        bench.reset_peak_rss(pid)
    before = bench.rss_mib(pid, "VmRSS")
    with Sampler(pid) as sampler:
        began = time.perf_counter()
        first = None
        size = 0
        lines = 0
        with httpx2.stream("GET", base + path, timeout=3600) as response:
            assert response.status_code == 200, (path, response.status_code)
            for chunk in response.iter_bytes():
                if first is None:
                    first = time.perf_counter() - began
                size += len(chunk)
                lines += chunk.count(b"\n")
        total = time.perf_counter() - began
    return {
        "ttfb": first or total,
        "total": total,
        "mib": size / 2**20,
        "lines": lines,
        "rss_before": before,
        "rss_peak": max(bench.rss_mib(pid, "VmHWM"), sampler.peak),
    }


def load(base: str, path: str, pid: int, seconds: int, connections: int) -> str:
    """``wrk`` on one address (one thread; a slow answer is counted, not dropped): latency
    percentiles, and wrk's and the server's CPU shares."""
    done = bench.wrk(
        base + path, pid, seconds=seconds, connections=connections, threads=1, timeout="60s"
    )
    return (
        f"p50 {done.p50:.1f} p95 {done.p95:.1f} p99 {done.p99:.1f} requests {done.requests} "
        f"errors {done.errors + done.non2xx} (ms; {connections} connections, {seconds} s); "
        f"CPU share of one core: wrk {100 * done.wrk_cpu:.0f}%, server {100 * done.server_cpu:.0f}%"
    )


# --- the run -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--database-url", help="an empty database (default: a new SQLite file)")
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per address")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
    parser.add_argument(
        "--reuse", action="store_true", help="the database was filled by an earlier run: measure"
    )
    parser.add_argument("--fill-only", action="store_true", help="fill the database, then stop")
    parser.add_argument("--skip-exports", action="store_true", help="measure /stats only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        database_url = args.database_url or f"sqlite+aiosqlite:///{data_dir}/bench.db"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GESI_")},
            "GESI_DATA_DIR": data_dir,
            "GESI_DATABASE_URL": database_url,
            "GESI_JOBS_INTERVAL_MINUTES": "0",
            "GESI_DOWNLOADS_PER_HOUR": "100000",  # the bench downloads every file, run after run
        }
        os.environ.update(env)
        subprocess.run(
            [sys.executable, "-m", "gesi_app.cli", "db", "upgrade"],
            env=env,
            check=True,
            capture_output=True,
        )
        if not args.reuse:
            print(f"filling: {args.reports:,} reports, {args.inputs:,} forum inputs", flush=True)
            began = time.perf_counter()
            asyncio.run(fill(database_url, args.reports, args.inputs))
            print(f"filled in {time.perf_counter() - began:.0f} s", flush=True)
        if args.fill_only:
            return
        port = bench.free_port()
        with bench.running(bench.serve_command(port), port, env, ready="/healthz") as server:
            base = server.base
            run(base, server.pid, args)
    print(
        f"machine: {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}, database {database_url.split(':')[0]}"
    )


def run(base: str, pid: int, args: argparse.Namespace) -> None:
    month = "from=2026-03&to=2026-03"  # a whole month, as /stats writes its period
    exports = [
        "/stats/export.csv",
        "/stats/export.json",
        f"/stats/export.csv?{month}",
        "/stats/export.csv?agency=dinkes",
        "/stats/export.csv?area=36.03.01&type=pengaduan",
    ]
    print(f"server idle: {bench.rss_mib(pid, 'VmRSS'):.0f} MiB resident")
    for path in [] if args.skip_exports else exports:
        r = download(base, path, pid)
        print(
            f"{path}: first byte {r['ttfb'] * 1000:.0f} ms, all {r['total']:.1f} s, "
            f"{r['mib']:.1f} MiB, {int(r['lines']):,} lines; server resident "
            f"{r['rss_before']:.0f} MiB before, peak {r['rss_peak']:.0f} MiB",
            flush=True,
        )
    # A wrong filter is answered before anything is counted: the cache stays cold.
    if httpx2.get(base + "/stats?type=none", timeout=600).status_code != 400:
        print("/stats: not in this app (404): its load test is skipped")
        return
    if shutil.which("wrk") is None:
        print("/stats: wrk is not installed (Debian package wrk): its load test is skipped")
        return
    # In the order /stats writes them (another order is answered with a redirect to this one).
    for path in ("/stats", f"/stats?{month}", "/stats?area=36.03.01&agency=dinkes&type=pengaduan"):
        # The first request counts the view (cold); the next ones find its counts in the
        # server's statistics cache (warm) until a report or forum changes.
        for kind in ("cold", "warm"):
            started = time.perf_counter()
            status = httpx2.get(base + path, timeout=600).status_code
            alone = time.perf_counter() - started
            print(f"{path}: one request alone, {kind}: {alone * 1000:.0f} ms (status {status})")
        print(f"{path}: {load(base, path, pid, args.seconds, args.connections)}", flush=True)
    # As on a live site: a recent report changes (sent 2% of the period before the newest,
    # in a full month: its month's and the statistics' versions move), then each view is
    # asked for again; three times.
    for round_ in range(3):
        asyncio.run(touch_newest_report(os.environ["GESI_DATABASE_URL"]))
        for path in (
            "/stats",
            f"/stats?{month}",
            "/stats?area=36.03.01&agency=dinkes&type=pengaduan",
        ):
            started = time.perf_counter()
            status = httpx2.get(base + path, timeout=600).status_code
            alone = time.perf_counter() - started
            print(f"{path}: after a change ({round_ + 1}): {alone * 1000:.0f} ms (status {status})")


async def touch_newest_report(database_url: str) -> None:
    from sqlalchemy import text

    from gesi_app.db.engine import create_engine

    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "UPDATE reports SET support_count = support_count + 1 "
                    "WHERE id = (SELECT CAST(max(id) * 0.98 AS INTEGER) FROM reports)"
                )
            )
    finally:
        await engine.dispose()


if __name__ == "__main__":
    main()
