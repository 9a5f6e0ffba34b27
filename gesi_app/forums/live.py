"""New inputs to the boards: one short message per input, then Server-Sent Events per listener.

The message carries what a board shows (agenda item, text, time), so a thousand boards need no
database query per input. A board that connects or reconnects names the last input it has
(``after`` or the Last-Event-ID header) and gets what it missed from the database first.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import zoneinfo
from collections.abc import AsyncIterator, Callable
from typing import Any

from babel.dates import format_time
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import aware
from gesi_app.forums.models import Forum, ForumInput
from gesi_app.forums.participation import inputs_of
from gesi_app.live.broker import Broker

KEEPALIVE_SECONDS = 15.0
RETRY_MS = 2000


def channel(forum_id: int) -> str:
    return f"forum:{forum_id}"


def clock(at: dt.datetime, timezone: str) -> str:
    """'14.05': the time of day as the board shows it (same in Indonesian and English)."""
    return format_time(aware(at).astimezone(zoneinfo.ZoneInfo(timezone)), "HH.mm", locale="id")


def as_message(item: ForumInput, timezone: str) -> dict[str, Any]:
    return {
        "id": item.id,
        "item": item.agenda_item_id,
        "text": item.text,
        "time": clock(item.created_at, timezone),
    }


async def announce(broker: Broker, item: ForumInput, timezone: str) -> None:
    """Tell every board of the forum, in every process, about a committed input."""
    await broker.publish(channel(item.forum_id), json.dumps(as_message(item, timezone)))


def sse(data: dict[str, Any]) -> str:
    return f"id: {data['id']}\nevent: input\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def sse_change(data: dict[str, Any]) -> str:
    """A moderation change (``hide`` or ``restore``): no event id, so a board that reconnects
    still names the last input it has."""
    body = json.dumps(data, ensure_ascii=False)
    return f"event: {data['kind']}\ndata: {body}\n\n"


async def event_stream(
    broker: Broker,
    sessions: Callable[[], AsyncSession],
    forum: Forum,
    after: int,
    timezone: str,
    *,
    keepalive: float = KEEPALIVE_SECONDS,
) -> AsyncIterator[str]:
    """The board's event stream: missed inputs from the database, then live ones, in id order,
    and inputs a facilitator hid or showed again (``hide`` and ``restore`` events).

    Subscribing comes first, so an input committed while the backlog is read is not lost; one
    seen twice (in the backlog and live) is sent once.
    """
    async with broker.subscribe(channel(forum.id)) as subscription:
        yield f"retry: {RETRY_MS}\n\n"
        async with sessions() as session:
            backlog = await inputs_of(session, forum, after=after)
        last = after
        for item in backlog:
            if item.merged_into_id is None:  # a merged duplicate is shown once, as its target
                yield sse(as_message(item, timezone))
            last = item.id
        while True:
            try:
                message = await asyncio.wait_for(subscription.get(), keepalive)
            except TimeoutError:
                yield ": still here\n\n"
                continue
            if message is None:  # the broker stopped: the app is shutting down
                return
            data = json.loads(message)
            if data.get("kind") in ("hide", "restore"):
                yield sse_change(data)
                continue
            if int(data["id"]) <= last:
                continue
            last = int(data["id"])
            yield sse(data)
