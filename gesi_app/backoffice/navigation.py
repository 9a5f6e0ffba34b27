"""The staff menu and the dashboard's list of tasks: only pages that exist, by permission.

A feature that adds a staff page adds one ``Link`` here.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.support import LazyProxy

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, has_permission, is_representative
from gesi_app.i18n import lazy_gettext


@dataclass(frozen=True)
class Link:
    route: str
    label: LazyProxy
    description: LazyProxy
    permission: Permission | None = None


LINKS: tuple[Link, ...] = (
    Link(
        "staff_queue",
        lazy_gettext("Report queue"),
        lazy_gettext("Reports to handle, the nearest deadline first."),
        Permission.VIEW_QUEUE,
    ),
    Link(
        "staff_stats",
        lazy_gettext("Statistics for staff"),
        lazy_gettext("How each agency is doing, overdue reports, and ratings from reporters."),
        Permission.VIEW_QUEUE,
    ),
    Link(
        "staff_intake",
        lazy_gettext("Take in a report"),
        lazy_gettext("Type in a report brought in person, by phone or by letter."),
        Permission.VERIFY,
    ),
    Link(
        "staff_users",
        lazy_gettext("Staff members"),
        lazy_gettext("Add staff members, change their role or agency, and make password links."),
        Permission.MANAGE_USERS,
    ),
    Link(
        "staff_audit",
        lazy_gettext("Audit log"),
        lazy_gettext("See who did what and when."),
        Permission.VIEW_AUDIT,
    ),
    Link(
        "staff_forums",
        lazy_gettext("Forums"),
        lazy_gettext(
            "Set up forums, write down what people say, show the live board, make the minutes."
        ),
        Permission.RUN_FORUMS,
    ),
    Link(
        "staff_groups",
        lazy_gettext("Community groups"),
        lazy_gettext("Review groups that registered, add groups and change their member counts."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "staff_minutes_letterhead",
        lazy_gettext("Letterhead of the minutes"),
        lazy_gettext("Set the authority's letterhead, logo and the numbering of forum minutes."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "staff_agencies",
        lazy_gettext("Agencies"),
        lazy_gettext("Add agencies, change their names, and deactivate them."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "staff_categories",
        lazy_gettext("Topics"),
        lazy_gettext("Add topics and sub-topics, set their order and default agency."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "staff_regions",
        lazy_gettext("Areas"),
        lazy_gettext("Rename districts and villages, or turn them off for new reports."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "staff_notifications",
        lazy_gettext("Messages not delivered"),
        lazy_gettext("See messages to reporters that failed, and send them again."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "staff_templates",
        lazy_gettext("Response templates"),
        lazy_gettext("Add and change the templates officers start their answers from."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "staff_holidays",
        lazy_gettext("Holidays"),
        lazy_gettext("Add local holidays and complete each year's calendar, so deadlines count."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "staff_baselines",
        lazy_gettext("Population figures"),
        lazy_gettext("Keep the population shares the statistics page compares with."),
        Permission.MANAGE_SETTINGS,
    ),
    Link(
        "stats_card",
        lazy_gettext("Monthly summary card"),
        lazy_gettext(
            "A picture of a month's statistics with its alt text, to post on social media."
        ),
    ),
)


DESK_LINK = Link(
    "staff_desk",
    lazy_gettext("Our group's reports"),
    lazy_gettext("Follow your group's reports, reply to the agency and rate its answers."),
    Permission.GROUP_DESK,
)


def links_for(user: StaffUser) -> list[Link]:
    """The menu of ``user``: a representative sees only its group's desk."""
    if is_representative(user):
        return [DESK_LINK] if has_permission(user, Permission.GROUP_DESK) else []
    return [
        link for link in LINKS if link.permission is None or has_permission(user, link.permission)
    ]
