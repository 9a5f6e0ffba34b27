"""Who may do what: the one table of permissions by role.

Routes ask here (through ``require``) and never compare roles themselves. The per-report
rules (which reports a member sees or answers) live with casework, in ``casework.access``.
"""

from __future__ import annotations

import enum

from gesi_app.accounts.models import Role, StaffUser


class Permission(enum.StrEnum):
    VIEW_QUEUE = "view_queue"
    VERIFY = "verify"
    ANSWER = "answer"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    MANAGE_SETTINGS = "manage_settings"
    RUN_FORUMS = "run_forums"
    VIEW_SEGMENTS = "view_segments"
    # A community group's desk: its reports, replies and ratings (accounts.desk_user).
    GROUP_DESK = "group_desk"


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
    # Reports by women, youth and disability per agency (counts only, "<5" when small).
    Permission.VIEW_SEGMENTS: frozenset({R.ADMIN, R.VERIFIER}),
    # A representative holds this one permission and no other: every other staff page
    # refuses it (backoffice.web.staff_page).
    Permission.GROUP_DESK: frozenset({R.GROUP_REP}),
}


class PermissionDenied(Exception):
    """The staff member's role does not allow this; nothing was changed."""

    def __init__(self, user: StaffUser, permission: Permission) -> None:
        super().__init__(f"{user.username} ({user.role.value}) lacks {permission.value}")
        self.permission = permission


def has_permission(user: StaffUser, permission: Permission) -> bool:
    if permission is Permission.GROUP_DESK and user.group_id is None:
        return False  # a representative without a group has no desk
    return user.active and user.role in ROLES[permission]


def is_representative(user: StaffUser) -> bool:
    """A community group's representative: it may open its group's desk and nothing else."""
    return user.role is Role.GROUP_REP


def require(user: StaffUser, permission: Permission) -> None:
    """Raise PermissionDenied unless ``user`` holds ``permission``."""
    if not has_permission(user, permission):
        raise PermissionDenied(user, permission)
