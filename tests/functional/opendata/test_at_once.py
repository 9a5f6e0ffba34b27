"""At most AT_ONCE files are written at once in a process; another download waits its turn
and then gets its whole file."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from gesi_app.app import create_app
from gesi_app.opendata.routes import AT_ONCE
from gesi_app.web.state import app_state
from tests import factories
from tests.conftest import make_settings
from tests.functional.opendata.bulk import add_reports

SCOPE: dict[str, Any] = {
    "type": "http",
    "asgi": {"version": "3.0"},
    "http_version": "1.1",
    "method": "GET",
    "scheme": "http",
    "path": "/stats/export.csv",
    "raw_path": b"/stats/export.csv",
    "query_string": b"",
    "root_path": "",
    "headers": [(b"host", b"127.0.0.1:8000")],
    "client": ("127.0.0.1", 50000),
    "server": ("127.0.0.1", 8000),
}


class Download:
    """One client; it reads its first chunk of body and then waits until released."""

    def __init__(self) -> None:
        self.chunks = 0
        self.size = 0
        self.release = asyncio.Event()
        self.done = False

    async def receive(self) -> dict[str, Any]:
        if self.chunks == 0 and self.size == 0 and not hasattr(self, "_asked"):
            self._asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()
        return {"type": "http.disconnect"}

    async def send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body" and message.get("body"):
            self.chunks += 1
            self.size += len(message["body"])
            if self.chunks == 1:
                await self.release.wait()
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            self.done = True


def test_a_download_past_the_limit_waits_its_turn(sqlite_url: str, tmp_path: Path) -> None:
    factories.seed(sqlite_url)
    add_reports(sqlite_url, 0, 1200)
    app = create_app(make_settings(tmp_path / "data", sqlite_url))

    async def go() -> None:
        clients = [Download() for _ in range(AT_ONCE + 1)]
        tasks = []
        for client in clients:
            tasks.append(asyncio.create_task(app(dict(SCOPE), client.receive, client.send)))
            await asyncio.sleep(0.3)
        try:
            assert [c.chunks for c in clients] == [1] * AT_ONCE + [0]
            clients[0].release.set()
            await asyncio.wait_for(tasks[0], 30)
            await asyncio.sleep(0.3)
            assert clients[-1].chunks == 1  # its turn came when the first file was done
            for client in clients:
                client.release.set()
            await asyncio.wait_for(asyncio.gather(*tasks), 30)
            assert all(c.done for c in clients)
            assert len({c.size for c in clients}) == 1
        finally:
            await app_state(app).engine.dispose()

    asyncio.run(go())
