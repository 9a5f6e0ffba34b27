"""Benchmark: what big bodies cost in memory, and how long /healthz waits while CPU work runs.

    python bench/event_loop_stalls.py [--posts 6] [--megabytes 50] [--seconds 10] [--renders 2]

Starts one real `gesi-app serve` process (uvicorn, one worker, SQLite) on the loopback
interface, with a facilitator and a forum of 60 inputs made through the app's own services.

1. Memory: sends ``--posts`` urlencoded form posts of ``--megabytes`` MB each at once (any CSRF
   cookie, a CSRF field at the end of the body, so a reader must take it all) to /track, and
   prints the server's resident memory before, after, and at its peak (VmHWM).
2. Stalls: asks /healthz 50 times a second on one kept-alive connection and prints p50, p95 and
   the worst wait, first with nothing else running, then while ``--renders`` clients download
   the minutes PDF over and over, then while as many clients ask for spoken date sentences
   (each a new espeak-ng + lame file).

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
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

USERNAME, PASSWORD = "bench.fasilitator", "bench stalls password 2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def set_up(database_url: str) -> str:
    """A facilitator and a live forum with 60 inputs, through the app's services; the code."""
    from gesi_app.db.engine import create_engine, session_factory
    from gesi_app.forums.models import ForumFormat, ForumState
    from gesi_app.forums.participation import NewInput, add_input
    from gesi_app.forums.service import NewForum, advance_state, create_forum
    from gesi_app.staff.models import Role
    from gesi_app.staff.service import create_user

    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as session:
            user = await create_user(
                session,
                username=USERNAME,
                full_name="Bench",
                role=Role.FACILITATOR,
                password=PASSWORD,
            )
            forum = await create_forum(
                session,
                user,
                NewForum(
                    title="Musrenbang Kecamatan Balaraja",
                    agency_id=None,
                    format=ForumFormat.IN_PERSON,
                    starts_at=dt.datetime.now(dt.UTC),
                    place="Aula Kecamatan",
                    agenda=("Jalan desa", "Air bersih", "Puskesmas"),
                ),
            )
            await advance_state(session, user, forum, ForumState.LIVE)
            for n in range(60):
                item = forum.agenda[n % len(forum.agenda)].id
                text = f"Masukan {n + 1}: jalan di RT {n % 9 + 1} berlubang dan banjir saat hujan."
                await add_input(session, forum, NewInput(item, text), staff=user)
            return forum.join_code
    finally:
        await engine.dispose()


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in KiB, from /proc."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0])
    return found


def big_post(port: int, megabytes: int, results: list[str]) -> None:
    """One urlencoded POST of ``megabytes`` MB sent over a raw socket; its status, or what
    happened to the connection."""
    size = megabytes * 1_000_000
    head = (
        f"POST /track HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {size}\r\n"
        f"Cookie: suara_csrf=anything\r\n\r\n"
    ).encode()
    tail = b"&csrftoken=anything"
    chunk = b"a" * (1 << 20)
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        try:
            sock.sendall(head + b"code=")
            sent = 5
            while sent < size - len(tail):
                piece = chunk[: min(len(chunk), size - len(tail) - sent)]
                sock.sendall(piece)
                sent += len(piece)
            sock.sendall(tail)
        except OSError:
            pass  # the server answered and closed before the body ended: read its answer
        try:
            answer = sock.recv(200).decode("latin-1")
        except OSError as exc:
            results.append(f"connection {exc.__class__.__name__} after {sent // 1_000_000} MB")
            return
    status = answer.split(" ", 2)[1] if answer.startswith("HTTP/") else "no answer"
    results.append(f"{status} after sending {sent // 1_000_000} MB")


def memory_test(port: int, pid: int, posts: int, megabytes: int) -> None:
    before = memory_kib(pid)
    results: list[str] = []
    threads = [
        threading.Thread(target=big_post, args=(port, megabytes, results)) for _ in range(posts)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    seconds = time.perf_counter() - began
    time.sleep(1)
    after = memory_kib(pid)
    print(f"memory: {posts} form posts of {megabytes} MB at once with a CSRF cookie")
    print(f"  answers: {', '.join(sorted(results))} ({seconds:.1f} s)")
    print(
        f"  server resident memory: before {before['VmRSS'] // 1024} MB, "
        f"after {after['VmRSS'] // 1024} MB, peak {after['VmHWM'] // 1024} MB"
    )


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


async def render_pdfs(base: str, code: str, stop: asyncio.Event, done: list[float]) -> None:
    async with httpx2.AsyncClient(base_url=base, timeout=120) as client:
        await sign_in(client)
        while not stop.is_set():
            began = time.perf_counter()
            pdf = await client.get(f"/staff/forums/{code}/minutes.pdf")
            assert pdf.status_code == 200, pdf.status_code
            assert pdf.content.startswith(b"%PDF")
            done.append(time.perf_counter() - began)


async def speak_dates(base: str, first: int, stop: asyncio.Event, done: list[float]) -> None:
    """Date sentences never asked before (a new day each time), so each one is synthesised."""
    day = dt.date(2030, 1, 1) + dt.timedelta(days=first * 1000)
    async with httpx2.AsyncClient(base_url=base, timeout=120) as client:
        while not stop.is_set():
            began = time.perf_counter()
            mp3 = await client.get(f"/audio/dated/id/1-5-{day.isoformat()}.mp3")
            assert mp3.status_code == 200, mp3.status_code
            done.append(time.perf_counter() - began)
            day += dt.timedelta(days=1)


def summary(label: str, waits: list[float], work: list[float] | None = None) -> None:
    ordered = sorted(waits)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18]
    line = (
        f"  {label:<28} /healthz p50 {statistics.median(ordered):6.1f} ms, "
        f"p95 {p95:6.1f} ms, worst {ordered[-1]:7.1f} ms ({len(ordered)} asks)"
    )
    if work:
        line += f"; {len(work)} done, {statistics.median(work) * 1000:.0f} ms each (median)"
    print(line)


async def stalls(base: str, code: str, seconds: float, clients: int) -> None:
    print(f"stalls: /healthz every 20 ms for {seconds:.0f} s in each phase")
    summary("nothing else running", await probe(base, seconds))
    for label, worker in (
        (f"{clients} clients making PDFs", render_pdfs),
        (f"{clients} clients making audio", speak_dates),
    ):
        stop, done = asyncio.Event(), []
        if worker is render_pdfs:
            tasks = [
                asyncio.create_task(render_pdfs(base, code, stop, done)) for _ in range(clients)
            ]
        else:
            tasks = [asyncio.create_task(speak_dates(base, n, stop, done)) for n in range(clients)]
        await asyncio.sleep(2)  # sign-in done, the first renders under way
        waits = await probe(base, seconds)
        stop.set()
        await asyncio.gather(*tasks)
        summary(label, waits, done)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=6)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase")
    parser.add_argument("--renders", type=int, default=2, help="clients making PDFs or audio")
    args = parser.parse_args()
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
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gesi_app.cli", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                with contextlib.suppress(httpx2.HTTPError):
                    if httpx2.get(f"{base}/forums", timeout=2).status_code == 200:
                        break
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
            httpx2.get(f"{base}/track", timeout=10)  # warm: the page's template is compiled
            memory_test(port, server.pid, args.posts, args.megabytes)
            asyncio.run(stalls(base, code, args.seconds, args.renders))
        finally:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
    print(
        f"machine: {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
