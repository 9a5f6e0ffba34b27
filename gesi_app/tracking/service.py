"""The rules of following a report: who may see it, what the reporter is told, reply and rating.

Plain functions over a session and typed input; they raise the named errors below and never
know about HTTP.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import clock
from gesi_app.calendar import service as working_calendar
from gesi_app.calendar.service import WorkingCalendar
from gesi_app.db.base import utcnow
from gesi_app.passwords import Hasher, verify_off_loop
from gesi_app.reports import workflow
from gesi_app.reports.collective import SentBy, sent_by_one
from gesi_app.reports.deadlines import STANDARD, Deadlines, working_days_after
from gesi_app.reports.models import Rating, Report, ReportEvent, ReportMessage, Status
from gesi_app.reports.recordings import duration_text
from gesi_app.reports.service import report_by_code
from gesi_app.tracking import keys

S = Status
# The reporter needs the reason for these: they end or pause the handling of their report.
REASON_SHOWN = frozenset({S.DITUNDA, S.BUKAN_WEWENANG, S.DIARSIPKAN})
ANSWERED = frozenset({S.DITINDAKLANJUTI, S.SELESAI})
REPLY_LIMIT = 5000
COMMENT_LIMIT = 1000

EventKind = Literal[
    "received",
    "verified",
    "reopened_by_reply",
    "resumed",
    "answered",
    "closed",
    "closed_automatically",
    "on_hold",
    "not_our_authority",
    "archived",
]


class ReportNotFound(LookupError):
    """No report with that code, or the PIN does not match: one error, so neither is revealed."""


class ReplyNotAllowed(Exception):
    """The report is closed, archived or not ours: a reply would reach nobody."""


class RatingNotAllowed(Exception):
    """There is no answer from the agency to rate yet."""


class AlreadyRated(Exception):
    """A report gets one rating; the first one is kept."""


@dataclass(frozen=True)
class Deadline:
    kind: Literal["verify", "answer", "close"]
    days: int  # working days
    due: dt.date | None  # None when the holiday calendar for that year is not known yet
    overdue: bool


@dataclass(frozen=True)
class TimelineRow:
    at: dt.datetime
    kind: EventKind
    reason: str | None  # only where the reporter needs it (REASON_SHOWN)


@dataclass(frozen=True)
class MessageRow:
    at: dt.datetime
    from_agency: bool
    body: str
    message_id: int = 0


@dataclass(frozen=True)
class FileRow:
    name: str
    kind: str  # photo | document | voice | sign_video
    length: str | None = None  # a recording's duration in words, e.g. "1 min 20 s"


@dataclass(frozen=True)
class TrackView:
    """Everything the reporter's page shows about one report, and nothing more."""

    report: Report
    sent_on: dt.date  # in the local time zone
    reason: str | None  # why the report is on hold, forwarded or archived
    deadline: Deadline | None
    timeline: list[TimelineRow]
    messages: list[MessageRow]
    files: list[FileRow]
    voice: bool
    rating: Rating | None
    can_reply: bool
    can_rate: bool
    sent_by: SentBy | None = None  # a collective report: its group and weight


