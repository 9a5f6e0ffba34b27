"""Benchmark: complete reports stored per second through the service, without HTTP, on SQLite
(and PostgreSQL when GESI_TEST_POSTGRES_URL is set).

    python bench/report_journey.py [--reports 2000]

The page against bare Starlette is bench/http_pages.py (wrk; this script's old httpx client
measured itself, see docs/performance.md), whole reports over HTTP bench/journey_load.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import server as bench  # noqa: E402  # bench/ is a folder of scripts, not a package


async def store_reports(database_url: str, count: int) -> float:
    from gesi_app.db.engine import create_engine, session_factory
    from gesi_app.demo import seed_demo
    from gesi_app.passwords import Hasher
    from gesi_app.reports.models import ReportType, WhenKind
    from gesi_app.reports.service import NewReport, Segment, submit_report

    # The production parameters (the settings' defaults): each report's PIN is hashed.
    hasher = Hasher.make(time_cost=3, memory_kib=65536)
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    async with sessions() as session:
        await seed_demo(session, hasher=hasher)
        await session.commit()
    new = NewReport(
        type=ReportType.PENGADUAN,
        title="Jalan berlubang di depan pasar",
        description="Lubang besar di depan pasar. Motor sering jatuh saat hujan. " * 5,
        when_kind=WhenKind.ONGOING,
        anonim=False,
        rahasia=False,
        region_code="36.03.01.1001",
        landmark="Depan pasar",
        contact_name="Siti Rahma",
        contact_email="siti@example.org",
        contact_phone="+6281234567890",
        segment=Segment(gender="perempuan", age_band="16_30", wg={"seeing": 3}),
    )
    started = time.perf_counter()
    for _ in range(count):
        async with sessions() as session:
            await submit_report(session, new, hasher=hasher)  # commits: durable before it returns
    elapsed = time.perf_counter() - started
    await engine.dispose()
    return count / elapsed


def storage_benchmark(count: int) -> None:
    from gesi_app.db import migrate

    print(
        f"complete reports stored, one transaction each ({count} reports,"
        " with contact and segment):"
    )
    with tempfile.TemporaryDirectory() as data_dir:
        url = f"sqlite+aiosqlite:///{Path(data_dir) / 'bench.sqlite3'}"
        migrate.upgrade(url)
        rate = asyncio.run(store_reports(url, count))
        print(f"  SQLite (WAL, synchronous=FULL)   {rate:8.0f} reports/s   target >= 300")
    pg = os.environ.get("GESI_TEST_POSTGRES_URL")
    if pg:
        from sqlalchemy.engine import make_url

        admin = make_url(pg)
        name = f"suara_bench_{os.getpid()}"

        async def recreate(drop_only: bool = False) -> None:
            conn = await bench.postgres(pg)
            try:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                if not drop_only:
                    await conn.execute(f'CREATE DATABASE "{name}"')
            finally:
                await conn.close()

        asyncio.run(recreate())
        try:
            url = admin.set(database=name).render_as_string(hide_password=False)
            migrate.upgrade(url)
            rate = asyncio.run(store_reports(url, count))
            print(f"  PostgreSQL                       {rate:8.0f} reports/s")
        finally:
            asyncio.run(recreate(drop_only=True))
    else:
        print("  PostgreSQL: skipped (set GESI_TEST_POSTGRES_URL)")


def cpu_model() -> str:
    """The processor's name, for the record (Linux), else the architecture."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    args = parser.parse_args()
    print(
        f"machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}"
    )
    storage_benchmark(args.reports)


if __name__ == "__main__":
    main()
