"""The audit log: an append-only record of every staff action.

This module only adds and reads entries. There is no function to change or remove one, and
the database refuses UPDATE and DELETE on the table (triggers in migration 0003).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import AuditEntry, StaffUser
from gesi_app.db.base import utcnow

PAGE_SIZE = 50


class Action(enum.StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_LOCKED = "sign_in_locked"
    SIGN_OUT = "sign_out"
    SIGN_IN_LINK_SENT = "sign_in_link_sent"
    SIGN_IN_BY_LINK = "sign_in_by_link"
    USER_CREATED = "user_created"
    USER_CHANGED = "user_changed"
    USER_DEACTIVATED = "user_deactivated"
    RESET_LINK_CREATED = "reset_link_created"
    PASSWORD_SET = "password_set"  # noqa: S105  # an action name, not a password
    REPORT_VERIFIED = "report_verified"
    REPORT_ON_HOLD = "report_on_hold"
    REPORT_NOT_OURS = "report_not_ours"
    REPORT_ARCHIVED = "report_archived"
    REPORT_ANSWERED = "report_answered"
    REPORT_CLOSED = "report_closed"
    REPORT_TAKEN_IN = "report_taken_in"
    FILE_DOWNLOADED = "file_downloaded"
    FORUM_CREATED = "forum_created"
    FORUM_STARTED = "forum_started"
    FORUM_ENDED = "forum_ended"
    FORUM_INPUT_CAPTURED = "forum_input_captured"
    FORUM_ATTENDANCE_COUNTED = "forum_attendance_counted"
    FORUM_INPUT_REPORTED = "forum_input_reported"
    FORUM_THEME_ADDED = "forum_theme_added"
    FORUM_INPUTS_THEMED = "forum_inputs_themed"
    FORUM_INPUT_MERGED = "forum_input_merged"
    FORUM_POINT_AGREED = "forum_point_agreed"
    FORUM_FOLLOW_UP_ADDED = "forum_follow_up_added"
    FORUM_FOLLOW_UP_REPORTED = "forum_follow_up_reported"
    FORUM_CHANGED = "forum_changed"
    FORUM_FACILITATOR_ADDED = "forum_facilitator_added"
    FORUM_DOT_VOTE_OPENED = "forum_dot_vote_opened"
    FORUM_DOT_VOTE_CLOSED = "forum_dot_vote_closed"
    FORUM_ROOM_DOTS_COUNTED = "forum_room_dots_counted"
    FORUM_STATEMENT_ADDED = "forum_statement_added"
    FORUM_STATEMENTS_OPENED = "forum_statements_opened"
    FORUM_STATEMENTS_CLOSED = "forum_statements_closed"
    FORUM_MINUTES_CLOSED = "forum_minutes_closed"
    FORUM_SIGNERS_SET = "forum_signers_set"
    FORUM_ATTENDEE_ADDED = "forum_attendee_added"
    FORUM_ATTENDEE_REMOVED = "forum_attendee_removed"
    LETTERHEAD_CHANGED = "letterhead_changed"
    FORUM_INPUT_HIDDEN = "forum_input_hidden"
    FORUM_INPUT_RESTORED = "forum_input_restored"
    FORUM_THEME_CHANGED = "forum_theme_changed"
    FORUM_THEME_DELETED = "forum_theme_removed"
    FORUM_POINT_CHANGED = "forum_point_changed"
    FORUM_POINT_DELETED = "forum_point_removed"
    FORUM_FOLLOW_UP_CHANGED = "forum_follow_up_changed"
    FORUM_FOLLOW_UP_DELETED = "forum_follow_up_removed"
    FORUM_TRANSCRIPT_SAVED = "forum_transcript_saved"
    TEMPLATE_ADDED = "template_added"
    TEMPLATE_CHANGED = "template_changed"
    TEMPLATE_DEACTIVATED = "template_deactivated"
    AGENCY_ADDED = "agency_added"
    AGENCY_CHANGED = "agency_changed"
    AGENCY_DEACTIVATED = "agency_deactivated"
    NOTIFICATION_RETRIED = "notification_retried"
    CATEGORY_ADDED = "category_added"
    CATEGORY_CHANGED = "category_changed"
    CATEGORY_DEACTIVATED = "category_deactivated"
    CATEGORY_MOVED = "category_moved"
    REGION_CHANGED = "region_changed"
    HOLIDAY_ADDED = "holiday_added"
    HOLIDAY_REMOVED = "holiday_removed"
    CALENDAR_YEAR_COMPLETED = "calendar_year_completed"
    REPORT_ESCALATED = "report_escalated"
    TRANSCRIPT_SAVED = "transcript_saved"
    REPORTER_KEY_ISSUED = "reporter_key_issued"
    BASELINE_ADDED = "baseline_added"
    BASELINE_CHANGED = "baseline_changed"
    GROUP_REGISTERED = "group_registered"
    GROUP_ADDED = "group_added"
    GROUP_CHANGED = "group_changed"
    GROUP_APPROVED = "group_approved"
    GROUP_REJECTED = "group_rejected"
    GROUP_REP_ADDED = "group_rep_added"
    GROUP_REP_REPLIED = "group_rep_replied"
    GROUP_REP_RATED = "group_rep_rated"


ACTION_VALUES = frozenset(a.value for a in Action)


async def record(
    session: AsyncSession,
    actor: StaffUser | None,
    action: Action | str,
    obj_type: str,
    obj_id: object | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    ip: str | None = None,
    *,
    actor_username: str | None = None,
    now: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry. ``actor_username`` names an actor without an account (a failed
    sign-in records the username that was typed)."""
    entry = AuditEntry(
        at=now or utcnow(),
        actor_id=actor.id if actor else None,
        actor_username=(actor.username if actor else actor_username or None),
        actor_role=actor.role.value if actor else None,
        action=str(action),
        object_type=obj_type,
        object_id=None if obj_id is None else str(obj_id)[:60],
        ip=(ip or None) and ip[:45],
        before=before,
        after=after,
    )
    if entry.actor_username:
        entry.actor_username = entry.actor_username[:60]
    session.add(entry)
    await session.flush()
    return entry


