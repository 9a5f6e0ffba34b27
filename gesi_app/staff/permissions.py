"""Who may do what: the one table of permissions by role, and the per-report rules.

Routes ask here (through ``require``) and never compare roles themselves.
"""

from __future__ import annotations

import enum

from sqlalchemy import ColumnElement, false, true

from gesi_app.reports.models import Report
from gesi_app.staff.models import Role, StaffUser


class Permission(enum.StrEnum):
    VIEW_QUEUE = "view_queue"
    VERIFY = "verify"
    ANSWER = "answer"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    MANAGE_SETTINGS = "manage_settings"
    RUN_FORUMS = "run_forums"


R = Role
ROLES: dict[Permission, frozenset[Role]] = {
    Permission.VIEW_QUEUE: frozenset({R.ADMIN, R.VERIFIER, R.AGENCY_OFFICER}),
    Permission.VERIFY: frozenset({R.ADMIN, R.VERIFIER}),
    # An agency officer answers only reports routed to their own agency: can_act_on_report.
    Permission.ANSWER: frozenset({R.AGENCY_OFFICER}),
    Permission.MANAGE_USERS: frozenset({R.ADMIN}),
    Permission.VIEW_AUDIT: frozenset({R.ADMIN}),
    Permission.MANAGE_SETTINGS: frozenset({R.ADMIN}),
    Permission.RUN_FORUMS: frozenset({R.ADMIN, R.FACILITATOR}),
}


class PermissionDenied(Exception):
    """The staff member's role does not allow this; nothing was changed."""

    def __init__(self, user: StaffUser, permission: Permission) -> None:
        super().__init__(f"{user.username} ({user.role.value}) lacks {permission.value}")
        self.permission = permission


def has_permission(user: StaffUser, permission: Permission) -> bool:
    return user.active and user.role in ROLES[permission]


def require(user: StaffUser, permission: Permission) -> None:
    """Raise PermissionDenied unless ``user`` holds ``permission``."""
    if not has_permission(user, permission):
        raise PermissionDenied(user, permission)


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
