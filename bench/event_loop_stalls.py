"""Benchmark: what big bodies cost in memory, and how long /healthz waits while CPU work runs.

    python bench/event_loop_stalls.py [--posts 6] [--megabytes 50] [--seconds 10] [--renders 2]
        [--sign-ins-per-second 6] [--phases memory,pdfs,audio,sign-ins]

Starts one real `gesi-app serve` process (uvicorn, one worker, SQLite) on the loopback
interface, with a facilitator and a forum of 60 inputs made through the app's own services,
and six more facilitators to sign in as (their hashes made by a ``passwords.Hasher`` with
the production Argon2 parameters, as ``gesi-app serve`` uses).

1. Memory: sends ``--posts`` urlencoded form posts of ``--megabytes`` MB each at once to
   /track, with the CSRF cookie and token a GET of the page gave (token first, as our forms
   send it, so the CSRF check passes and the page reads the form), and prints the server's
   resident memory before, after, and at its peak (VmHWM).
2. Stalls: asks /healthz 50 times a second on one kept-alive connection and prints p50, p95 and
   the worst wait, first with nothing else running, then while ``--renders`` clients download
   the minutes PDF over and over, then while as many clients ask for spoken date sentences
   (each a new espeak-ng + lame file). For each, it also prints the CPU time the server
   process itself spent per file made (its worker processes not counted, its /healthz answers
   taken off): work done on the loop or in a thread of the server shows there, work sent to a
   worker process does not.
3. Sign-ins: the same /healthz asks while staff sign in at ``--sign-ins-per-second`` (each a
   GET of /staff/login for its CSRF token, then a POST with the right password, answered
   303), spread over the six facilitators. A right password clears the tries it counted, so
   the sign-in limits never refuse one. Prints the server CPU per sign-in (page and post),
   Argon2 included: the worker threads that run it belong to the server process.

``--phases`` picks the phases (comma-separated); /healthz alone is always measured first.

Everything runs on this machine's loopback interface, bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import server as bench  # noqa: E402  # bench/ is a folder of scripts, not a package
from stalls_memory import memory_test  # noqa: E402
from stalls_setup import PASSWORD, SIGN_IN_USERS, USERNAME, set_up  # noqa: E402

PHASES = ("memory", "pdfs", "audio", "sign-ins")


async def probe(base: str, seconds: float) -> list[float]:
    """/healthz latencies (ms), asked every 20 ms for ``seconds``."""
    waits = []
    async with httpx2.AsyncClient(base_url=base, timeout=60) as client:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            began = time.perf_counter()
            answer = await client.get("/healthz")
            assert answer.status_code == 200, answer.status_code
            waits.append((time.perf_counter() - began) * 1000)
            await asyncio.sleep(0.02)
    return waits


async def sign_in(client: httpx2.AsyncClient) -> None:
    page = (await client.get("/staff/login")).text
    csrf = re.search(r'name="csrftoken" value="([^"]+)"', page)
    assert csrf
    signed = await client.post(
        "/staff/login", data={"csrftoken": csrf[1], "username": USERNAME, "password": PASSWORD}
    )
    assert signed.status_code in (200, 303), signed.status_code


async def make_pdf(client: httpx2.AsyncClient, code: str, _k: int, _n: int) -> None:
    pdf = await client.get(f"/staff/forums/{code}/minutes.pdf")
    assert pdf.status_code == 200, pdf.status_code
    assert pdf.content.startswith(b"%PDF")


# Sentences of a missed deadline (their day is up to a year back), with the default days.
OVERDUE = (("id", 3, 3), ("en", 3, 3), ("id", 4, 5), ("en", 4, 5))


async def make_audio(client: httpx2.AsyncClient, _code: str, k: int, n: int) -> None:
    """A date sentence never asked before (client ``k``'s sentence, ``n`` days ago), so each
    one is synthesised; only days the tracking page itself could show are made."""
    lang, index, days = OVERDUE[k % len(OVERDUE)]
    day = dt.date.today() - dt.timedelta(days=n)
    mp3 = await client.get(f"/audio/dated/{lang}/{index}-{days}-{day.isoformat()}.mp3")
    assert mp3.status_code == 200, mp3.status_code


Make = Callable[[httpx2.AsyncClient, str, int, int], Awaitable[None]]


async def sign_in_afresh(client: httpx2.AsyncClient, username: str) -> None:
    """One whole sign-in from a browser with no session yet: the page, then the right
    password, answered with the redirect of a successful sign-in."""
    client.cookies.clear()
    page = await client.get("/staff/login")
    assert page.status_code == 200, page.status_code
    csrf = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
    assert csrf
    signed = await client.post(
        "/staff/login", data={"csrftoken": csrf[1], "username": username, "password": PASSWORD}
    )
    assert signed.status_code == 303, signed.status_code


async def keep_signing_in(
    clients: list[httpx2.AsyncClient], rate: float, stop: asyncio.Event, done: list[float]
) -> None:
    """Starts a sign-in every 1/``rate`` s on a free client (client ``k`` signs in as
    facilitator ``k`` mod 6) until told to stop; waits for the last ones to end."""
    free: asyncio.Queue[int] = asyncio.Queue()
    for k in range(len(clients)):
        free.put_nowait(k)

    async def one(k: int) -> None:
        began = time.perf_counter()
        try:
            await sign_in_afresh(clients[k], SIGN_IN_USERS[k % len(SIGN_IN_USERS)])
            done.append(time.perf_counter() - began)
        finally:
            free.put_nowait(k)

    tasks = []
    next_at = time.monotonic()
    while not stop.is_set():
        tasks.append(asyncio.create_task(one(await free.get())))
        next_at += 1 / rate
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))
    await asyncio.gather(*tasks)


async def keep_making(
    make: Make,
    client: httpx2.AsyncClient,
    code: str,
    k: int,
    stop: asyncio.Event,
    done: list[float],
) -> None:
    """Client ``k`` makes its items 1, 2, 3 ... until told to stop."""
    n = 0
    while not stop.is_set():
        n += 1
        began = time.perf_counter()
        await make(client, code, k, n)
        done.append(time.perf_counter() - began)


def cpu_seconds(pid: int) -> float:
    """CPU time the process itself has used (user + system), not its worker processes'."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summary(label: str, waits: list[float], work: str = "") -> None:
    ordered = sorted(waits)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18]
    print(
        f"  {label:<26} /healthz p50 {statistics.median(ordered):6.1f} ms, "
        f"p95 {p95:6.1f} ms, worst {ordered[-1]:7.1f} ms ({len(ordered)} asks){work}"
    )


