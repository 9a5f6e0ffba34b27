"""Benchmark: a journey page against a bare Starlette response of the same size, and complete
reports stored per second on SQLite (and PostgreSQL when GESI_TEST_POSTGRES_URL is set).

    python bench/report_journey.py [--seconds 10] [--concurrency 16] [--reports 2000]

Prints its figures; results are recorded by hand in docs/performance.md. Traffic goes only to
servers this script starts on the loopback interface, and every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_APP = """
import os
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

BODY = "x" * int(os.environ["BARE_SIZE"])

async def page(request):
    return HTMLResponse(BODY)

app = Starlette(routes=[Route("/report/type", page)])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(module: str, env: dict[str, str], cwd: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            module,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env={**os.environ, **env},
        cwd=cwd,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx2.get(url + "/report/type", timeout=1).status_code == 200:
                return process, url
        except httpx2.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"server {module} did not start")


async def load(url: str, seconds: float, concurrency: int) -> tuple[float, float, float, int]:
    """Requests per second, p50 and p99 latency (ms) over a fixed time, bounded."""
    latencies: list[float] = []
    stop = time.monotonic() + seconds
    limits = httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx2.AsyncClient(limits=limits, timeout=10) as client:

        async def worker() -> None:
            while time.monotonic() < stop:
                began = time.perf_counter()
                response = await client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
                latencies.append((time.perf_counter() - began) * 1000)

        started = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.monotonic() - started
    quantiles = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, quantiles[49], quantiles[98], len(latencies)


def page_benchmark(seconds: float, concurrency: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {"GESI_DATA_DIR": data_dir}
        subprocess.run(
            [sys.executable, "-m", "gesi_app.cli", "db", "upgrade"],
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [sys.executable, "-m", "gesi_app.cli", "demo"],
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )
        ours, our_url = start("gesi_app.asgi:app", env, ROOT)
        try:
            size = len(httpx2.get(our_url + "/report/type").content)
            bare_dir = Path(data_dir) / "bare"
            bare_dir.mkdir()
            (bare_dir / "bare_app.py").write_text(BARE_APP)
            bare, bare_url = start("bare_app:app", {"BARE_SIZE": str(size)}, bare_dir)
            try:
                asyncio.run(load(our_url + "/report/type", 1, concurrency))  # warm up
                asyncio.run(load(bare_url + "/report/type", 1, concurrency))
                results = {}
                for name, url in (("bare Starlette", bare_url), ("Suara /report/type", our_url)):
                    results[name] = asyncio.run(load(url + "/report/type", seconds, concurrency))
            finally:
                bare.terminate()
                bare.wait(10)
        finally:
            ours.terminate()
            ours.wait(10)
    print(f"page size: {size} bytes; {concurrency} concurrent clients for {seconds:.0f} s each")
    for name, (rps, p50, p99, count) in results.items():
        print(
            f"  {name:<22} {rps:8.0f} req/s   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms"
            f"   ({count} requests)"
        )
    ratio = results["Suara /report/type"][0] / results["bare Starlette"][0]
    print(f"  ratio (Suara / bare): {ratio:.2f}   target >= 0.5")


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
        import asyncpg
        from sqlalchemy.engine import make_url

        admin = make_url(pg)
        name = f"suara_bench_{os.getpid()}"

        async def recreate(drop_only: bool = False) -> None:
            conn = await asyncpg.connect(
                user=admin.username,
                password=admin.password,
                host=admin.host,
                port=admin.port,
                database=admin.database,
            )
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
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--reports", type=int, default=2000)
    args = parser.parse_args()
    print(
        f"machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}"
    )
    page_benchmark(args.seconds, args.concurrency)
    storage_benchmark(args.reports)


if __name__ == "__main__":
    main()
