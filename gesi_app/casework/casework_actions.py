"""Staff actions on a report: verify and send to an agency, put on hold, not our authority,
archive, answer and close. Each goes through the state machine and is audited with the
report's state before and after, in the same transaction as the change.

Each function raises ActionDenied (the role may not), IllegalTransition (not in this status)
or ReasonRequired before changing anything; the caller commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import clock
from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.calendar import service as working_calendar
from gesi_app.casework.casework import TARGET, CaseAction, check
from gesi_app.db.base import utcnow
from gesi_app.public import publication
from gesi_app.reports import workflow
from gesi_app.reports.deadlines import Deadlines, working_days_after
from gesi_app.reports.models import Report, ReportMessage, Status

S = Status
ANSWER_MIN, ANSWER_MAX = 10, 5000


@dataclass(frozen=True)
class Verification:
    """A verifier's decision. Privacy can only be raised: True makes the report anonim or
    rahasia; False leaves it as it is (there is no way to lower it).

    ``public_title`` and ``public_description`` are the words the public will read: the
    reporter's, as the verifier checked and perhaps redacted them (None when the report is
    or becomes rahasia, which is never public)."""

    agency_id: int
    public_title: str | None
    public_description: str | None
    category_id: int | None
    public_landmark: str | None = None  # the reporter's landmark, checked; None: not shown
    make_anonim: bool = False
    make_rahasia: bool = False


def snapshot(report: Report) -> dict[str, Any]:
    """The report's handling state, as the audit log keeps it."""
    return {
        "status": report.status.value,
        "agency_id": report.agency_id,
        "category_id": report.category_id,
        "anonim": report.anonim,
        "rahasia": report.rahasia,
        "answer_due": report.answer_due.isoformat() if report.answer_due else None,
        **publication.publication_state(report),
    }


async def _audit(
    session: AsyncSession,
    user: StaffUser,
    action: Action,
    report: Report,
    before: dict[str, Any],
    ip: str | None,
    now: dt.datetime,
    **extra: Any,
) -> None:
    after = {**snapshot(report), **extra}
    changed_before = {k: v for k, v in before.items() if after.get(k) != v}
    changed_after = {k: v for k, v in after.items() if before.get(k) != v}
    await audit.record(
        session,
        user,
        action,
        "report",
        report.tracking_code,
        changed_before,
        changed_after,
        ip,
        now=now,
    )


async def verify(
    session: AsyncSession,
    user: StaffUser,
    report: Report,
    decision: Verification,
    *,
    ip: str | None,
    timezone: str,
    deadlines: Deadlines,
    now: dt.datetime | None = None,
) -> None:
    """Verify the report and send it to an agency; the agency has 5 working days to answer.

    Verifying publishes the report with the checked public words, unless it is (or now
    becomes) rahasia, which unpublishes it (rules in ``gesi_app.public.publication``). The
    reporter's own title and text stay as sent; the audit entry keeps both versions."""
    check(user, report, CaseAction.VERIFY)
    now = now or utcnow()
    before = snapshot(report)
    calendar = await working_calendar.load(session)
    due = working_days_after(calendar, clock.local_date(now, timezone), deadlines.answer)
    workflow.disposition(report, decision.agency_id, actor_id=user.id, answer_due=due, now=now)
    report.category_id = decision.category_id
    report.anonim = report.anonim or decision.make_anonim
    report.rahasia = report.rahasia or decision.make_rahasia
    if report.rahasia or decision.public_title is None or decision.public_description is None:
        publication.unpublish(report)
    else:
        publication.publish(
            report,
            decision.public_title,
            decision.public_description,
            decision.public_landmark,
            now=now,
        )
    report.updated_at = now
    redacted = publication.is_public(report) and (
        report.public_title != report.title
        or report.public_description != report.description
        or report.public_landmark != report.landmark
    )
    await _audit(session, user, Action.REPORT_VERIFIED, report, before, ip, now, redacted=redacted)


_REASONED = {
    CaseAction.HOLD: Action.REPORT_ON_HOLD,
    CaseAction.NOT_OURS: Action.REPORT_NOT_OURS,
    CaseAction.ARCHIVE: Action.REPORT_ARCHIVED,
    CaseAction.CLOSE: Action.REPORT_CLOSED,
}


async def move(
    session: AsyncSession,
    user: StaffUser,
    report: Report,
    action: CaseAction,
    reason: str | None,
    *,
    ip: str | None,
    now: dt.datetime | None = None,
) -> None:
    """Put on hold, not our authority (the reason is the forward note), archive or close."""
    if action not in _REASONED:
        raise ValueError(action.value)
    check(user, report, action)
    now = now or utcnow()
    before = snapshot(report)
    workflow.transition(
        report,
        TARGET[action],
        actor_kind="staff",
        actor_id=user.id,
        agency_id=report.agency_id,
        reason=reason,
        now=now,
    )
    report.updated_at = now
    await _audit(session, user, _REASONED[action], report, before, ip, now, reason=reason)


async def answer(
    session: AsyncSession,
    user: StaffUser,
    report: Report,
    text: str,
    *,
    ip: str | None,
    now: dt.datetime | None = None,
) -> None:
    """The agency's answer (tindak lanjut) to the reporter; the report becomes answered."""
    check(user, report, CaseAction.ANSWER)
    if not ANSWER_MIN <= len(text.strip()) <= ANSWER_MAX:
        raise ValueError("an answer has 10 to 5000 characters")
    now = now or utcnow()
    before = snapshot(report)
    workflow.transition(
        report,
        S.DITINDAKLANJUTI,
        actor_kind="staff",
        actor_id=user.id,
        agency_id=report.agency_id,
        now=now,
    )
    report.messages.append(
        ReportMessage(
            author_kind="agency",
            staff_id=user.id,
            agency_id=report.agency_id,
            body=text.strip(),
            created_at=now,
        )
    )
    report.updated_at = now
    await _audit(
        session, user, Action.REPORT_ANSWERED, report, before, ip, now, answer_length=len(text)
    )
