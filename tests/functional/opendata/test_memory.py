"""The exports stream: memory stays flat as the reports grow from 2,000 to 20,000.

The app is called as an ASGI server calls it, with a ``send`` that counts the bytes and keeps
none, so what tracemalloc sees is the app's own memory while it writes the file."""

from __future__ import annotations

import asyncio
import tracemalloc
from typing import Any

import pytest
from starlette.applications import Starlette

from gesi_app.web.state import app_state
from tests import factories
from tests.functional.opendata.bulk import add_reports


async def _download(app: Starlette, path: str) -> tuple[int, int]:
    """(status, bytes of body) of a GET, the body thrown away as it comes."""
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    done = asyncio.Event()
    status, size = 0, 0

    async def receive() -> dict[str, Any]:
        if not done.is_set():
            done.set()
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # no disconnect: the client reads to the end
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, size
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            size += len(message.get("body", b""))

    try:
        await app(scope, receive, send)
    finally:
        # Each download runs in its own event loop: no pooled connection may outlive it.
        await app_state(app).engine.dispose()
    return status, size


def _peak(app: Starlette, path: str) -> tuple[int, int]:
    """(bytes sent, peak of memory allocated while sending them)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        status, size = asyncio.run(_download(app, path))
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert status == 200
    return size, peak


@pytest.mark.parametrize("path", ["/stats/export.csv", "/stats/export.json"])
def test_memory_stays_flat_from_2k_to_20k_reports(
    app: Starlette, database_url: str, path: str
) -> None:
    factories.seed(database_url)
    add_reports(database_url, 0, 2000)
    asyncio.run(_download(app, path))  # warm: caches, compiled queries, the calendar
    small_size, small_peak = _peak(app, path)
    add_reports(database_url, 2000, 18000)
    large_size, large_peak = _peak(app, path)
    assert large_size > 9 * small_size  # all 18,000 rows (not rahasia) were sent
    # Buffered, the peak would grow tenfold with the file; streamed, it stays one batch.
    assert large_peak < 1.3 * small_peak, (small_peak, large_peak)
    assert large_peak < large_size / 1.5  # never the whole file in memory
