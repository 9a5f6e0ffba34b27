"""Benchmark: whole reports per second through every journey page over HTTP, with 32
reporters at once, on SQLite (one process) and PostgreSQL (two worker processes).

    python bench/journey_load.py [--seconds 20] [--reporters 32] [--engines sqlite,postgresql]

Each reporter is a keep-alive connection that walks the journey as a browser without
JavaScript does (every question's page, then its answer, the check page, the send, the
confirmation: 31 requests a report) and starts again. The driver is plain asyncio sockets,
not an HTTP library, and prints its own CPU share: when it stays well under a core, it is
not what limits the figure. Every report is counted in the database afterwards: a report
the driver saw confirmed is stored (SQLite stays ``synchronous=FULL``). PostgreSQL runs when
GESI_TEST_POSTGRES_URL names a server (a database of its own is made and dropped).
BENCH_SERVER_LOG=FILE keeps the server's log (a 500's traceback).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gzip
import os
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import server as bench  # bench/ is a folder of scripts, not a package

# The answers the page snapshot gives too (scripts/snapshot/answers.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from snapshot.answers import JOURNEY as ANSWERS

TOKEN = re.compile(rb'name="csrftoken" value="([^"]+)"')
SQLITE_TARGET = 50.0
POSTGRES_FACTOR = 1.5


class JourneyFailed(Exception):
    pass


def problem(page: bytes) -> str:
    """The first error a page shows, for the failure's message."""
    found = re.search(rb'class="error-message">(.*?)</p>', page, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", found[1].decode()).strip() if found else ""


class Reporter:
    """One person's browser: a keep-alive connection and a cookie jar."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.requests = 0

    async def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(bench.HOST, self.port)
        assert self.reader is not None
        body = urlencode(form).encode() if form is not None else b""
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {bench.HOST}:{self.port}",
            "Accept-Encoding: gzip",
            "Accept-Language: id",
        ]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            lines += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers: dict[str, str] = {}
        for line in header_lines:
            if not line:
                continue
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                self._keep(value)
            headers[name] = value
        content = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("content-encoding") == "gzip":
            content = gzip.decompress(content)
        self.requests += 1
        return status, headers, content

    def _keep(self, set_cookie: str) -> None:
        pair, *attributes = set_cookie.split(";")
        name, _, value = pair.strip().partition("=")
        gone = not value.strip('"') or any(a.strip().lower() == "max-age=0" for a in attributes)
        if gone:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

    async def page_and_answer(self, path: str, form: dict[str, str]) -> str:
        status, _, page = await self.request("GET", path)
        token = TOKEN.search(page)
        if status != 200 or not token:
            raise JourneyFailed(f"GET {path}: {status}")
        status, headers, answer = await self.request(
            "POST", path, {"csrftoken": token[1].decode(), **form}
        )
        if status != 303:
            raise JourneyFailed(f"POST {path}: {status} {problem(answer)}")
        return headers["location"]

    async def one_report(self) -> None:
        slug = "type"
        while slug != "check":
            location = await self.page_and_answer(f"/report/{slug}", ANSWERS[slug])
            slug = location.rsplit("/", 1)[-1]
        done = await self.page_and_answer("/report/check", {})
        status, _, page = await self.request("GET", done)
        if status != 200 or b"tracking-code" not in page:
            raise JourneyFailed(f"GET {done}: {status}")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


@dataclasses.dataclass
class JourneyResult:
    engine: str
    workers: int
    reports: int
    stored: int
    requests: int
    seconds: float
    driver_cpu: float
    server_cpu: float
    failures: list[str]

    @property
    def rate(self) -> float:
        return self.reports / self.seconds


async def drive(port: int, reporters: int, seconds: float) -> tuple[int, int, list[str]]:
    stop = time.monotonic() + seconds
    done = 0
    failures: list[str] = []
    people = [Reporter(port) for _ in range(reporters)]

    async def walk(person: Reporter) -> None:
        nonlocal done
        while time.monotonic() < stop:
            try:
                await person.one_report()
            except (JourneyFailed, OSError, asyncio.IncompleteReadError) as exc:
                failures.append(str(exc))
                person.close()
                person.writer, person.cookies = None, {}
                continue
            done += 1

    await asyncio.gather(*(walk(person) for person in people))
    for person in people:
        person.close()
    return done, sum(p.requests for p in people), failures


def run_one(
    engine: str, database_url: str, data_dir: str, workers: int, reporters: int, seconds: float
) -> JourneyResult:
    env = bench.bench_env(
        data_dir,
        database_url,
        GESI_REPORTS_PER_HOUR="100000000",  # every reporter comes from one address here
        GESI_MIN_FILL_SECONDS="0",  # a driver answers faster than any person
    )
    bench.cli(env, "db", "upgrade")
    bench.cli(env, "demo")
    port = bench.free_port()
    log = Path(os.environ.get("BENCH_SERVER_LOG", os.devnull))
    with bench.running(bench.serve_command(port, workers), port, env, keep_log=log) as server:
        asyncio.run(drive(port, min(reporters, 4), 2))  # warm: templates compiled, pools full
        before = count_reports(database_url)
        cpu_server = bench.tree_cpu_seconds(server.pid)
        cpu_driver = time.process_time()
        began = time.perf_counter()
        reports, requests, failures = asyncio.run(drive(port, reporters, seconds))
        wall = time.perf_counter() - began
        driver = (time.process_time() - cpu_driver) / wall
        served = (bench.tree_cpu_seconds(server.pid) - cpu_server) / wall
    stored = count_reports(database_url) - before
    return JourneyResult(engine, workers, reports, stored, requests, wall, driver, served, failures)


def count_reports(database_url: str) -> int:
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.split("///", 1)[1]) as conn:
            return int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])

    async def count() -> int:
        conn = await bench.postgres(database_url)
        try:
            return int(await conn.fetchval("SELECT count(*) FROM reports"))
        finally:
            await conn.close()

    return asyncio.run(count())


async def _admin(admin_url: str, sql: str) -> None:
    conn = await bench.postgres(admin_url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def measure(engines: list[str], reporters: int = 32, seconds: float = 20) -> list[JourneyResult]:
    results = []
    for engine in engines:
        with tempfile.TemporaryDirectory() as data_dir:
            if engine == "sqlite":
                url = f"sqlite+aiosqlite:///{data_dir}/bench.db"
                results.append(run_one(engine, url, data_dir, 1, reporters, seconds))
                continue
            admin = os.environ.get("GESI_TEST_POSTGRES_URL")
            if not admin:
                print("PostgreSQL: skipped (set GESI_TEST_POSTGRES_URL)")
                continue
            from sqlalchemy.engine import make_url

            name = f"suara_journey_{os.getpid()}"
            asyncio.run(_admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            asyncio.run(_admin(admin, f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(admin).set(database=name).render_as_string(hide_password=False)
                results.append(run_one(engine, url, data_dir, 2, reporters, seconds))
            finally:
                asyncio.run(_admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return results


def describe(result: JourneyResult) -> str:
    return (
        f"  {result.engine:<10} {result.workers} process(es): {result.rate:6.1f} reports/s "
        f"({result.reports} in {result.seconds:.0f} s, "
        f"{result.requests / result.seconds:.0f} req/s; "
        f"{result.stored} stored); CPU: driver {100 * result.driver_cpu:.0f}%, "
        f"server {100 * result.server_cpu:.0f}%; {len(result.failures)} failed"
        + (f" (first: {result.failures[0]})" if result.failures else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--reporters", type=int, default=32)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    print(
        f"journey: {args.reporters} reporters for {args.seconds:.0f} s, "
        f"load average {bench.load_average()}"
    )
    for result in measure(engines, args.reporters, args.seconds):
        print(describe(result))


if __name__ == "__main__":
    main()
