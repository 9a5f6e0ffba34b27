"""Storing a report and finding it again. Plain functions over a session and typed input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app import clock
from gesi_app.calendar import service as working_calendar
from gesi_app.calendar.service import WorkingCalendar
from gesi_app.db import events
from gesi_app.db.base import utcnow
from gesi_app.passwords import Hasher, verify_password
from gesi_app.reports import codes, collective, workflow
from gesi_app.reports.collective import Collective
from gesi_app.reports.deadlines import STANDARD, Deadlines, working_days_after
from gesi_app.reports.models import (
    Attachment,
    Channel,
    Report,
    ReporterContact,
    ReporterSegment,
    ReportType,
    Status,
    WhenKind,
)


@dataclass(frozen=True)
class Segment:
    """Answers to "About you"; every field may be None (prefer not to say)."""

    gender: str | None = None
    age_band: str | None = None
    wg: dict[str, int | None] = field(default_factory=dict)
    disability_kinds: tuple[str, ...] = ()

    @property
    def disability(self) -> bool | None:
        """Washington Group rule: "a lot of difficulty" (3) or worse in any domain."""
        answered = [v for v in self.wg.values() if v is not None]
        if any(v >= 3 for v in answered):
            return True
        return False if answered else None


@dataclass(frozen=True)
class NewReport:
    type: ReportType
    title: str
    description: str
    when_kind: WhenKind
    anonim: bool
    rahasia: bool
    category_id: int | None = None
    occurred_on: dt.date | None = None
    region_code: str | None = None
    landmark: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    segment: Segment | None = None
    locale: str = "id"
    channel: Channel = Channel.WEB
    draft_id: str | None = None
    intake_token: str | None = None  # staff intake: the form's one-time token (unique)
    collective: Collective | None = None  # sent on behalf of a community group's members


@dataclass(frozen=True)
class Submitted:
    report: Report
    pin: str  # the reporter's key: shown once, and sent to their contact; only its hash is kept


@dataclass(frozen=True)
class KeyIssued:
    """A report got a new PIN (published on its session, in its transaction): the reporter is
    sent it where they left a way to reach them (``notifications`` subscribes)."""

    report: Report
    pin: str
    kind: str = "reporter_key"  # the message: "reporter_key" on sending, "reporter_key_new"


_CODE_ATTEMPTS = 5


class ReportNotFound(LookupError):
    """No report with that code, or the PIN does not match."""


async def submit_report(
    session: AsyncSession,
    new: NewReport,
    *,
    hasher: Hasher,
    now: dt.datetime | None = None,
    timezone: str = "Asia/Jakarta",
    deadlines: Deadlines = STANDARD,
    new_code: Callable[[], str] = codes.new_tracking_code,
) -> Submitted:
    """Store the report with its contact, segment and evidence; commit before returning.

    A tracking code is shown only after this returns, so a code shown is a report on disk.
    The code's uniqueness is the database's to check (no lookup first): a code already taken
    fails the commit and the report is stored again under a new one. The session must have
    no unsaved work of the caller's, which that retry would roll back.
    """
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("submit_report commits its own transaction: save other work first")
    now = now or utcnow()
    today = clock.local_date(now, timezone)
    calendar = await working_calendar.load(session)  # cached: no query per report
    # Every report gets a PIN: the code is public (the list of reports shows it), the PIN
    # proves the reporter. Argon2 runs off the event loop.
    pin = codes.new_pin()
    pin_hash = await hasher.hash_off_loop(pin)
    for _attempt in range(_CODE_ATTEMPTS):
        report = _new_report(
            new, new_code(), pin_hash, now=now, today=today, calendar=calendar, deadlines=deadlines
        )
        session.add(report)
        if new.draft_id:
            # Evidence uploaded while drafting moves to the report in the same transaction.
            with session.no_autoflush:
                attachments = await session.scalars(
                    select(Attachment).where(Attachment.draft_id == new.draft_id)
                )
            for attachment in attachments:
                attachment.report = report
                attachment.draft_id = None
        try:
            await session.flush()  # one flush: report, history, contact, segment
            await events.publish(session, KeyIssued(report, pin))  # to their email and phone
            await session.commit()
        except IntegrityError:
            await session.rollback()
            taken = select(Report.id).where(Report.tracking_code == report.tracking_code)
            if await session.scalar(taken) is None:
                raise  # not the tracking code: a real error
            for kept in list(session.identity_map.values()):
                await session.refresh(kept)  # the rollback expired the caller's objects
            continue  # the code was taken (odds: stored reports / 31**6): draw again
        return Submitted(report, pin)
    raise RuntimeError(f"no free tracking code in {_CODE_ATTEMPTS} draws")


def _new_report(
    new: NewReport,
    code: str,
    pin_hash: str,
    *,
    now: dt.datetime,
    today: dt.date,
    calendar: WorkingCalendar,
    deadlines: Deadlines,
) -> Report:
    """The report with its first history entry, contact and segment, not yet added."""
    report = Report(
        tracking_code=code,
        pin_hash=pin_hash,
        type=new.type,
        category_id=new.category_id,
        title=new.title,
        description=new.description,
        when_kind=new.when_kind,
        occurred_on=new.occurred_on,
        region_code=new.region_code,
        landmark=new.landmark,
        anonim=new.anonim,
        rahasia=new.rahasia,
        channel=new.channel,
        intake_token=new.intake_token,
        locale=new.locale,
        created_at=now,
        updated_at=now,
        status=Status.DITERIMA,
        verify_due=working_days_after(calendar, today, deadlines.verify),
    )
    collective.apply(report, new.collective)
    workflow.record_creation(report, "reporter" if new.channel is Channel.WEB else "staff", now=now)
    if new.contact_name or new.contact_email or new.contact_phone:
        report.contact = ReporterContact(
            name=new.contact_name, email=new.contact_email, phone=new.contact_phone
        )
    if new.segment is not None:
        wg = new.segment.wg
        report.segment = ReporterSegment(
            consent_at=now,
            gender=new.segment.gender,
            age_band=new.segment.age_band,
            wg_seeing=wg.get("seeing"),
            wg_hearing=wg.get("hearing"),
            wg_walking=wg.get("walking"),
            wg_remembering=wg.get("remembering"),
            wg_selfcare=wg.get("selfcare"),
            wg_communicating=wg.get("communicating"),
            disability=new.segment.disability,
            disability_kinds=list(new.segment.disability_kinds),
        )
    return report


async def report_by_code(session: AsyncSession, code: str) -> Report | None:
    """The report with this tracking code (as typed; it is normalised), with its history,
    messages and attachments loaded."""
    canonical = codes.normalise_code(code)
    if canonical is None:
        return None
    return await session.scalar(
        select(Report)
        .where(Report.tracking_code == canonical)
        .options(
            selectinload(Report.history),
            selectinload(Report.messages),
            selectinload(Report.attachments),
        )
    )


def pin_matches(report: Report, pin: str) -> bool:
    return report.pin_hash is not None and verify_password(report.pin_hash, pin.strip())
