"""Words shown for roles and audit actions, translated when shown."""

from __future__ import annotations

from babel.support import LazyProxy

from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import Role
from gesi_app.i18n import lazy_gettext

ROLE_LABELS: dict[Role, LazyProxy] = {
    Role.ADMIN: lazy_gettext("Admin"),
    Role.VERIFIER: lazy_gettext("Verifier"),
    Role.AGENCY_OFFICER: lazy_gettext("Agency officer"),
    Role.FACILITATOR: lazy_gettext("Facilitator"),
    Role.GROUP_REP: lazy_gettext("Group representative"),
}

ROLE_HINTS: dict[Role, LazyProxy] = {
    Role.ADMIN: lazy_gettext("Manages staff members, agencies, topics and settings."),
    Role.VERIFIER: lazy_gettext("Checks new reports and sends them to the right agency."),
    Role.AGENCY_OFFICER: lazy_gettext("Answers reports sent to their own agency only."),
    Role.FACILITATOR: lazy_gettext("Runs public consultation forums."),
    Role.GROUP_REP: lazy_gettext("Sends and follows reports for their own community group only."),
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
    Action.FORUM_THEME_ADDED: lazy_gettext("Forum theme added"),
    Action.FORUM_INPUTS_THEMED: lazy_gettext("Forum inputs grouped under a theme"),
    Action.FORUM_INPUT_MERGED: lazy_gettext("Forum input merged into another"),
    Action.FORUM_POINT_AGREED: lazy_gettext("Forum agreed point recorded"),
    Action.FORUM_FOLLOW_UP_ADDED: lazy_gettext("Forum follow-up item added"),
    Action.FORUM_FOLLOW_UP_REPORTED: lazy_gettext("Forum follow-up made a tracked report"),
    Action.FORUM_CHANGED: lazy_gettext("Forum details changed"),
    Action.FORUM_FACILITATOR_ADDED: lazy_gettext("Forum facilitator added"),
    Action.FORUM_DOT_VOTE_OPENED: lazy_gettext("Forum dot vote opened"),
    Action.FORUM_DOT_VOTE_CLOSED: lazy_gettext("Forum dot vote closed"),
    Action.FORUM_ROOM_DOTS_COUNTED: lazy_gettext("Forum dots counted in the room"),
    Action.FORUM_STATEMENT_ADDED: lazy_gettext("Forum statement added"),
    Action.FORUM_STATEMENTS_OPENED: lazy_gettext("Forum agree/disagree round opened"),
    Action.FORUM_STATEMENTS_CLOSED: lazy_gettext("Forum agree/disagree round closed"),
    Action.TEMPLATE_ADDED: lazy_gettext("Response template added"),
    Action.TEMPLATE_CHANGED: lazy_gettext("Response template changed"),
    Action.TEMPLATE_DEACTIVATED: lazy_gettext("Response template deactivated"),
    Action.AGENCY_ADDED: lazy_gettext("Agency added"),
    Action.AGENCY_CHANGED: lazy_gettext("Agency changed"),
    Action.AGENCY_DEACTIVATED: lazy_gettext("Agency deactivated"),
    Action.NOTIFICATION_RETRIED: lazy_gettext("Failed message sent for another try"),
    Action.CATEGORY_ADDED: lazy_gettext("Topic added"),
    Action.CATEGORY_CHANGED: lazy_gettext("Topic changed"),
    Action.CATEGORY_DEACTIVATED: lazy_gettext("Topic deactivated"),
    Action.CATEGORY_MOVED: lazy_gettext("Topic moved in the list"),
    Action.REGION_CHANGED: lazy_gettext("Area renamed or turned on or off"),
    Action.HOLIDAY_ADDED: lazy_gettext("Local holiday added"),
    Action.HOLIDAY_REMOVED: lazy_gettext("Local holiday removed"),
    Action.CALENDAR_YEAR_COMPLETED: lazy_gettext("Holiday calendar year marked complete"),
    Action.REPORT_ESCALATED: lazy_gettext("Overdue report escalated to the admins"),
    Action.TRANSCRIPT_SAVED: lazy_gettext("Recording transcript saved"),
    Action.REPORTER_KEY_ISSUED: lazy_gettext("New PIN given to the reporter"),
    Action.BASELINE_ADDED: lazy_gettext("Population figure added"),
    Action.BASELINE_CHANGED: lazy_gettext("Population figure changed"),
    Action.GROUP_REGISTERED: lazy_gettext("Community group registered by its representative"),
    Action.GROUP_ADDED: lazy_gettext("Community group added"),
    Action.GROUP_CHANGED: lazy_gettext("Community group changed"),
    Action.GROUP_APPROVED: lazy_gettext("Community group approved"),
    Action.GROUP_REJECTED: lazy_gettext("Community group rejected"),
}

OBJECT_LABELS: dict[str, LazyProxy] = {
    "staff_user": lazy_gettext("Staff member"),
    "forum": lazy_gettext("Forum"),
    "lockout": lazy_gettext("Sign-in pause"),
    "report": lazy_gettext("Report"),
    "attachment": lazy_gettext("Evidence file"),
    "response_template": lazy_gettext("Response template"),
    "agency": lazy_gettext("Agency"),
    "notification": lazy_gettext("Message to a reporter"),
    "category": lazy_gettext("Topic"),
    "region": lazy_gettext("Area"),
    "holiday": lazy_gettext("Holiday"),
    "calendar_year": lazy_gettext("Year"),
    "population_baseline": lazy_gettext("Population figure"),
    "group": lazy_gettext("Community group"),
}
