"""Events inside one transaction: a lower floor says what happened, a higher one acts on it.

The report journey (``reports``) stores a report with its PIN; sending the PIN to the reporter
is the notifications feature's work, which sits above reports. Rather than reports importing
notifications, ``reports.service`` publishes ``KeyIssued`` on its session, and the handler the
notifications feature subscribed on the app's session factory queues the message in the same
transaction. A session whose factory has no subscriber (a bare script) publishes to nobody.

Handlers live in the factory's ``info`` (copied to each session's ``Session.info``), so two
apps in one process never share them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

E = TypeVar("E")
Handler = Callable[[AsyncSession, E], Awaitable[object]]
_HANDLERS = "gesi_app.db.events"


def subscribe(info: MutableMapping[Any, Any], kind: type[E], handler: Handler[E]) -> None:
    """Run ``handler`` for every ``kind`` published on sessions made with this ``info``."""
    handlers: dict[type, list[Handler[Any]]] = info.setdefault(_HANDLERS, {})
    handlers.setdefault(kind, []).append(handler)


async def publish(session: AsyncSession, event: object) -> None:
    """Hand ``event`` to its subscribers, in order, in the caller's transaction."""
    handlers: dict[type, list[Handler[Any]]] = session.info.get(_HANDLERS, {})
    for handler in handlers.get(type(event), ()):
        await handler(session, event)
