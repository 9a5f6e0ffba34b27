"""Words for a group's state and the facts its history shows, on admins' pages only."""

from __future__ import annotations

from babel.support import LazyProxy

from gesi_app.groups.models import GroupState
from gesi_app.i18n import lazy_gettext as _l

STATE_LABELS: dict[GroupState, LazyProxy] = {
    GroupState.PENDING: _l("Waiting for review"),
    GroupState.APPROVED: _l("Approved"),
    GroupState.REJECTED: _l("Rejected"),
}

# The facts the history shows changing (keys of service.snapshot).
FIELD_LABELS: dict[str, LazyProxy] = {
    "name": _l("Name"),
    "group_kind": _l("Kind of group"),
    "region_code": _l("Area code"),
    "speaks_for": _l("Who the group speaks for"),
    "members_total": _l("All members"),
    "members_women": _l("Women"),
    "members_youth": _l("Young people (16 to 30 years old)"),
    "members_disability": _l("People with disabilities"),
    "group_state": _l("State"),
    "reason": _l("Reason"),
}
