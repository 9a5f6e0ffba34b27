"""Delivering the outbox: send what is due, retry with exponential backoff, never lose one.

A run claims a batch of due messages in one short statement (on PostgreSQL with
``FOR UPDATE SKIP LOCKED``, so two deliverers never take the same row; SQLite has a single
writer), counting the attempt and leasing the rows for a few minutes. Then it sends each one
outside any lock and records the outcome. A process that dies mid-send leaves the row to be
retried when the lease ends: a message may, rarely, arrive twice, but is never lost.

Without an SMS gateway, an SMS that comes due is recorded as not sent (``no_gateway``), never
as sent: the admins' page counts them and says how to set a gateway up. Emails without a mail
server wait, as before: the reporter chose email, and it goes out once SMTP is set.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import utcnow
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.notifications.mail import DeliveryError, EmailSender, SmtpConfig, SmtpSender
from gesi_app.notifications.messages import KEY_KINDS
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from gesi_app.notifications.sms import HttpSms, SmsConfig, SmsSender
from gesi_app.settings import Settings

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12  # 1, 2, 4 … minutes, then every 6 hours: about a day before giving up
FIRST_DELAY = dt.timedelta(minutes=1)
MAX_DELAY = dt.timedelta(hours=6)
LEASE = dt.timedelta(minutes=10)
BATCH = 20
NO_GATEWAY_ERROR = "no SMS gateway (GESI_SMS_URL)"


@dataclass(frozen=True)
class Senders:
    email: EmailSender | None  # None: SMTP is not configured; emails wait in the outbox
    sms: SmsSender | None  # None: no SMS gateway; SMS are recorded as not sent


def senders_from(settings: Settings) -> Senders:
    email: EmailSender | None = None
    if settings.smtp_host:
        email = SmtpSender(
            SmtpConfig(
                host=settings.smtp_host,
                port=settings.smtp_port,
                user=settings.smtp_user,
                password=settings.smtp_password,
                starttls=settings.smtp_starttls,
                mail_from=settings.mail_from,
            )
        )
    sms: SmsSender | None = None
    if settings.sms_configured:
        sms = HttpSms(
            SmsConfig(
                url=settings.sms_url,
                token=settings.sms_token,
                timeout=settings.sms_timeout,
                sender=settings.sms_sender,
            )
        )
    return Senders(email=email, sms=sms)


def backoff(attempts: int) -> dt.timedelta:
    """Wait after the ``attempts``-th failed try: doubling from 1 minute, at most 6 hours."""
    delay: dt.timedelta = FIRST_DELAY * 2 ** min(max(attempts - 1, 0), 20)
    return min(delay, MAX_DELAY)


async def _claim(
    session: AsyncSession, channels: Sequence[OutboxChannel], now: dt.datetime
) -> list[int]:
    due = (
        select(Outbox.id)
        .where(
            Outbox.status == OutboxStatus.PENDING,
            Outbox.channel.in_(channels),
            Outbox.next_attempt_at <= now,
        )
        .order_by(Outbox.next_attempt_at, Outbox.id)
        .limit(BATCH)
        .with_for_update(skip_locked=True)
    )
    result = await session.execute(
        update(Outbox)
        .where(Outbox.id.in_(due.scalar_subquery()))
        .values(attempts=Outbox.attempts + 1, next_attempt_at=now + LEASE)
        .returning(Outbox.id)
        .execution_options(synchronize_session=False)
    )
    ids = sorted(result.scalars())
    await session.commit()
    return ids


async def _send(row: Outbox, email: EmailSender | None, sms: SmsSender | None) -> None:
    if row.channel is OutboxChannel.SMS:
        assert sms is not None  # only claimed when there is a gateway
        await sms.send(row.recipient, row.body, str(row.id))
    else:
        assert email is not None  # only claimed when there is a sender
        await email.send(row.recipient, row.subject, row.body)


def _record_failure(row: Outbox, error: DeliveryError, now: dt.datetime) -> None:
    row.last_error = error.reason[:200]
    if error.permanent or row.attempts >= MAX_ATTEMPTS:
        row.status = OutboxStatus.FAILED
    else:
        row.next_attempt_at = now + backoff(row.attempts)
    # The id, never the recipient: the log is not the place for an address or a number.
    log.warning(
        "notification %s (%s) not sent, attempt %s: %s%s",
        row.id,
        row.channel.value,
        row.attempts,
        row.last_error,
        "; given up" if row.status is OutboxStatus.FAILED else "",
    )


async def record_no_gateway(session: AsyncSession, now: dt.datetime) -> int:
    """Mark the SMS that are due as not sent for want of a gateway; return how many.

    Not attempted (their count of tries stays), not lost: an admin can send them again once
    a gateway is set up. A PIN's SMS keeps its body for that reason (it is emptied once sent).
    """
    result = await session.execute(
        update(Outbox)
        .where(
            Outbox.status == OutboxStatus.PENDING,
            Outbox.channel == OutboxChannel.SMS,
            Outbox.next_attempt_at <= now,
        )
        .values(status=OutboxStatus.NO_GATEWAY, last_error=NO_GATEWAY_ERROR)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    count = int(getattr(result, "rowcount", 0) or 0)
    if count:
        log.warning("%s SMS not sent: no SMS gateway (GESI_SMS_URL)", count)
    return count


async def deliver_due(
    session: AsyncSession,
    sender: EmailSender | None,
    sms: SmsSender | None,
    now: dt.datetime | None = None,
) -> int:
    """Send every pending message whose time has come; return how many went out.

    Without an email sender, email messages are left pending (not attempted, not lost).
    Without an SMS gateway, SMS are recorded as not sent (``record_no_gateway``).
    """
    now = now or utcnow()
    if sms is None:
        await record_no_gateway(session, now)
    channels = ([OutboxChannel.SMS] if sms is not None else []) + (
        [OutboxChannel.EMAIL] if sender is not None else []
    )
    if not channels:
        return 0
    sent = 0
    while ids := await _claim(session, channels, now):
        rows = (
            await session.scalars(
                select(Outbox)
                .where(Outbox.id.in_(ids))
                .order_by(Outbox.id)
                .execution_options(populate_existing=True)
            )
        ).all()
        for row in rows:
            try:
                await _send(row, sender, sms)
            except DeliveryError as exc:
                _record_failure(row, exc, now)
            except Exception as exc:  # an adapter's bug must not stop the others; retried
                _record_failure(row, DeliveryError(exc.__class__.__name__), now)
            else:
                row.status = OutboxStatus.SENT
                row.sent_at = now
                row.last_error = None
                if row.kind in KEY_KINDS:  # a PIN: once sent, only the reporter has it
                    row.body = ""
                sent += 1
            await session.commit()
    return sent


async def outbox_counts(session: AsyncSession) -> dict[tuple[str, str], int]:
    """How many messages per (channel, status), for ``gesi-app check``."""
    rows = await session.execute(
        select(Outbox.channel, Outbox.status, func.count()).group_by(Outbox.channel, Outbox.status)
    )
    return {(channel.value, status.value): int(count) for channel, status, count in rows}


def describe_outbox(
    counts: dict[tuple[str, str], int], email_configured: bool, sms_configured: bool = False
) -> tuple[list[str], list[str]]:
    """Lines for ``gesi-app check``: (notes, problems). Emails piling up unsent is a problem.
    SMS without a gateway is a note with the count not sent: a site may run without SMS."""
    notes: list[str] = []
    problems: list[str] = []
    waiting_email = counts.get((OutboxChannel.EMAIL.value, OutboxStatus.PENDING.value), 0)
    if not email_configured:
        line = "email not configured (GESI_SMTP_HOST)"
        if waiting_email:
            problems.append(f"{line}: {waiting_email} emails to reporters are waiting")
        else:
            notes.append(f"{line}: emails to reporters will wait in the outbox")
    no_gateway = counts.get((OutboxChannel.SMS.value, OutboxStatus.NO_GATEWAY.value), 0)
    if not sms_configured:
        line = "SMS not configured (GESI_SMS_URL, docs/sms-gateway.md)"
        if no_gateway:
            notes.append(f"{line}: {no_gateway} SMS to reporters were not sent")
        else:
            notes.append(f"{line}: SMS to reporters will be recorded as not sent")
    elif no_gateway:
        notes.append(
            f"{no_gateway} SMS were not sent before the gateway was set up "
            "(send them again from /staff/notifications)"
        )
    pending = sum(n for (_, status), n in counts.items() if status == OutboxStatus.PENDING.value)
    failed = sum(n for (_, status), n in counts.items() if status == OutboxStatus.FAILED.value)
    notes.append(f"notifications: {pending} waiting, {failed} failed")
    return notes, problems


async def outbox_state(
    database_url: str, email_configured: bool, sms_configured: bool = False
) -> tuple[list[str], list[str]]:
    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as session:
            return describe_outbox(await outbox_counts(session), email_configured, sms_configured)
    finally:
        await engine.dispose()
