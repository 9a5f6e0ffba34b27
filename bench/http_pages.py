"""Benchmark: a journey page against bare Starlette answering as many bytes, measured by
``wrk`` (C) under the same uvicorn and flags, in the same run.

    python bench/http_pages.py [--seconds 8] [--connections 32] [--rounds 2] [--path /report/type]

Each round runs bare Starlette, then Suara, and prints requests per second, p50 and p99 and
the CPU share of one core that wrk and each server used: when wrk's share is far below a
core, the load generator is not what limits the figure. Traffic goes only to servers this
script starts on the loopback interface.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import sys
import tempfile
from pathlib import Path

import httpx2

sys.path.insert(0, str(Path(__file__).resolve().parent))
import server as bench  # bench/ is a folder of scripts, not a package

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = 32
RATIO_TARGET = 0.35
P99_TARGET_MS = 30.0

BARE_APP = """
import os
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

BODY = "x" * int(os.environ["BARE_SIZE"])

async def page(request):
    return HTMLResponse(BODY)

app = Starlette(routes=[Route(os.environ["BARE_PATH"], page)])
"""


@dataclasses.dataclass
class Round:
    bare: bench.Load
    ours: bench.Load

    @property
    def ratio(self) -> float:
        return self.ours.rps / self.bare.rps

    @property
    def cpu_ratio(self) -> float:
        """The same ratio per second of server CPU: on a shared machine the scheduler gives
        the two servers different shares of the cores, and this figure leaves that out."""
        return (self.ours.rps / self.ours.server_cpu) / (self.bare.rps / self.bare.server_cpu)


@dataclasses.dataclass
class PageResult:
    path: str
    size: int
    rounds: list[Round]

    def median(self) -> Round:
        return sorted(self.rounds, key=lambda r: r.ratio)[len(self.rounds) // 2]


def describe(name: str, load: bench.Load) -> str:
    return (
        f"  {name:<24} {load.rps:8.0f} req/s   p50 {load.p50:6.2f} ms   p99 {load.p99:6.2f} ms"
        f"   CPU: wrk {100 * load.wrk_cpu:3.0f}%, server {100 * load.server_cpu:3.0f}%"
        f" ({load.rps / load.server_cpu:,.0f} req per server CPU-second)"
        f"   ({load.requests} requests, {load.errors + load.non2xx} errors)"
    )


def measure(
    path: str = "/report/type",
    seconds: float = 8,
    connections: int = CONNECTIONS,
    rounds: int = 2,
    parts: tuple[str, str] | None = None,
    checkout: Path = ROOT,
) -> PageResult:
    """``checkout``: the code to serve (another worktree, to compare two commits)."""
    with tempfile.TemporaryDirectory() as data_dir:
        env = bench.bench_env(data_dir, PYTHONPATH=str(checkout))
        bench.cli(env, "db", "upgrade", cwd=checkout)
        bench.cli(env, "demo", cwd=checkout)
        port = bench.free_port()
        command = bench.uvicorn_command("gesi_app.asgi:app", port, parts=parts)
        with bench.running(command, port, env, cwd=checkout) as ours:
            size = len(httpx2.get(ours.base + path).content)
            bare_dir = Path(data_dir) / "bare"
            bare_dir.mkdir()
            (bare_dir / "bare_app.py").write_text(BARE_APP)
            bare_env = {**os.environ, "BARE_SIZE": str(size), "BARE_PATH": path}
            bare_port = bench.free_port()
            bare_command = bench.uvicorn_command("bare_app:app", bare_port, parts=parts)
            with bench.running(bare_command, bare_port, bare_env, ready=path, cwd=bare_dir) as bare:
                bench.wrk(ours.base + path, ours.pid, seconds=1, connections=connections)  # warm
                bench.wrk(bare.base + path, bare.pid, seconds=1, connections=connections)
                results = []
                for _ in range(rounds):
                    bare_load = bench.wrk(
                        bare.base + path, bare.pid, seconds=seconds, connections=connections
                    )
                    ours_load = bench.wrk(
                        ours.base + path, ours.pid, seconds=seconds, connections=connections
                    )
                    results.append(Round(bare_load, ours_load))
    return PageResult(path, size, results)


def report(result: PageResult, connections: int = CONNECTIONS) -> None:
    print(
        f"page {result.path}: {result.size} bytes; wrk -t2 -c{connections}, load average "
        f"{bench.load_average()}"
    )
    for number, one in enumerate(result.rounds, 1):
        print(f" round {number}")
        print(describe("bare Starlette", one.bare))
        print(describe(f"Suara {result.path}", one.ours))
        print(
            f"  ratio {one.ratio:.2f} (target >= {RATIO_TARGET}), per second of server CPU "
            f"{one.cpu_ratio:.2f}; Suara p99 {one.ours.p99:.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--path", default="/report/type")
    parser.add_argument("--http", help="uvicorn's parser (httptools, h11): default as serve")
    parser.add_argument("--loop", help="uvicorn's loop (uvloop, asyncio): default as serve")
    parser.add_argument("--checkout", type=Path, default=ROOT, help="the code to serve")
    args = parser.parse_args()
    http, loop = bench.server_parts()
    http, loop = args.http or http, args.loop or loop
    print(
        f"machine: {bench.cpu_model()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; uvicorn with {http} and {loop}, --no-access-log"
    )
    result = measure(
        args.path, args.seconds, args.connections, args.rounds, (http, loop), args.checkout
    )
    report(result, args.connections)


if __name__ == "__main__":
    main()
