"""The prioritising results, live: when dots are cast or counted, or statements answered, every
open results page hears a ``results`` event (Server-Sent Events) and fetches the results again.

The message carries no counts: a page that hears it asks the server, so what it shows is always
what the server would show (small groups suppressed the same way).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from gesi_app.forums.live import KEEPALIVE_SECONDS, RETRY_MS
from gesi_app.live.broker import Broker


def results_channel(forum_id: int) -> str:
    return f"forum-results:{forum_id}"


async def announce_results(broker: Broker, forum_id: int) -> None:
    await broker.publish(results_channel(forum_id), "changed")


async def results_stream(
    broker: Broker, forum_id: int, *, keepalive: float = KEEPALIVE_SECONDS
) -> AsyncIterator[str]:
    """One ``results`` event per change, from the moment of subscribing."""
    async with broker.subscribe(results_channel(forum_id)) as subscription:
        yield f"retry: {RETRY_MS}\n\n"
        while True:
            try:
                message = await asyncio.wait_for(subscription.get(), keepalive)
            except TimeoutError:
                yield ": still here\n\n"
                continue
            if message is None:  # the broker stopped: the app is shutting down
                return
            yield "event: results\ndata: {}\n\n"