async def record_change(
    session: AsyncSession,
    actor: StaffUser,
    obj_type: str,
    obj_id: int | str,
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    changed: Action,
    deactivated: Action | None = None,
    ip: str | None,
    now: dt.datetime | None = None,
) -> bool:
    """Append the entry for a change to a setting, from its snapshots before and after.

    Nothing is recorded when nothing changed (False). The action is ``deactivated`` when the
    setting was active and no longer is, ``changed`` otherwise."""
    if before == after:
        return False
    await session.flush()
    action = changed
    if deactivated is not None and before["active"] and not after["active"]:
        action = deactivated
    await record(
        session, actor, action, obj_type, obj_id, before=before, after=after, ip=ip, now=now
    )
    return True


@dataclass(frozen=True)
class AuditFilter:
    actor_id: int | None = None
    action: str | None = None
    start: dt.datetime | None = None  # inclusive
    end: dt.datetime | None = None  # exclusive


@dataclass(frozen=True)
class AuditPage:
    entries: Sequence[AuditEntry]
    page: int
    pages: int
    total: int


async def search(session: AsyncSession, where: AuditFilter, page: int = 1) -> AuditPage:
    """Entries matching ``where``, newest first, ``PAGE_SIZE`` a page (pages count from 1)."""
    conditions = []
    if where.actor_id is not None:
        conditions.append(AuditEntry.actor_id == where.actor_id)
    if where.action:
        conditions.append(AuditEntry.action == where.action)
    if where.start is not None:
        conditions.append(AuditEntry.at >= where.start)
    if where.end is not None:
        conditions.append(AuditEntry.at < where.end)
    total = await session.scalar(select(func.count(AuditEntry.id)).where(*conditions)) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    result = await session.scalars(
        select(AuditEntry)
        .where(*conditions)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )
    return AuditPage(result.all(), page, pages, total)


async def actors(session: AsyncSession) -> Sequence[tuple[int, str]]:
    """(id, username) of every staff member, for the filter's list."""
    result = await session.execute(
        select(StaffUser.id, StaffUser.username).order_by(StaffUser.username)
    )
    return [(row[0], row[1]) for row in result.all()]
