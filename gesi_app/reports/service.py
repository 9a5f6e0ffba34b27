"""Storing a report and finding it again. Plain functions over a session and typed input."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app.db.base import utcnow
from gesi_app.reports import codes, deadlines, workflow
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
from gesi_app.staff.service import hash_password, verify_password


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


@dataclass(frozen=True)
class Submitted:
    report: Report
    pin: str | None  # shown once, to an anonymous reporter


class ReportNotFound(LookupError):
    """No report with that code, or the PIN does not match."""


async def submit_report(
    session: AsyncSession,
    new: NewReport,
    *,
    now: dt.datetime | None = None,
    timezone: str = "Asia/Jakarta",
) -> Submitted:
    """Store the report with its contact, segment and evidence; commit before returning.

    A tracking code is shown only after this returns, so a code shown is a report on disk.
    """
    now = now or utcnow()
    today = now.astimezone(zoneinfo.ZoneInfo(timezone)).date()
    pin = codes.new_pin() if new.anonim else None
    code = codes.new_tracking_code()
    while await session.scalar(select(Report.id).where(Report.tracking_code == code)) is not None:
        code = codes.new_tracking_code()
    report = Report(
        tracking_code=code,
        pin_hash=hash_password(pin) if pin else None,
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
        locale=new.locale,
        created_at=now,
        updated_at=now,
        status=Status.DITERIMA,
        verify_due=deadlines.working_days_after(today, deadlines.VERIFY_DAYS),
    )
    workflow.record_creation(report, "reporter" if new.channel is Channel.WEB else "staff", now=now)
    session.add(report)
    await session.flush()
    if new.contact_name or new.contact_email or new.contact_phone:
        session.add(
            ReporterContact(
                report_id=report.id,
                name=new.contact_name,
                email=new.contact_email,
                phone=new.contact_phone,
            )
        )
    if new.segment is not None:
        wg = new.segment.wg
        session.add(
            ReporterSegment(
                report_id=report.id,
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
        )
    if new.draft_id:
        # Evidence uploaded while drafting moves to the report in the same transaction.
        attachments = await session.scalars(
            select(Attachment).where(Attachment.draft_id == new.draft_id)
        )
        for attachment in attachments:
            attachment.report_id = report.id
            attachment.draft_id = None
    await session.commit()
    return Submitted(report, pin)


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
