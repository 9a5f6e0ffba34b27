"""Escalation: a report past its verification or answer deadline is escalated to the admins
once per missed deadline. The periodic job records it (a row here and an audit entry) and
queues an email to every active admin with an email address, through the reporters' outbox.

Idempotent: a deadline already escalated is skipped; a new deadline (a reply reopened the
report) escalates again when it too is missed. Two processes escalating at once: the unique
row makes one of them roll back and escalate nothing.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import clock
from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import Role, StaffUser
from gesi_app.escalations.models import Escalation
from gesi_app.i18n import gettext
from gesi_app.notifications.messages import in_language
from gesi_app.notifications.models import Outbox, OutboxChannel
from gesi_app.reports.models import Report, Status
from gesi_app.reports.overdue import overdue_clause
from gesi_app.settings import LOCALES

KIND = "escalated"  # the outbox kind of an email to the admins
BASE_URL_KEY = "notifications_base_url"  # set on app sessions by notifications.install


def _deadline(report: Report) -> tuple[str, dt.date] | None:
    if report.status is Status.DITERIMA and report.verify_due is not None:
        return "verify", report.verify_due
    if report.status is Status.TERVERIFIKASI and report.answer_due is not None:
        return "answer", report.answer_due
    return None


def _email(report: Report, kind: str, due: dt.date, link: str) -> tuple[str, str]:
    """Subject and body in both languages, Indonesian first: an admin's language is not
    known (staff choose it per page), and the email must be understood by every admin."""
    subjects, bodies = [], []
    for locale in LOCALES:
        with in_language(locale):
            what = (
                gettext("verified")
                if kind == "verify"
                else gettext("answered by the agency it was sent to")
            )
            subjects.append(gettext("Overdue report %(code)s", code=report.tracking_code))
            bodies.append(
                gettext(
                    "Report %(code)s should have been %(what)s by %(due)s and has not been. "
                    "Open it: %(link)s",
                    code=report.tracking_code,
                    what=what,
                    due=format_date(due, format="long", locale=locale),
                    link=link,
                )
            )
    return " / ".join(subjects), "\n\n".join(bodies)


async def escalate_overdue(session: AsyncSession, now: dt.datetime, timezone: str) -> int:
    """Escalate every overdue report not yet escalated for this deadline; commits."""
    today = clock.local_date(now, timezone)
    reports = (
        await session.scalars(select(Report).where(overdue_clause(today)).order_by(Report.id))
    ).all()
    if not reports:
        return 0
    done = {
        (e.report_id, e.kind, e.due)
        for e in (
            await session.scalars(
                select(Escalation).where(Escalation.report_id.in_([r.id for r in reports]))
            )
        ).all()
    }
    admins = (
        await session.scalars(
            select(StaffUser).where(StaffUser.role == Role.ADMIN, StaffUser.active.is_(True))
        )
    ).all()
    base_url = str(session.info.get(BASE_URL_KEY) or "").rstrip("/")
    escalated = 0
    for report in reports:
        deadline = _deadline(report)
        if deadline is None or (report.id, *deadline) in done:
            continue
        kind, due = deadline
        session.add(Escalation(report_id=report.id, kind=kind, due=due, escalated_at=now))
        await audit.record(
            session,
            None,
            Action.REPORT_ESCALATED,
            "report",
            report.tracking_code,
            after={"deadline": kind, "due": due.isoformat()},
            actor_username="system",
            now=now,
        )
        subject, body = _email(
            report, kind, due, f"{base_url}/staff/reports/{report.tracking_code}"
        )
        session.add_all(
            Outbox(
                report_id=report.id,
                channel=OutboxChannel.EMAIL,
                recipient=admin.email,
                locale="id",
                kind=KIND,
                subject=subject,
                body=body,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
            for admin in admins
            if admin.email
        )
        escalated += 1
    try:
        await session.commit()
    except IntegrityError:  # another process escalated these at the same moment
        await session.rollback()
        return 0
    return escalated
