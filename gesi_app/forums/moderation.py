"""Moderation: a facilitator hides an input from the board, the public pages and the minutes
(with a reason, audited), or shows it again. A hidden input is kept, never deleted.

The boards learn of it live: ``announce_hidden`` / ``announce_restored`` put a message on the
forum's channel that the event stream (forums/live.py) passes on as a ``hide`` or ``restore``
event.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import utcnow
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.live import as_message, channel
from gesi_app.forums.models import Forum, ForumInput
from gesi_app.live.broker import Broker

REASON_MAX = 500


async def input_of(session: AsyncSession, forum: Forum, input_id: int) -> ForumInput:
    """One of ``forum``'s inputs, shown or hidden; LookupError when it is not the forum's."""
    item = await session.get(ForumInput, input_id)
    if item is None or item.forum_id != forum.id:
        raise LookupError(input_id)
    return item


async def all_inputs(session: AsyncSession, forum: Forum) -> Sequence[ForumInput]:
    """Every input of the forum, hidden ones too, in the order they came."""
    rows = await session.scalars(
        select(ForumInput).where(ForumInput.forum_id == forum.id).order_by(ForumInput.id)
    )
    return rows.all()


async def hide_input(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    input_id: int,
    reason: str,
    *,
    ip: str | None = None,
) -> ForumInput:
    """Hide the input (ValueError for an empty or too long reason); audited with the reason."""
    await require_facilitator(session, user, forum)
    reason = reason.strip()
    if not 1 <= len(reason) <= REASON_MAX:
        raise ValueError(f"a reason has 1 to {REASON_MAX} characters")
    item = await input_of(session, forum, input_id)
    item.hidden_at = utcnow()
    item.hidden_by = user.id
    item.hidden_reason = reason
    after = {"input": item.id, "reason": reason}
    await audit.record(
        session, user, audit.Action.FORUM_INPUT_HIDDEN, "forum", forum.join_code, after=after, ip=ip
    )
    await session.commit()
    return item


async def restore_input(
    session: AsyncSession, user: StaffUser, forum: Forum, input_id: int, *, ip: str | None = None
) -> ForumInput:
    """Show a hidden input again (board, pages, minutes); audited with the reason it had."""
    await require_facilitator(session, user, forum)
    item = await input_of(session, forum, input_id)
    before = {"input": item.id, "reason": item.hidden_reason}
    item.hidden_at = None
    item.hidden_by = None
    item.hidden_reason = None
    await audit.record(
        session,
        user,
        audit.Action.FORUM_INPUT_RESTORED,
        "forum",
        forum.join_code,
        before=before,
        after={"input": item.id},
        ip=ip,
    )
    await session.commit()
    return item


async def announce_hidden(broker: Broker, item: ForumInput) -> None:
    """Tell every board to take the input off (it carries only the input's id)."""
    message = {"kind": "hide", "id": item.id, "item": item.agenda_item_id}
    await broker.publish(channel(item.forum_id), json.dumps(message))


async def announce_restored(broker: Broker, item: ForumInput, timezone: str) -> None:
    """Tell every board to show the input again, in its place."""
    message = {"kind": "restore", **as_message(item, timezone)}
    await broker.publish(channel(item.forum_id), json.dumps(message))
