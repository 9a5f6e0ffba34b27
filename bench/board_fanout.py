"""Benchmark: one live board stream (SSE) fanned out to many listeners.

    python bench/board_fanout.py [--listeners 1000] [--inputs 10] [--gap 1.0]

Starts one real `gesi-app serve` process (uvicorn, one worker, SQLite) on the loopback
interface, opens N concurrent listeners on /forums/{code}/board/events (raw asyncio streams,
one connection each), then writes inputs by quick capture as a facilitator. For each input it
measures the time from sending the POST until every listener has received it, and prints p50,
p95 and max over the inputs. Results are recorded by hand in docs/performance.md.
The listeners run in this process, on the same cores as the server.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import os
import platform
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import server as bench  # noqa: E402  # bench/ is a folder of scripts, not a package

USERNAME, PASSWORD = "bench.fasilitator", "bench fan-out password 2026"


def raise_fd_limit(needed: int) -> int:
    """Allow enough open files for the listeners here and their connections in the server."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, needed)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


async def set_up(database_url: str) -> str:
    """A facilitator and a live forum, through the app's own services; the join code."""
    import gesi_app.app  # noqa: F401  # every model, so the staff table's foreign keys resolve
    from gesi_app.accounts.models import Role
    from gesi_app.accounts.service import create_user
    from gesi_app.db.engine import create_engine, session_factory
    from gesi_app.forums.models import ForumFormat, ForumState
    from gesi_app.forums.service import NewForum, advance_state, create_forum
    from gesi_app.passwords import Hasher

    hasher = Hasher.make(time_cost=3, memory_kib=65536)  # the production parameters
    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as session:
            user = await create_user(
                session,
                username=USERNAME,
                full_name="Bench",
                role=Role.FACILITATOR,
                password=PASSWORD,
                password_hash=hasher.hash(PASSWORD),
            )
            forum = await create_forum(
                session,
                user,
                NewForum(
                    title="Benchmark forum",
                    agency_id=None,
                    format=ForumFormat.IN_PERSON,
                    starts_at=dt.datetime.now(dt.UTC),
                    place="Loopback",
                    agenda=("Fan-out",),
                ),
            )
            await advance_state(session, user, forum, ForumState.LIVE)
            return forum.join_code
    finally:
        await engine.dispose()


class Listener:
    """One board connection; the time each bench marker first arrived."""

    def __init__(self) -> None:
        self.seen: dict[str, float] = {}
        self.ready = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    async def run(self, port: int, code: str) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            f"GET /forums/{code}/board/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        await writer.drain()
        tail = ""
        try:
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    return
                text = tail + chunk.decode("utf-8", "replace")
                if "retry:" in text:
                    self.ready.set()
                now = time.perf_counter()
                for marker in re.findall(r"bench-marker-\d+", text):
                    self.seen.setdefault(marker, now)
                tail = text[-40:]
        finally:
            writer.close()


async def fan_out(
    base: str, port: int, code: str, listeners: int, inputs: int, gap: float
) -> list[float]:
    board = [Listener() for _ in range(listeners)]
    for start in range(0, listeners, 100):  # connect in batches: the accept backlog is finite
        for listener in board[start : start + 100]:
            listener.task = asyncio.create_task(listener.run(port, code))
        await asyncio.wait_for(
            asyncio.gather(*(x.ready.wait() for x in board[start : start + 100])), 60
        )
    print(f"{listeners} listeners connected")
    async with httpx2.AsyncClient(base_url=base, timeout=30) as staff:
        page = (await staff.get("/staff/login")).text
        csrf = re.search(r'name="csrftoken" value="([^"]+)"', page)
        assert csrf
        signed = await staff.post(
            "/staff/login",
            data={"csrftoken": csrf[1], "username": USERNAME, "password": PASSWORD},
        )
        assert signed.status_code in (200, 303), signed.status_code
        capture = f"/staff/forums/{code}/capture"
        item = re.findall(
            r'name="agenda_item" type="radio" value="(\d+)"', (await staff.get(capture)).text
        )[0]
        latencies = []
        for n in range(inputs):
            marker = f"bench-marker-{n}"
            began = time.perf_counter()
            sent = await staff.post(
                capture, data={"csrftoken": csrf[1], "agenda_item": item, "text": marker}
            )
            assert sent.status_code == 303, sent.status_code
            deadline = time.monotonic() + 30
            while sum(marker in x.seen for x in board) < listeners:
                assert time.monotonic() < deadline, f"{marker} did not reach every listener"
                await asyncio.sleep(0.005)
            last = max(x.seen[marker] for x in board)
            latencies.append(last - began)
            print(f"  input {n + 1}: every listener after {latencies[-1] * 1000:.0f} ms")
            await asyncio.sleep(gap)
    for listener in board:
        if listener.task:
            listener.task.cancel()
    await asyncio.gather(*(x.task for x in board if x.task), return_exceptions=True)
    return latencies


@dataclasses.dataclass
class FanOut:
    listeners: int
    latencies_ms: list[float]  # sorted
    peak_rss_mib: float  # the server's resident memory at its highest (VmHWM)
    idle_rss_mib: float

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms)

    @property
    def p95(self) -> float:
        ms = self.latencies_ms
        return statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]


def measure(listeners: int, inputs: int = 10, gap: float = 1.0) -> FanOut:
    raise_fd_limit(listeners * 2 + 200)
    with tempfile.TemporaryDirectory() as data_dir:
        env = bench.bench_env(data_dir)
        bench.cli(env, "db", "upgrade")
        os.environ.update(env)
        code = asyncio.run(set_up(env["GESI_DATABASE_URL"]))
        port = bench.free_port()
        with bench.running(bench.serve_command(port), port, env, ready="/forums") as server:
            idle = bench.rss_mib(server.pid)
            bench.reset_peak_rss(server.pid)  # the peak of serving the board, not of starting
            latencies = asyncio.run(fan_out(server.base, port, code, listeners, inputs, gap))
            peak = bench.rss_mib(server.pid, "VmHWM")
    return FanOut(listeners, sorted(x * 1000 for x in latencies), peak, idle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listeners", type=int, default=1000)
    parser.add_argument("--inputs", type=int, default=10)
    parser.add_argument("--gap", type=float, default=1.0, help="seconds between inputs")
    args = parser.parse_args()
    result = measure(args.listeners, args.inputs, args.gap)
    ms = result.latencies_ms
    print(
        f"{args.listeners} listeners, {len(ms)} inputs; "
        f"time from POST until every listener had the input: "
        f"p50 {result.p50:.0f} ms, p95 {result.p95:.0f} ms, max {ms[-1]:.0f} ms "
        f"(target p95 <= 1000 ms); server resident memory {result.idle_rss_mib:.0f} MiB idle, "
        f"peak {result.peak_rss_mib:.0f} MiB"
    )
    print(
        f"machine: {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
