"""The broker interface and the in-process broker (one app process, e.g. on SQLite).

A message is a short string on a named channel (``forum:42``). Subscribers each get their own
bounded queue; a subscriber too slow to keep up loses its oldest messages rather than holding
back the others (a board reconnects and catches up from the database by Last-Event-ID).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Protocol

QUEUE_SIZE = 256


class Subscription:
    """Messages for one listener, in order; ``None`` means the broker stopped."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[str | None] = asyncio.Queue(QUEUE_SIZE)

    def put(self, message: str | None) -> None:
        if self.queue.full():
            self.queue.get_nowait()  # drop the oldest: the reader catches up from the database
        self.queue.put_nowait(message)

    async def get(self) -> str | None:
        return await self.queue.get()


class Broker(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, channel: str, message: str) -> None: ...

    def subscribe(self, channel: str) -> contextlib.AbstractAsyncContextManager[Subscription]: ...


class LocalFanout:
    """Channel -> subscriptions of this process; used by both brokers."""

    def __init__(self) -> None:
        self._subscribers: dict[str, set[Subscription]] = {}

    def deliver(self, channel: str, message: str | None) -> None:
        for subscription in list(self._subscribers.get(channel, ())):
            subscription.put(message)

    def close_all(self) -> None:
        for subscriptions in list(self._subscribers.values()):
            for subscription in list(subscriptions):
                subscription.put(None)

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[Subscription]:
        subscription = Subscription()
        self._subscribers.setdefault(channel, set()).add(subscription)
        try:
            yield subscription
        finally:
            subscribers = self._subscribers.get(channel)
            if subscribers is not None:
                subscribers.discard(subscription)
                if not subscribers:
                    del self._subscribers[channel]

    @property
    def listeners(self) -> int:
        return sum(len(s) for s in self._subscribers.values())


class InProcessBroker:
    """Delivers to subscribers of this process only."""

    def __init__(self) -> None:
        self.fanout = LocalFanout()

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        self.fanout.close_all()

    async def publish(self, channel: str, message: str) -> None:
        self.fanout.deliver(channel, message)

    def subscribe(self, channel: str) -> contextlib.AbstractAsyncContextManager[Subscription]:
        return self.fanout.subscribe(channel)


def broker_for(database_url: str) -> Broker:
    """PostgreSQL LISTEN/NOTIFY when the database is PostgreSQL, else this process only."""
    if database_url.startswith("postgresql"):
        from gesi_app.live.pg import PostgresBroker

        return PostgresBroker(database_url)
    return InProcessBroker()
