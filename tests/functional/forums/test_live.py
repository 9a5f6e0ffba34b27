"""Live board delivery: the brokers, an SSE stream served by uvicorn, and two app processes on
PostgreSQL where an input sent to one reaches a board served by the other."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest

from gesi_app.live.broker import InProcessBroker
from gesi_app.live.pg import PostgresBroker
from tests import databases
from tests.forums_support import add_forum, forum_team, send_input

SECRET = "test-secret-key-that-is-long-enough-0123456789"


def test_in_process_broker_fans_out_per_channel() -> None:
    async def go() -> list[str | None]:
        broker = InProcessBroker()
        async with broker.subscribe("forum:1") as one, broker.subscribe("forum:2") as two:
            await broker.publish("forum:1", "a")
            await broker.publish("forum:2", "b")
            got = [await one.get(), await two.get()]
            await broker.stop()
            return [*got, await one.get()]

    assert asyncio.run(go()) == ["a", "b", None]


@pytest.mark.postgres
def test_postgres_broker_reaches_another_broker(postgres_url: str) -> None:
    async def go() -> str | None:
        sender, receiver = PostgresBroker(postgres_url), PostgresBroker(postgres_url)
        try:
            async with receiver.subscribe("forum:7") as subscription:
                await sender.publish("forum:7", "hello")
                return await asyncio.wait_for(subscription.get(), 10)
        finally:
            await sender.stop()
            await receiver.stop()

    assert asyncio.run(go()) == "hello"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def serve(database_url: str, directory: Path) -> Iterator[str]:
    """The app in its own uvicorn process on ``database_url``; its base URL."""
    directory.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GESI_")}
    env.update(
        GESI_DATABASE_URL=database_url,
        GESI_DATA_DIR=str(directory),
        GESI_SECRET_KEY=SECRET,
        GESI_JOBS_INTERVAL_MINUTES="0",
    )
    port = _free_port()
    log = directory / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "gesi_app.asgi:app", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()[-3000:]
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/forums", timeout=5).status_code == 200:
                    break
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def received(
    board: str, code: str, send: object, text: str, last_event_id: str | None = None
) -> tuple[dict[str, object], float]:
    """Open the board's stream, run ``send()``, return the input event and seconds it took.

    The first input event must be ``text``: nothing older is sent again after a reconnect.
    """
    url = f"{board}/forums/{code}/board/events"
    headers = {"last-event-id": last_event_id} if last_event_id else {}
    with httpx.stream("GET", url, headers=headers, timeout=httpx.Timeout(30, read=20)) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.iter_lines()
        assert next(lines) == "retry: 2000"  # subscribed: nothing sent from now on is missed
        started = time.monotonic()
        send()  # type: ignore[operator]
        event = ""
        for line in lines:
            if line == "event: input":
                event = line
            elif event and line.startswith("data: "):
                data: dict[str, object] = json.loads(line[6:])
                assert data["text"] == text
                return data, time.monotonic() - started
    raise AssertionError("the stream ended without the input")


def test_a_board_stream_gets_a_new_input(sqlite_url: str, tmp_path: Path) -> None:
    team = forum_team(sqlite_url)
    forum = add_forum(sqlite_url, team.ids["fasilitator"])
    with serve(sqlite_url, tmp_path / "one") as base:
        text = "Jam buka puskesmas ditambah"
        data, seconds = received(
            base, forum.join_code, lambda: send_input(base, forum.join_code, text), text
        )
        assert data["item"] == forum.agenda[0].id
        assert re.fullmatch(r"\d\d\.\d\d", str(data["time"]))
        # A board that reconnects gets what it missed, and nothing it already had.
        url = f"{base}/forums/{forum.join_code}/board/events"
        with httpx.stream("GET", f"{url}?after=0", timeout=30) as stream:
            first = next(line for line in stream.iter_lines() if line.startswith("data: "))
            assert json.loads(first[6:])["text"] == text
        later = "Loket khusus lansia"
        again, _ = received(
            base,
            forum.join_code,
            lambda: send_input(base, forum.join_code, later),
            later,
            last_event_id=str(data["id"]),
        )
        assert again["id"] == int(str(data["id"])) + 1
    assert seconds < 5  # within a second on an idle machine; generous for a loaded CI


@pytest.mark.postgres
def test_an_input_sent_to_one_process_reaches_a_board_on_another(
    postgres_url: str, tmp_path: Path
) -> None:
    try:
        team = forum_team(postgres_url)
        forum = add_forum(postgres_url, team.ids["fasilitator"])
        with serve(postgres_url, tmp_path / "a") as a, serve(postgres_url, tmp_path / "b") as b:
            text = "Tambah juru bahasa isyarat"
            data, seconds = received(
                b, forum.join_code, lambda: send_input(a, forum.join_code, text), text
            )
        assert data["item"] == forum.agenda[0].id
        assert seconds < 5
    finally:
        databases.empty_postgres(postgres_url)