async def stalls(
    base: str,
    code: str,
    pid: int,
    seconds: float,
    clients: int,
    phases: list[str],
    rate: float,
) -> None:
    print(f"stalls: /healthz every 20 ms for {seconds:.0f} s in each phase")
    cpu = cpu_seconds(pid)
    idle = await probe(base, seconds)
    per_ask = (cpu_seconds(pid) - cpu) / len(idle)
    summary("nothing else running", idle)
    makers = [(label, make) for label, make in (("PDFs", make_pdf), ("audio", make_audio))]
    makers = [(label, make) for label, make in makers if label.lower() in phases]
    async with contextlib.AsyncExitStack() as stack:
        if makers:
            staff = [
                await stack.enter_async_context(httpx2.AsyncClient(base_url=base, timeout=120))
                for _ in range(clients)
            ]
            for client in staff:
                await sign_in(client)
            # Worker processes, if any, start before the phase: one PDF per client at once.
            await asyncio.gather(*(make_pdf(client, code, 0, 0) for client in staff))
        for label, make in makers:
            stop, done = asyncio.Event(), []
            cpu = cpu_seconds(pid)
            tasks = [
                asyncio.create_task(keep_making(make, c, code, k, stop, done))
                for k, c in enumerate(staff)
            ]
            await asyncio.sleep(1)
            waits = await probe(base, seconds)
            stop.set()
            await asyncio.gather(*tasks)
            used = cpu_seconds(pid) - cpu - per_ask * len(waits)
            work = (
                f"; {len(done)} made, {statistics.median(done) * 1000:.0f} ms each (median), "
                f"server process CPU {used / len(done) * 1000:.0f} ms each"
            )
            summary(f"{clients} clients making {label}", waits, work)
        if "sign-ins" in phases:
            browsers = [
                await stack.enter_async_context(httpx2.AsyncClient(base_url=base, timeout=120))
                for _ in range(2 * len(SIGN_IN_USERS))
            ]
            # The first sign-in of each: pages compiled, each address known to its account.
            for k, client in enumerate(browsers):
                await sign_in_afresh(client, SIGN_IN_USERS[k % len(SIGN_IN_USERS)])
            stop, done = asyncio.Event(), []
            cpu, began = cpu_seconds(pid), time.monotonic()
            task = asyncio.create_task(keep_signing_in(browsers, rate, stop, done))
            await asyncio.sleep(1)
            waits = await probe(base, seconds)
            stop.set()
            await task
            pace = len(done) / (time.monotonic() - began)
            used = cpu_seconds(pid) - cpu - per_ask * len(waits)
            work = (
                f"; {len(done)} signed in ({pace:.1f} a second), "
                f"{statistics.median(done) * 1000:.0f} ms each (median), "
                f"server process CPU {used / len(done) * 1000:.0f} ms each"
            )
            summary(f"{rate:g} sign-ins a second", waits, work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=6)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase")
    parser.add_argument("--renders", type=int, default=2, help="clients making PDFs or audio")
    parser.add_argument("--sign-ins-per-second", type=float, default=6.0)
    parser.add_argument(
        "--phases", default=",".join(PHASES), help=f"some of {', '.join(PHASES)}, comma-separated"
    )
    args = parser.parse_args()
    phases = [phase.strip().lower() for phase in args.phases.split(",") if phase.strip()]
    if unknown := set(phases) - set(PHASES):
        parser.error(f"unknown phases: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as data_dir:
        database_url = f"sqlite+aiosqlite:///{data_dir}/bench.db"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GESI_")},
            "GESI_DATA_DIR": data_dir,
            "GESI_DATABASE_URL": database_url,
            "GESI_JOBS_INTERVAL_MINUTES": "0",
            "GESI_TTS_ENGINES": "espeak",  # offline: no waiting on the web voice
        }
        subprocess.run(
            [sys.executable, "-m", "gesi_app.cli", "db", "upgrade"],
            env=env,
            check=True,
            capture_output=True,
        )
        os.environ.update(env)
        code = asyncio.run(set_up(database_url))
        port = bench.free_port()
        with bench.running(bench.serve_command(port), port, env, ready="/forums") as server:
            base = server.base
            httpx2.get(f"{base}/track", timeout=10)  # warm: the page's template is compiled
            if "memory" in phases:
                memory_test(port, server.pid, args.posts, args.megabytes)
            asyncio.run(
                stalls(
                    base,
                    code,
                    server.pid,
                    args.seconds,
                    args.renders,
                    phases,
                    args.sign_ins_per_second,
                )
            )
    print(
        f"machine: {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
