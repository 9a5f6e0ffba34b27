"""Words shown for roles and audit actions, translated when shown."""

from __future__ import annotations

from babel.support import LazyProxy

from gesi_app.staff.audit import Action
from gesi_app.staff.models import Role
from gesi_app.web.i18n import lazy_gettext

ROLE_LABELS: dict[Role, LazyProxy] = {
    Role.ADMIN: lazy_gettext("Admin"),
    Role.VERIFIER: lazy_gettext("Verifier"),
    Role.AGENCY_OFFICER: lazy_gettext("Agency officer"),
    Role.FACILITATOR: lazy_gettext("Facilitator"),
}

ROLE_HINTS: dict[Role, LazyProxy] = {
    Role.ADMIN: lazy_gettext("Manages staff members, agencies, topics and settings."),
    Role.VERIFIER: lazy_gettext("Checks new reports and sends them to the right agency."),
    Role.AGENCY_OFFICER: lazy_gettext("Answers reports sent to their own agency only."),
    Role.FACILITATOR: lazy_gettext("Runs public consultation forums."),
}

ACTION_LABELS: dict[str, LazyProxy] = {
    Action.SIGN_IN: lazy_gettext("Signed in"),
    Action.SIGN_IN_FAILED: lazy_gettext("Sign-in failed"),
    Action.SIGN_IN_LOCKED: lazy_gettext("Sign-in paused after too many tries"),
    Action.SIGN_OUT: lazy_gettext("Signed out"),
    Action.USER_CREATED: lazy_gettext("Staff member added"),
    Action.USER_CHANGED: lazy_gettext("Staff member changed"),
    Action.USER_DEACTIVATED: lazy_gettext("Staff member deactivated"),
    Action.RESET_LINK_CREATED: lazy_gettext("Password link made"),
    Action.PASSWORD_SET: lazy_gettext("Password set"),
    Action.REPORT_VERIFIED: lazy_gettext("Report verified and sent to an agency"),
    Action.REPORT_ON_HOLD: lazy_gettext("Report put on hold"),
    Action.REPORT_NOT_OURS: lazy_gettext("Report marked not our authority"),
    Action.REPORT_ARCHIVED: lazy_gettext("Report archived"),
    Action.REPORT_ANSWERED: lazy_gettext("Report answered"),
    Action.REPORT_CLOSED: lazy_gettext("Report closed"),
    Action.REPORT_TAKEN_IN: lazy_gettext("Report taken in by staff"),
    Action.FILE_DOWNLOADED: lazy_gettext("Evidence file downloaded"),
    Action.FORUM_CREATED: lazy_gettext("Forum set up"),
    Action.FORUM_STARTED: lazy_gettext("Forum started"),
    Action.FORUM_ENDED: lazy_gettext("Forum ended"),
    Action.FORUM_INPUT_CAPTURED: lazy_gettext("Forum input written down"),
    Action.FORUM_ATTENDANCE_COUNTED: lazy_gettext("Forum attendance counted"),
    Action.FORUM_INPUT_REPORTED: lazy_gettext("Forum input made a tracked report"),
}

OBJECT_LABELS: dict[str, LazyProxy] = {
    "staff_user": lazy_gettext("Staff member"),
    "forum": lazy_gettext("Forum"),
    "lockout": lazy_gettext("Sign-in pause"),
    "report": lazy_gettext("Report"),
    "attachment": lazy_gettext("Evidence file"),
}


def role_label(role: Role | str) -> str:
    try:
        return str(ROLE_LABELS[Role(role)])
    except ValueError:
        return str(role)


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
