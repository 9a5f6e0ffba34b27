"""Attendance by segment and the participation gauge: who spoke, against who was in the room.

Attendance is the facilitator's head count once one is entered, else the sign-ins. A count
under 5 is shown as "fewer than 5" and no share is given from it, so no one can be singled out.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import Audience, Forum, ForumInput, Participant

SUPPRESS_BELOW = 5


@dataclass(frozen=True)
class Counts:
    total: int
    women: int
    youth: int
    disability: int

    def of(self, audience: Audience) -> int:
        return {
            Audience.WOMEN: self.women,
            Audience.YOUTH: self.youth,
            Audience.DISABILITY: self.disability,
        }[audience]


@dataclass(frozen=True)
class Cell:
    count: int | None  # None: suppressed (fewer than 5)
    share: float | None


@dataclass(frozen=True)
class GaugeRow:
    audience: Audience
    inputs: Cell
    attendance: Cell

    @property
    def gap(self) -> float | None:
        """Share of inputs minus share of attendance; negative = heard less than present."""
        if self.inputs.share is None or self.attendance.share is None:
            return None
        return self.inputs.share - self.attendance.share


def cell(count: int, total: int) -> Cell:
    if count < SUPPRESS_BELOW:
        return Cell(None, None)
    return Cell(count, count / total if total else None)


def _shown(model: type[Participant] | type[ForumInput]) -> list[ColumnElement[bool]]:
    """No input a facilitator hid: what is hidden is not in the minutes, nor in their counts."""
    return [ForumInput.hidden_at.is_(None)] if model is ForumInput else []


async def _flags(
    session: AsyncSession, model: type[Participant] | type[ForumInput], forum_id: int
) -> Counts:
    row = (
        await session.execute(
            select(
                func.count(model.id),
                func.count(model.id).filter(model.woman.is_(True)),
                func.count(model.id).filter(model.youth.is_(True)),
                func.count(model.id).filter(model.disability.is_(True)),
            ).where(model.forum_id == forum_id, *_shown(model))
        )
    ).one()
    return Counts(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


async def sign_ins(session: AsyncSession, forum: Forum) -> Counts:
    return await _flags(session, Participant, forum.id)


async def input_counts(session: AsyncSession, forum: Forum) -> Counts:
    return await _flags(session, ForumInput, forum.id)


def head_count(forum: Forum) -> Counts | None:
    if forum.count_total is None:
        return None
    return Counts(
        forum.count_total,
        forum.count_women or 0,
        forum.count_youth or 0,
        forum.count_disability or 0,
    )


async def attendance(session: AsyncSession, forum: Forum) -> Counts:
    """The head count when the facilitator entered one, else the sign-ins."""
    return head_count(forum) or await sign_ins(session, forum)


async def set_head_count(
    session: AsyncSession, user: StaffUser, forum: Forum, counts: Counts, *, ip: str | None = None
) -> None:
    await require_facilitator(session, user, forum)
    before = head_count(forum)
    forum.count_total = counts.total
    forum.count_women = counts.women
    forum.count_youth = counts.youth
    forum.count_disability = counts.disability
    await audit.record(
        session,
        user,
        audit.Action.FORUM_ATTENDANCE_COUNTED,
        "forum",
        forum.join_code,
        before=before.__dict__ if before else None,
        after=counts.__dict__,
        ip=ip,
    )
    await session.commit()


async def gauge(session: AsyncSession, forum: Forum) -> list[GaugeRow]:
    said = await input_counts(session, forum)
    present = await attendance(session, forum)
    return [
        GaugeRow(a, cell(said.of(a), said.total), cell(present.of(a), present.total))
        for a in Audience
    ]
