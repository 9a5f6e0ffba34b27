"""Fan-out across app processes and hosts through PostgreSQL LISTEN/NOTIFY.

Each process keeps one connection that LISTENs on one PostgreSQL channel and hands every
notification to its own subscribers; publishing is a ``pg_notify`` on a second connection.
A message published by this process reaches its own subscribers the same way, so every
process sees messages in the one order PostgreSQL gives them. Connections open on first use,
so an app used without its lifespan still works.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type hints
from sqlalchemy.engine import make_url

from gesi_app.live.broker import LocalFanout, Subscription

PG_CHANNEL = "suara_live"
MAX_PAYLOAD = 7900  # bytes; PostgreSQL refuses a NOTIFY payload of 8000 or more
log = logging.getLogger(__name__)


def connect_args(database_url: str) -> dict[str, Any]:
    url = make_url(database_url)
    return {
        "user": url.username,
        "password": url.password,
        "host": url.host,
        "port": url.port,
        "database": url.database,
    }


class PostgresBroker:
    def __init__(self, database_url: str) -> None:
        self._connect = connect_args(database_url)
        self.fanout = LocalFanout()
        self._listener: asyncpg.Connection | None = None
        self._sender: asyncpg.Connection | None = None
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        async with self._lock:
            if self._listener is None or self._listener.is_closed():
                listener = await asyncpg.connect(**self._connect)
                await listener.add_listener(PG_CHANNEL, self._on_notify)
                self._listener = listener

    async def stop(self) -> None:
        self.fanout.close_all()
        async with self._lock:
            for conn in (self._listener, self._sender):
                if conn is not None and not conn.is_closed():
                    await conn.close()
            self._listener = self._sender = None

    def _on_notify(self, _conn: object, _pid: int, _channel: str, payload: str) -> None:
        try:
            channel, message = json.loads(payload)
        except (ValueError, TypeError):
            log.warning("live: a notification that is not ours was ignored")
            return
        self.fanout.deliver(str(channel), str(message))

    async def publish(self, channel: str, message: str) -> None:
        payload = json.dumps([channel, message], ensure_ascii=False)
        if len(payload.encode()) > MAX_PAYLOAD:
            raise ValueError("live message too long for a PostgreSQL notification")
        async with self._lock:
            if self._sender is None or self._sender.is_closed():
                self._sender = await asyncpg.connect(**self._connect)
            await self._sender.execute("SELECT pg_notify($1, $2)", PG_CHANNEL, payload)

    @contextlib.asynccontextmanager
    async def _subscribe(self, channel: str) -> Any:
        await self.start()
        async with self.fanout.subscribe(channel) as subscription:
            yield subscription

    def subscribe(self, channel: str) -> contextlib.AbstractAsyncContextManager[Subscription]:
        subscription: contextlib.AbstractAsyncContextManager[Subscription] = self._subscribe(
            channel
        )
        return subscription
