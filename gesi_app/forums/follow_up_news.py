"""Telling participants what became of a forum: when the tracked report a follow-up item
became changes status, or a facilitator moves an agreed point to another state, everyone who
joined that forum, left an email address or phone number and asked to be told gets a short
message (the notifications outbox sends it like any other).

It hooks in where the reporter's own messages do (notifications.service.install): a listener on
the app's session class queues the rows when the status change is flushed, in the same
transaction, so every path that moves a report (casework, jobs) tells them without a call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from gesi_app.db.base import utcnow
from gesi_app.forums.labels import POINT_STATE_LABELS
from gesi_app.forums.models import AgreedPoint, FollowUp, Forum, Participant, PointState
from gesi_app.i18n import gettext
from gesi_app.notifications.messages import SMS_LIMIT, in_language
from gesi_app.notifications.models import Outbox, OutboxChannel
from gesi_app.public.labels import STATUS_LABELS
from gesi_app.reports.models import Report, ReportEvent, Status

KIND = "forum_follow_up"


def follow_up_link(base_url: str, code: str) -> str:
    return f"{base_url.rstrip('/')}/forums/{code}/follow-up"


def compose(forum: Forum, item: FollowUp, status: Status, link: str) -> tuple[str, str, str]:
    """Subject, email body and SMS, in the language set by the caller."""
    state = str(STATUS_LABELS[status])
    what = item.what.splitlines()[0]
    subject = gettext("A follow-up of the forum %(forum)s has moved on", forum=forum.title)
    body = gettext(
        "The follow-up item “%(what)s”, agreed at the forum %(forum)s, is now: %(state)s.\n\n"
        "See what became of everything the forum agreed: %(link)s\n\n"
        "You get this message because you asked to be told when you joined the forum.",
        what=what,
        forum=forum.title,
        state=state,
        link=link,
    )
    sms = gettext(
        "Suara: a follow-up of your forum is now: %(state)s. %(link)s", state=state, link=link
    )
    return subject[:200], body, sms[:SMS_LIMIT]


def compose_point(
    forum: Forum, point: AgreedPoint, state: PointState, link: str
) -> tuple[str, str, str]:
    """Subject, email body and SMS about an agreed point's new state."""
    label = str(POINT_STATE_LABELS[state])
    what = point.text.splitlines()[0]
    subject = gettext("A point agreed at the forum %(forum)s has moved on", forum=forum.title)
    body = gettext(
        "The point “%(what)s”, agreed at the forum %(forum)s, is now: %(state)s.\n\n"
        "See what became of everything the forum agreed: %(link)s\n\n"
        "You get this message because you asked to be told when you joined the forum.",
        what=what,
        forum=forum.title,
        state=label,
        link=link,
    )
    sms = gettext(
        "Suara: a point agreed at your forum is now: %(state)s. %(link)s", state=label, link=link
    )
    return subject[:200], body, sms[:SMS_LIMIT]


Composer = Callable[[Forum, str], tuple[str, str, str]]


def _tell(
    session: Session, forum: Forum, report_id: int | None, write: Composer, base_url: str
) -> list[Outbox]:
    """An outbox row for each participant of ``forum`` who asked to be told, in their
    language (``write`` gives subject, body and SMS for the forum and its page's link)."""
    with session.no_autoflush:
        people = session.scalars(
            select(Participant).where(
                Participant.forum_id == forum.id,
                Participant.wants_news.is_(True),
                Participant.contact.is_not(None),
            )
        ).all()
    link = follow_up_link(base_url, forum.join_code)
    rows = []
    now = utcnow()
    for person in people:
        locale = person.locale or "id"
        with in_language(locale):
            subject, body, sms = write(forum, link)
        contact = person.contact or ""
        by_email = "@" in contact
        rows.append(
            Outbox(
                report_id=report_id,
                channel=OutboxChannel.EMAIL if by_email else OutboxChannel.SMS,
                recipient=contact,
                locale=locale,
                kind=KIND,
                subject=subject,
                body=body if by_email else sms,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )
    session.add_all(rows)
    return rows


def queue(session: Session, report: Report, status: Status, base_url: str) -> list[Outbox]:
    """Outbox rows for the participants to tell about ``report`` becoming ``status``: none when
    it is no forum's follow-up item."""
    with session.no_autoflush:
        item = session.scalar(select(FollowUp).where(FollowUp.report_id == report.id))
        if item is None:
            return []
        forum = session.get_one(Forum, item.forum_id)
    return _tell(
        session,
        forum,
        report.id,
        lambda f, link: compose(f, item, status, link),
        base_url,
    )


def queue_point(session: Session, point: AgreedPoint, base_url: str) -> list[Outbox]:
    """Outbox rows for the participants to tell about the agreed point's state, if it has
    one and it changed since it was loaded."""
    history = inspect(point).attrs.state.history
    if point.state is None or not history.added or point.state in history.deleted:
        return []
    state = PointState(point.state)
    with session.no_autoflush:
        forum = session.get_one(Forum, point.forum_id)
    return _tell(
        session, forum, None, lambda f, link: compose_point(f, point, state, link), base_url
    )


def install(sessions: async_sessionmaker[AsyncSession], base_url: str) -> None:
    """Sessions of this factory tell participants of each follow-up's status change. Only on a
    factory whose own session class notifications.service.install made, never on SQLAlchemy's
    shared ``Session``."""
    session_class = sessions.kw.get("sync_session_class")
    if session_class is None or session_class is Session:
        return

    def on_flush(session: Session, _context: Any, _instances: Any) -> None:
        for change in [o for o in session.new if isinstance(o, ReportEvent)]:
            report = change.report
            if report is None or report.id is None or change.from_status is None:
                continue
            queue(session, report, change.to_status, base_url)
        for point in [o for o in session.dirty if isinstance(o, AgreedPoint)]:
            queue_point(session, point, base_url)

    event.listen(session_class, "before_flush", on_flush)
