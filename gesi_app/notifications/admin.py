"""Messages that did not reach the reporter, for the admin: list them and send one again now.

The admin sees the status, the number of tries, the short last error and the next try, and
the recipient only masked (lokal-id's ``partial_mask``): never the body, which can quote the
report. "Retry now" makes the row due at once; the delivery job does the sending.

SMS recorded as not sent for want of a gateway are not listed one by one (there is one per
message with a phone number): the page counts them, says why, and once a gateway is set up
the admin sends them all again with one button.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from babel.support import LazyProxy
from lokal import mask_pii, partial_mask
from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.db.base import utcnow
from gesi_app.i18n import lazy_gettext
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from gesi_app.reports.models import Report

PAGE_LIMIT = 200

# A message's status in words (the audit log shows the status a retry changed).
STATUS_LABELS: dict[str, LazyProxy] = {
    OutboxStatus.PENDING: lazy_gettext("Waiting to be sent"),
    OutboxStatus.SENT: lazy_gettext("Sent"),
    OutboxStatus.FAILED: lazy_gettext("Failed, no more tries"),
    OutboxStatus.NO_GATEWAY: lazy_gettext("Not sent: no SMS gateway"),
}


class NotRetryable(Exception):
    """No such message, or it was already sent: there is nothing to try again."""


@dataclass(frozen=True)
class TroubledMessage:
    id: int
    tracking_code: str | None  # None: news of a forum, about no report
    channel: OutboxChannel
    recipient: str  # masked
    kind: str
    status: OutboxStatus
    attempts: int
    last_error: str | None
    next_attempt_at: dt.datetime
    created_at: dt.datetime


def mask_recipient(channel: OutboxChannel, recipient: str) -> str:
    try:
        if channel is OutboxChannel.EMAIL:
            return partial_mask("EMAIL", recipient)
        return partial_mask("PHONE", recipient)
    except ValueError:  # not an address lokal-id can read: show nothing of it
        return "***"


@dataclass(frozen=True)
class OutboxSummary:
    """What the admin's page says beside the list: never "all delivered" while one of these
    is not zero."""

    no_gateway: int  # SMS not sent: no SMS gateway was set up when they came due
    untried: int  # waiting for their first try (an email without a mail server waits here)


async def outbox_summary(
    session: AsyncSession, actor: StaffUser, now: dt.datetime | None = None
) -> OutboxSummary:
    require(actor, Permission.MANAGE_SETTINGS)
    now = now or utcnow()
    no_gateway = await session.scalar(
        select(func.count()).where(Outbox.status == OutboxStatus.NO_GATEWAY)
    )
    untried = await session.scalar(
        select(func.count()).where(
            Outbox.status == OutboxStatus.PENDING,
            Outbox.attempts == 0,
            Outbox.next_attempt_at <= now,
        )
    )
    return OutboxSummary(no_gateway=int(no_gateway or 0), untried=int(untried or 0))


async def resend_no_gateway(
    session: AsyncSession, actor: StaffUser, ip: str | None, now: dt.datetime | None = None
) -> int:
    """Make every SMS not sent for want of a gateway due at once (after a gateway was set up);
    return how many. One audit entry for all of them."""
    require(actor, Permission.MANAGE_SETTINGS)
    now = now or utcnow()
    result = await session.execute(
        update(Outbox)
        .where(Outbox.status == OutboxStatus.NO_GATEWAY)
        .values(status=OutboxStatus.PENDING, next_attempt_at=now, last_error=None)
        .execution_options(synchronize_session=False)
    )
    count = int(getattr(result, "rowcount", 0) or 0)
    if count:
        await audit.record(
            session, actor, Action.NOTIFICATION_RETRIED, "notification", None,
            before={"status": OutboxStatus.NO_GATEWAY.value, "count": count},
            after={"status": OutboxStatus.PENDING.value, "count": count}, ip=ip, now=now,
        )  # fmt: skip
    return count


def _troubled() -> ColumnElement[bool]:
    return or_(
        Outbox.status == OutboxStatus.FAILED,
        and_(Outbox.status == OutboxStatus.PENDING, Outbox.attempts > 0),
    )


async def troubled_messages(session: AsyncSession, actor: StaffUser) -> Sequence[TroubledMessage]:
    """Messages that failed for good or are waiting for another try, the oldest first
    (SMS not sent for want of a gateway are counted in ``outbox_summary`` instead)."""
    require(actor, Permission.MANAGE_SETTINGS)
    result = await session.execute(
        select(Outbox, Report.tracking_code)
        .outerjoin(Report, Report.id == Outbox.report_id)
        .where(_troubled())
        .order_by(Outbox.created_at, Outbox.id)
        .limit(PAGE_LIMIT)
    )
    return [
        TroubledMessage(
            id=row.id,
            tracking_code=code,
            channel=row.channel,
            recipient=mask_recipient(row.channel, row.recipient),
            kind=row.kind,
            status=row.status,
            attempts=row.attempts,
            last_error=mask_pii(row.last_error).text if row.last_error else None,
            next_attempt_at=row.next_attempt_at,
            created_at=row.created_at,
        )
        for row, code in result.all()
    ]


async def retry_now(
    session: AsyncSession,
    actor: StaffUser,
    outbox_id: int,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Outbox:
    """Make a failed or waiting message due at once; it keeps its count of tries."""
    require(actor, Permission.MANAGE_SETTINGS)
    row = await session.get(Outbox, outbox_id, with_for_update=True)
    if row is None or row.status in (OutboxStatus.SENT, OutboxStatus.NO_GATEWAY):
        raise NotRetryable(str(outbox_id))
    now = now or utcnow()
    before = {"status": row.status.value, "attempts": row.attempts}
    row.status = OutboxStatus.PENDING
    row.next_attempt_at = now
    await session.flush()
    after = {"status": row.status.value, "attempts": row.attempts}
    await audit.record(
        session, actor, Action.NOTIFICATION_RETRIED, "notification", row.id,
        before=before, after=after, ip=ip, now=now,
    )  # fmt: skip
    return row
