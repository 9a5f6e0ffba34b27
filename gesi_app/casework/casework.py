"""Handling one report as staff: who may open it, what they see, and which actions they may
take on it now. The actions themselves are in ``casework_actions``.

The status that may follow is decided only by ``gesi_app.reports.workflow``; here an action
is offered when the role allows it and the state machine allows its target status.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.permissions import Permission, has_permission
from gesi_app.agencies.models import Agency
from gesi_app.calendar import service as working_calendar
from gesi_app.casework.access import can_act_on_report, can_see_report
from gesi_app.casework.queue import Clock, clock
from gesi_app.categories.models import Category
from gesi_app.regions.models import Region
from gesi_app.reports import codes, workflow
from gesi_app.reports.models import Attachment, Report, ReporterContact, Status

S = Status


class CaseAction(enum.StrEnum):
    VERIFY = "verify"  # verify and send to an agency (disposisi)
    HOLD = "hold"
    NOT_OURS = "not_ours"
    ARCHIVE = "archive"
    ANSWER = "answer"
    CLOSE = "close"


TARGET: dict[CaseAction, Status] = {
    CaseAction.VERIFY: S.TERVERIFIKASI,
    CaseAction.HOLD: S.DITUNDA,
    CaseAction.NOT_OURS: S.BUKAN_WEWENANG,
    CaseAction.ARCHIVE: S.DIARSIPKAN,
    CaseAction.ANSWER: S.DITINDAKLANJUTI,
    CaseAction.CLOSE: S.SELESAI,
}


class ReportHidden(LookupError):
    """No report with that code, or one this staff member may not see (both look the same)."""


class ActionDenied(Exception):
    """This staff member's role may not take this action on this report; nothing changed."""


def may(user: StaffUser, report: Report, action: CaseAction) -> bool:
    """The role rule, whatever the status: verifiers and admins handle reports; the answer
    comes from an officer of the report's agency, or from an admin."""
    if not can_see_report(user, report):
        return False
    if action is CaseAction.ANSWER:
        return (user.active and user.role is Role.ADMIN) or can_act_on_report(user, report)
    return has_permission(user, Permission.VERIFY)


def allowed_actions(user: StaffUser, report: Report) -> list[CaseAction]:
    """The actions to offer ``user`` on ``report`` in its current status."""
    return [
        action
        for action in CaseAction
        if may(user, report, action) and TARGET[action] in workflow.TRANSITIONS[report.status]
    ]


def check(user: StaffUser, report: Report, action: CaseAction) -> None:
    """Raise ActionDenied when the role does not allow ``action``, IllegalTransition when the
    report's status does not."""
    if not may(user, report, action):
        raise ActionDenied(action.value)
    if TARGET[action] not in workflow.TRANSITIONS[report.status]:
        raise workflow.IllegalTransition(report.status, TARGET[action])


def may_see_contact(user: StaffUser, report: Report) -> bool:
    """An agency officer never sees who sent an anonim report."""
    return can_see_report(user, report) and not (report.anonim and user.role is Role.AGENCY_OFFICER)


async def open_report(
    session: AsyncSession, user: StaffUser, code: str, *, for_update: bool = False
) -> Report:
    """The report with this code, if ``user`` may see it, with history, messages and files.

    ``for_update`` locks the row (PostgreSQL) so two staff acting at once act one after the
    other, the second on what the first left.
    """
    canonical = codes.normalise_code(code)
    if canonical is None:
        raise ReportHidden(code)
    query = (
        select(Report)
        .where(Report.tracking_code == canonical)
        .options(
            selectinload(Report.history),
            selectinload(Report.messages),
            selectinload(Report.attachments),
        )
    )
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    report = await session.scalar(query)
    if report is None or not can_see_report(user, report):
        raise ReportHidden(code)
    return report


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    from_status: Status | None
    to_status: Status
    actor_kind: str  # reporter | staff | system
    actor: str | None  # the staff member's username
    agency: Agency | None
    reason: str | None


@dataclass(frozen=True)
class MessageRow:
    at: dt.datetime
    from_agency: bool
    author: str | None  # the staff member's username, for an answer
    agency: Agency | None
    body: str


@dataclass(frozen=True)
class CaseView:
    report: Report
    topic: Category | None
    kecamatan: str | None
    desa: str | None
    agency: Agency | None
    contact: ReporterContact | None  # None when there is none, or this user may not see it
    contact_hidden: bool  # anonim, and this user may not see who sent it
    history: Sequence[HistoryRow]
    messages: Sequence[MessageRow]
    attachments: Sequence[Attachment]
    clock: Clock | None
    actions: Sequence[CaseAction]


async def _place(session: AsyncSession, code: str | None) -> tuple[str | None, str | None]:
    area = await session.get(Region, code) if code else None
    if area is None:
        return None, None
    if area.level == 4:
        parent = await session.get(Region, area.parent_code) if area.parent_code else None
        return (parent.name if parent else None), area.name
    return area.name, None


async def case_view(
    session: AsyncSession, user: StaffUser, report: Report, today: dt.date
) -> CaseView:
    """Everything the report page shows this staff member, and nothing they may not see."""
    staff_ids = {e.actor_id for e in report.history} | {m.staff_id for m in report.messages}
    ids = [i for i in staff_ids if i is not None]
    rows = await session.execute(
        select(StaffUser.id, StaffUser.username).where(StaffUser.id.in_(ids))
    )
    usernames: dict[int, str] = {user_id: name for user_id, name in rows}
    agencies = {a.id: a for a in (await session.scalars(select(Agency))).all()}
    contact = None
    hidden = not may_see_contact(user, report)
    if not hidden:
        contact = await session.get(ReporterContact, report.id)
    kecamatan, desa = await _place(session, report.region_code)
    history = [
        HistoryRow(
            at=e.created_at,
            from_status=e.from_status,
            to_status=e.to_status,
            actor_kind=e.actor_kind,
            actor=usernames.get(e.actor_id) if e.actor_id else None,
            agency=agencies.get(e.agency_id) if e.agency_id else None,
            reason=e.reason,
        )
        for e in sorted(report.history, key=lambda e: (e.created_at, e.id or 0))
    ]
    messages = [
        MessageRow(
            at=m.created_at,
            from_agency=m.author_kind == "agency",
            author=usernames.get(m.staff_id) if m.staff_id else None,
            agency=agencies.get(m.agency_id) if m.agency_id else None,
            body=m.body,
        )
        for m in report.messages
    ]
    return CaseView(
        report=report,
        topic=await session.get(Category, report.category_id) if report.category_id else None,
        kecamatan=kecamatan,
        desa=desa,
        agency=agencies.get(report.agency_id) if report.agency_id else None,
        contact=contact,
        contact_hidden=hidden and report.anonim,
        history=history,
        messages=messages,
        attachments=list(report.attachments),
        clock=clock(report, today, await working_calendar.load(session)),
        actions=allowed_actions(user, report),
    )


async def attachment_of(
    session: AsyncSession, user: StaffUser, code: str, attachment_id: int
) -> Attachment:
    """One file of a report ``user`` may see; ReportHidden otherwise."""
    report = await open_report(session, user, code)
    for attachment in report.attachments:
        if attachment.id == attachment_id:
            return attachment
    raise ReportHidden(f"{code}/{attachment_id}")
