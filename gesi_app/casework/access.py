"""Per-report access: which reports a staff member sees and may answer.

Built on the role table of ``accounts.permissions``; here because it needs the report.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, true

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.permissions import Permission, has_permission
from gesi_app.reports.models import Report


def can_see_report(user: StaffUser, report: Report) -> bool:
    """Admins and verifiers see every report; an agency officer only their agency's."""
    if not has_permission(user, Permission.VIEW_QUEUE):
        return False
    if user.role is Role.AGENCY_OFFICER:
        return user.agency_id is not None and report.agency_id == user.agency_id
    return True


def can_act_on_report(user: StaffUser, report: Report) -> bool:
    """Answering: only an agency officer, and only on a report routed to their own agency."""
    return (
        has_permission(user, Permission.ANSWER)
        and user.agency_id is not None
        and report.agency_id == user.agency_id
    )


def visible_reports(user: StaffUser) -> ColumnElement[bool]:
    """A WHERE clause for the reports ``user`` may see (the queue filters with it)."""
    if not has_permission(user, Permission.VIEW_QUEUE):
        return false()
    if user.role is Role.AGENCY_OFFICER:
        if user.agency_id is None:
            return false()
        return Report.agency_id == user.agency_id
    return true()
