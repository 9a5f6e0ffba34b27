"""A new PIN for a reporter who asks for one (lost it, or sent the report before PINs).

Staff give it in one of two ways: shown once to the staff member, to read to the reporter
(at the desk or on the phone, after checking they are the reporter), or sent to the contact
the reporter gave. The old PIN stops working at once, and so does any browser's proof made
with it. Every new PIN is audited, never the PIN itself.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.notifications.service import can_notify, enqueue_key
from gesi_app.passwords import Hasher
from gesi_app.reports.models import Report, ReporterContact
from gesi_app.tracking import keys
from gesi_app.tracking.models import ReporterKeyGuard


class KeyDelivery(enum.StrEnum):
    SHOW = "show"  # shown once to the staff member, who reads it to the reporter
    SEND = "send"  # sent to the reporter's email and phone


class NoContact(Exception):
    """The report has no email or phone to send the PIN to."""


@dataclass(frozen=True)
class NewKey:
    pin: str | None  # only when shown; a sent PIN is never shown to staff
    channels: tuple[str, ...]  # where it was sent


async def can_send(session: AsyncSession, report: Report, *, sms: bool) -> bool:
    """Whether a message can reach the reporter: an email, or a phone when SMS go out
    (``sms``: an SMS gateway is set up; without one a phone number gets nothing)."""
    contact = await session.get(ReporterContact, report.id)
    if not can_notify(session) or contact is None:
        return False
    return bool(contact.email or (sms and contact.phone))


async def issue_new_key(
    session: AsyncSession,
    user: StaffUser,
    report: Report,
    how: KeyDelivery,
    *,
    hasher: Hasher,
    ip: str | None,
    sms: bool,
    now: dt.datetime | None = None,
) -> NewKey:
    """Give the report a new PIN, delivered ``how``; audit it and commit."""
    require(user, Permission.VERIFY)
    if how is KeyDelivery.SEND and not await can_send(session, report, sms=sms):
        raise NoContact(report.tracking_code)
    had_pin = report.pin_hash is not None
    pin = await keys.new_key(report, hasher)
    # The reporter has a fresh PIN: a wait started by someone's guesses ends with it.
    await session.execute(
        update(ReporterKeyGuard)
        .where(ReporterKeyGuard.report_id == report.id)
        .values(failures=0, locked_until=None)
        .execution_options(synchronize_session=False)
    )
    rows = []
    if how is KeyDelivery.SEND:
        rows = await enqueue_key(session, report, pin, kind="reporter_key_new")
    channels = tuple(row.channel.value for row in rows)
    await audit.record(
        session, user, Action.REPORTER_KEY_ISSUED, "report", report.tracking_code,
        before={"had_pin": had_pin}, after={"delivery": how.value, "channels": list(channels)},
        ip=ip, now=now,
    )  # fmt: skip
    await session.commit()
    return NewKey(pin=pin if how is KeyDelivery.SHOW else None, channels=channels)
