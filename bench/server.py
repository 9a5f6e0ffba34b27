"""What the benchmarks share: a server process started on the loopback interface and waited
for, its CPU time and memory from /proc, and ``wrk`` (C, Debian package ``wrk``) driving it
with its own CPU share printed, so a figure never measures the load generator.

Every server here is a child of the benchmark and is stopped when its ``with`` block ends.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import os
import platform
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx2

CLK_TCK = os.sysconf("SC_CLK_TCK")
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


async def postgres(url: str) -> Any:
    """An asyncpg connection to the PostgreSQL database a SQLAlchemy URL names (the caller
    closes it)."""
    import asyncpg
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    return await asyncpg.connect(
        user=parts.username,
        password=parts.password,
        host=parts.host,
        port=parts.port,
        database=parts.database,
    )


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (and of its waited-for children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / CLK_TCK


def children(pid: int) -> list[int]:
    """A process's children (uvicorn's workers when it runs more than one)."""
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(c) for c in (task / "children").read_text().split()]
    return found


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its living children."""
    total = 0.0
    for one in (pid, *children(pid)):
        with contextlib.suppress(OSError, IndexError):
            total += cpu_seconds(one)
    return total


def rss_mib(pid: int, field: str = "VmRSS") -> float:
    match = re.search(rf"^{field}:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    return int(match[1]) / 1024 if match else float("nan")


def reset_peak_rss(pid: int) -> None:
    """Start the process's high-water mark (VmHWM) again from its present size (Linux)."""
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/clear_refs").write_text("5")


def bench_env(data_dir: str, database_url: str | None = None, **extra: str) -> dict[str, str]:
    """The environment of a server with its own data folder, no GESI_ setting inherited."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GESI_")}
    env["GESI_DATA_DIR"] = data_dir
    env["GESI_DATABASE_URL"] = database_url or f"sqlite+aiosqlite:///{data_dir}/bench.db"
    env["GESI_JOBS_INTERVAL_MINUTES"] = "0"
    return {**env, **extra}


def cli(env: Mapping[str, str], *args: str, cwd: Path | None = None) -> None:
    """``gesi-app ARGS`` in that environment (``db upgrade``, ``demo``), its output kept quiet;
    ``cwd``: the checkout whose code runs (``python -m`` looks there first)."""
    subprocess.run(
        [sys.executable, "-m", "gesi_app.cli", *args],
        cwd=cwd,
        env=dict(env),
        check=True,
        capture_output=True,
    )


def server_parts() -> tuple[str, str]:
    """The parser and loop ``gesi-app serve`` uses (httptools and uvloop when installed)."""
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return http, loop


def uvicorn_command(
    module: str, port: int, workers: int = 1, parts: tuple[str, str] | None = None
) -> list[str]:
    """uvicorn with the flags every page benchmark shares, whichever app it serves; ``parts``
    (parser, loop) default to what ``gesi-app serve`` uses."""
    http, loop = parts or server_parts()
    return [
        *(sys.executable, "-m", "uvicorn", module, "--host", HOST, "--port", str(port)),
        *("--http", http, "--loop", loop, "--workers", str(workers)),
        *("--log-level", "warning", "--no-access-log", "--no-server-header"),
    ]


def serve_command(port: int, workers: int = 1) -> list[str]:
    return [
        *(sys.executable, "-m", "gesi_app.cli", "serve", "--host", HOST, "--port", str(port)),
        *("--workers", str(workers)),
    ]


@dataclasses.dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str

    @property
    def pid(self) -> int:
        return self.process.pid


@contextlib.contextmanager
def running(
    command: Sequence[str],
    port: int,
    env: Mapping[str, str],
    ready: str = "/healthz",
    cwd: Path | None = None,
    wait: float = 60,
    keep_log: Path | None = None,
) -> Iterator[Server]:
    """Start the server, wait until ``ready`` answers 200, stop it (then kill it) at the end.
    Its output is shown when it does not start, and kept in ``keep_log`` when given."""
    # Closed when the block ends.
    log = keep_log.open("w+b") if keep_log else tempfile.TemporaryFile()  # noqa: SIM115
    process = subprocess.Popen(
        list(command),
        env=dict(env),
        cwd=cwd,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + wait
        while True:
            with contextlib.suppress(httpx2.HTTPError):
                if httpx2.get(base + ready, timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline or process.poll() is not None:
                log.seek(0)
                said = log.read().decode(errors="replace")[-3000:]
                raise SystemExit(f"the server did not start: {' '.join(command)}\n{said}")
            time.sleep(0.2)
        yield Server(process, base)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()


# --- wrk -------------------------------------------------------------------------------------

WRK_DONE = """
done = function(summary, latency, requests)
  io.write(string.format("\\nRESULT p50 %.3f p95 %.3f p99 %.3f requests %d errors %d non2xx %d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.errors.status))
end
"""


@dataclasses.dataclass
class Load:
    """One wrk run: requests per second, latency percentiles (ms), and CPU shares of one core."""

    rps: float
    p50: float
    p95: float
    p99: float
    requests: int
    errors: int
    non2xx: int
    wrk_cpu: float  # share of one core, 1.0 = a whole core
    server_cpu: float
    seconds: float


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def wrk(
    url: str,
    server_pid: int,
    *,
    seconds: float = 8,
    connections: int = 32,
    threads: int = 2,
    script: str = "",
    timeout: str = "10s",
) -> Load:
    """``wrk -tT -cC -dDs`` on one address; ``script`` is Lua that runs before the summary's."""
    if not have_wrk():
        raise SystemExit("wrk is missing: `make bench` installs it (Debian package wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script + WRK_DONE)
    try:
        server_before = tree_cpu_seconds(server_pid)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk's own, once it is waited for
        children_before = usage.ru_utime + usage.ru_stime
        began = time.perf_counter()
        process = subprocess.Popen(
            [
                *("wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s"),
                *("--timeout", timeout, "-s", lua.name, url),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        out = process.communicate()[0]
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        wrk_cpu = after.ru_utime + after.ru_stime - children_before
        wall = time.perf_counter() - began
        server_cpu = tree_cpu_seconds(server_pid) - server_before
    finally:
        os.unlink(lua.name)
    match = re.search(
        r"RESULT p50 (\S+) p95 (\S+) p99 (\S+) requests (\d+) errors (\d+) non2xx (\d+)", out
    )
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not match or not rps:
        raise SystemExit(f"wrk said:\n{out}")
    return Load(
        rps=float(rps[1]),
        p50=float(match[1]),
        p95=float(match[2]),
        p99=float(match[3]),
        requests=int(match[4]),
        errors=int(match[5]),
        non2xx=int(match[6]),
        wrk_cpu=wrk_cpu / wall,
        server_cpu=server_cpu / wall,
        seconds=wall,
    )


def cpu_model() -> str:
    """The processor's name, for the record (Linux), else the architecture."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.machine()


def load_average() -> str:
    with contextlib.suppress(OSError):
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return "?"
