"""Queueing notifications: one outbox row per channel the reporter gave, written in the same
transaction as the status change that caused it.

How it hooks into the workflow: ``workflow.transition`` stays a plain, synchronous function
that appends a ``ReportEvent`` to the report's history. A session factory on which
``install`` was called queues the messages for every such event when the session flushes,
inside that same transaction. So every path that changes a status (staff back office,
periodic jobs, anything later) gets its messages without having to remember a call, and a
committed transition always has its messages: both are in one commit or neither is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.agencies.models import Agency
from gesi_app.db import events
from gesi_app.db.base import utcnow
from gesi_app.notifications.messages import KINDS, Notice, compose, compose_key, desk_link
from gesi_app.notifications.models import Outbox, OutboxChannel
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Report, ReporterContact, ReportEvent, Status
from gesi_app.reports.service import KeyIssued

_BASE_URL = "notifications_base_url"
_DEADLINES = "notifications_deadlines"


class Reachable(Protocol):
    """Whoever a message goes to: a reporter's contact, or a group's representative."""

    @property
    def email(self) -> str | None: ...

    @property
    def phone(self) -> str | None: ...


def _representatives(session: Session, report: Report) -> list[StaffUser]:
    """The active representatives of the report's group who can be reached: a group's
    report has the group as its reporter (the group's desk)."""
    if report.group_id is None:
        return []
    found = session.scalars(
        select(StaffUser).where(
            StaffUser.group_id == report.group_id,
            StaffUser.role == Role.GROUP_REP,
            StaffUser.active.is_(True),
        )
    )
    return [rep for rep in found if rep.email or rep.phone]


def queue(
    session: Session,
    report: Report,
    new_status: Status,
    base_url: str,
    deadlines: Deadlines,
    *,
    agency_id: int | None = None,
    change: ReportEvent | None = None,
) -> list[Outbox]:
    """Queue the messages for ``report`` having become ``new_status`` (sync session): to the
    reporter, and to the representatives of the group that sent it (with its desk's link).

    Nothing for a status the reporter is not told about, or when nobody can be reached.
    """
    kind = KINDS.get(new_status)
    if kind is None or report.id is None:
        return []
    with session.no_autoflush:
        contact = session.get(ReporterContact, report.id)
        reporter = [contact] if contact is not None and (contact.email or contact.phone) else []
        reps = _representatives(session, report)
        if not reporter and not reps:
            return []
        agency_id = agency_id or report.agency_id
        agency = session.get(Agency, agency_id) if agency_id else None
    locale = report.locale or "id"
    when = change.created_at if change is not None and change.created_at else utcnow()
    rows: list[Outbox] = []
    for people, link in ((reporter, None), (reps, desk_link(base_url, report.tracking_code))):
        if not people:
            continue
        notice = compose(
            kind,
            code=report.tracking_code,
            base_url=base_url,
            agency=agency.name(locale) if agency else None,
            locale=locale,
            deadlines=deadlines,
            link=link,
        )
        for person in people:
            rows += outbox_rows(report, person, notice, kind=kind, locale=locale, when=when)
    session.add_all(rows)
    return rows


def outbox_rows(
    report: Report,
    contact: Reachable,
    notice: Notice,
    *,
    kind: str,
    locale: str,
    when: dt.datetime,
) -> list[Outbox]:
    """One outbox row per way the reporter gave to reach them: the email, the phone."""
    return [
        Outbox(
            report_id=report.id,
            channel=channel,
            recipient=recipient,
            locale=locale,
            kind=kind,
            subject=notice.subject,
            body=body,
            attempts=0,
            next_attempt_at=when,
            created_at=when,
        )
        for channel, recipient, body in (
            (OutboxChannel.EMAIL, contact.email, notice.body),
            (OutboxChannel.SMS, contact.phone, notice.sms),
        )
        if recipient
    ]


async def enqueue_for_transition(
    session: AsyncSession, report: Report, new_status: Status, base_url: str, deadlines: Deadlines
) -> list[Outbox]:
    """Queue the messages for a status change by hand, in the caller's transaction.

    Not needed on sessions from an ``install``-ed factory: they queue on flush by themselves.
    """
    return await session.run_sync(lambda sync: queue(sync, report, new_status, base_url, deadlines))


def can_notify(session: AsyncSession) -> bool:
    """Whether this session queues messages (its factory was ``install``-ed)."""
    return bool(session.info.get(_BASE_URL))


async def enqueue_key(
    session: AsyncSession, report: Report, pin: str, *, kind: str = "reporter_key"
) -> list[Outbox]:
    """Queue the reporter's PIN to their email and phone, in the caller's transaction.

    Nothing when the reporter left no way to reach them, or on a session from a factory
    without notifications. The report must have been flushed (it needs its id).
    """
    base_url = session.info.get(_BASE_URL)
    contact = await session.get(ReporterContact, report.id)
    if not base_url or contact is None or not (contact.email or contact.phone):
        return []
    locale = report.locale or "id"
    notice = compose_key(kind, code=report.tracking_code, pin=pin, base_url=base_url, locale=locale)
    rows = outbox_rows(report, contact, notice, kind=kind, locale=locale, when=utcnow())
    session.add_all(rows)
    return rows


def install(
    sessions: async_sessionmaker[AsyncSession], base_url: str, deadlines: Deadlines
) -> None:
    """Sessions from ``sessions`` queue notifications for every status change they flush.

    The listener goes on a Session class of this factory's own, not on SQLAlchemy's
    ``Session``: two apps in one process (tests, a command beside the app) do not share it.
    """

    class NotifyingSession(Session):
        """A session of one app's factory that queues notifications when it flushes."""

    event.listen(NotifyingSession, "before_flush", _queue_on_flush)
    info: dict[str, Any] = {_BASE_URL: base_url, _DEADLINES: deadlines}
    events.subscribe(info, KeyIssued, _send_key)  # a new report's PIN, published by reports
    sessions.configure(sync_session_class=NotifyingSession, info=info)


async def _send_key(session: AsyncSession, issued: KeyIssued) -> None:
    await enqueue_key(session, issued.report, issued.pin, kind=issued.kind)


def _queue_on_flush(session: Session, _context: Any, _instances: Any) -> None:
    base_url = session.info.get(_BASE_URL)
    deadlines = session.info.get(_DEADLINES)
    if not base_url or deadlines is None:  # a factory without notifications (bare scripts)
        return
    events = [obj for obj in session.new if isinstance(obj, ReportEvent)]
    for change in sorted(events, key=_order):
        report = change.report
        # A reporter's own reply reopens an answered report: nothing to tell them about.
        if report is None or change.from_status is None or change.actor_kind == "reporter":
            continue
        queue(
            session,
            report,
            change.to_status,
            base_url,
            deadlines,
            agency_id=change.agency_id,
            change=change,
        )


def _order(change: ReportEvent) -> tuple[int, int]:
    report = change.report
    if report is None or report.id is None:
        return (0, 0)
    return (report.id, report.history.index(change))