def _utc(moment: dt.datetime) -> dt.datetime:
    """An aware time to the second (SQLite gives back naive UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.replace(microsecond=0)


async def find(session: AsyncSession, code: str) -> Report:
    """The report with this code (as typed), with its history, messages and files."""
    report = await report_by_code(session, code)
    if report is None:
        raise ReportNotFound(code)
    return report


async def unlock(
    session: AsyncSession,
    code: str,
    pin: str,
    *,
    hasher: Hasher,
    now: dt.datetime | None = None,
) -> Report:
    """The report whose reporter this is, given its code and PIN (the reporter's key).

    An unknown code, a report without a PIN yet and a wrong PIN raise the same error, after
    the same work, so nobody learns which codes exist by guessing. A wrong PIN is counted
    for the report; too many raise keys.KeyLocked (tracking/keys.py).
    """
    report = await report_by_code(session, code)
    if report is None or report.pin_hash is None:
        await verify_off_loop(hasher.decoy, pin)  # the same work as a real check
        raise ReportNotFound(code)
    if not await keys.check_pin(session, report, pin, now):
        raise ReportNotFound(code)
    return report


def can_reply(report: Report) -> bool:
    return report.status in workflow.OPEN


def has_answer(report: Report) -> bool:
    return any(m.author_kind == "agency" for m in report.messages)


def can_rate(report: Report, rating: Rating | None) -> bool:
    """A rating is for an answer: once the agency answered, and only once."""
    return rating is None and report.status in ANSWERED and has_answer(report)


def _event_kind(event: ReportEvent) -> EventKind:
    to, before = event.to_status, event.from_status
    if before is None:
        return "received"
    if to is S.TERVERIFIKASI and before is S.DITINDAKLANJUTI:
        return "reopened_by_reply" if event.actor_kind == "reporter" else "resumed"
    if to is S.TERVERIFIKASI and before is S.DITUNDA:
        return "resumed"
    kinds: dict[Status, EventKind] = {
        S.DITERIMA: "resumed",
        S.TERVERIFIKASI: "verified",
        S.DITINDAKLANJUTI: "answered",
        S.SELESAI: "closed_automatically" if event.actor_kind == "system" else "closed",
        S.DITUNDA: "on_hold",
        S.BUKAN_WEWENANG: "not_our_authority",
        S.DIARSIPKAN: "archived",
    }
    return kinds[to]


def timeline(report: Report) -> list[TimelineRow]:
    """The history, oldest first, in the reporter's terms: no staff, no internal reasons."""
    events = sorted(report.history, key=lambda e: (e.created_at, e.id or 0))
    return [
        TimelineRow(
            at=_utc(event.created_at),
            kind=_event_kind(event),
            reason=event.reason if event.to_status in REASON_SHOWN else None,
        )
        for event in events
    ]


def current_reason(report: Report) -> str | None:
    """Why the report is on hold, forwarded or archived (the latest such reason)."""
    if report.status not in REASON_SHOWN:
        return None
    for event in reversed(report.history):
        if event.to_status is report.status:
            return event.reason
    return None


def deadline(
    report: Report,
    today: dt.date,
    timezone: str,
    calendar: WorkingCalendar,
    deadlines: Deadlines,
) -> Deadline | None:
    """The next thing the reporter is waiting for, with its date in working days."""
    if report.status is S.DITERIMA:
        due = report.verify_due
        return Deadline("verify", deadlines.verify, due, due is not None and today > due)
    if report.status is S.TERVERIFIKASI:
        due = report.answer_due
        return Deadline("answer", deadlines.answer, due, due is not None and today > due)
    if report.status is S.DITINDAKLANJUTI:
        answered = [e for e in report.history if e.to_status is S.DITINDAKLANJUTI]
        start = clock.local_date(answered[-1].created_at, timezone) if answered else today
        due = working_days_after(calendar, start, deadlines.auto_close)
        return Deadline("close", deadlines.auto_close, due, False)
    return None


async def rating_of(session: AsyncSession, report: Report) -> Rating | None:
    return await session.get(Rating, report.id)


async def view(
    session: AsyncSession,
    code: str,
    *,
    timezone: str,
    deadlines: Deadlines = STANDARD,
    now: dt.datetime | None = None,
) -> TrackView:
    """The reporter's page of the report with this code."""
    report = await find(session, code)
    rating = await rating_of(session, report)
    today = clock.local_date(now or utcnow(), timezone)
    return TrackView(
        report=report,
        sent_on=clock.local_date(report.created_at, timezone),
        reason=current_reason(report),
        deadline=deadline(report, today, timezone, await working_calendar.load(session), deadlines),
        timeline=timeline(report),
        messages=[
            MessageRow(
                at=_utc(m.created_at),
                from_agency=m.author_kind == "agency",
                body=m.body,
                message_id=m.id,
            )
            for m in report.messages
        ],
        files=[
            FileRow(
                name=a.filename,
                kind=a.kind,
                length=duration_text(a.duration_seconds) if a.duration_seconds else None,
            )
            for a in report.attachments
        ],
        voice=any(a.kind == "voice" for a in report.attachments),
        rating=rating,
        can_reply=can_reply(report),
        can_rate=can_rate(report, rating),
        sent_by=await sent_by_one(session, report),
    )


async def add_reply(
    session: AsyncSession,
    report: Report,
    text: str,
    *,
    timezone: str,
    deadlines: Deadlines = STANDARD,
    now: dt.datetime | None = None,
) -> None:
    """Store the reporter's reply. A reply to an answer reopens the report: the agency gets
    a new answer deadline."""
    if not can_reply(report):
        raise ReplyNotAllowed(report.status.value)
    if not text.strip() or len(text) > REPLY_LIMIT:
        raise ValueError("a reply has 1 to 5000 characters")
    now = now or utcnow()
    report.messages.append(ReportMessage(author_kind="reporter", body=text, created_at=now))
    if report.status is S.DITINDAKLANJUTI:
        workflow.transition(
            report,
            S.TERVERIFIKASI,
            actor_kind="reporter",
            reason="The reporter replied to the answer.",
            now=now,
        )
        report.answer_due = working_days_after(
            await working_calendar.load(session), clock.local_date(now, timezone), deadlines.answer
        )
    await session.commit()


async def rate(
    session: AsyncSession,
    report: Report,
    score: int,
    comment: str | None,
    *,
    now: dt.datetime | None = None,
) -> Rating:
    """Store the reporter's one rating of the answer (1 very bad … 5 very good)."""
    if not 1 <= score <= 5 or (comment and len(comment) > COMMENT_LIMIT):
        raise ValueError("a score is 1 to 5; a comment has at most 1000 characters")
    if await rating_of(session, report) is not None:
        raise AlreadyRated(report.tracking_code)
    if not can_rate(report, None):
        raise RatingNotAllowed(report.tracking_code)
    rating = Rating(report_id=report.id, score=score, comment=comment or None)
    rating.created_at = now or utcnow()
    session.add(rating)
    try:
        await session.commit()
    except IntegrityError:  # the same rating sent twice at once: the first one wins
        await session.rollback()
        raise AlreadyRated(report.tracking_code) from None
    return rating
