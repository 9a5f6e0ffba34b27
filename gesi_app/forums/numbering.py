"""The minutes' document number: a pattern set on the letterhead page, a yearly sequence per
agency, given once when a facilitator closes the minutes and never given again.

The sequence row is counted up by one statement (insert 1, or add one and return it), and the
forum's number is written by one more (insert, or fill only an empty number). On PostgreSQL the
row lock orders two closings; on SQLite the first write takes the database's write lock, so the
transaction must not read before it (a read snapshot cannot become a write under a concurrent
writer). A closing that finds the forum numbered already is rolled back, its count with it, so
no number is skipped or repeated.
"""

from __future__ import annotations

import datetime as dt
import itertools
import string
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import clock
from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.models import Agency
from gesi_app.db.base import utcnow
from gesi_app.forums.document_models import Letterhead, MinutesDocument, NumberSequence
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import Forum, ForumState

FIELDS = ("seq", "agency", "year", "month")
REQUIRED = ("seq", "agency", "year")  # without them two documents could share a number


class ForumNotEnded(Exception):
    """The minutes are closed only after the forum ended."""


class LetterheadMissing(Exception):
    """No authority name or code yet: an admin sets the letterhead first."""


class PatternUnusable(Exception):
    """The letterhead's pattern cannot number documents (set before the checks it would now
    fail): an admin changes it first. Nothing was changed."""


class NumberTaken(Exception):
    """The pattern gave a number another document already has. Nothing was changed: the count
    was given back."""

    def __init__(self, number: str) -> None:
        super().__init__(number)
        self.number = number


def pattern_problem(pattern: str) -> str | None:
    """None when ``pattern`` can number documents; else what is wrong, as a short key:
    'unknown' (a field other than FIELDS, a broken brace, or a field with a format or
    conversion), 'missing' (no seq, agency or year), 'adjacent' (two fields with nothing
    between them, so that two different numbers could read the same, such as agency A1 with
    number 1 and agency A with number 11)."""
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        return "unknown"
    names = [name for _, name, _, _ in parts if name is not None]
    if any(name not in FIELDS for name in names) or any(spec or conv for _, _, spec, conv in parts):
        return "unknown"
    if any(name not in names for name in REQUIRED):
        return "missing"
    for before, after in itertools.pairwise(parts):
        if before[1] is not None and after[1] is not None and not after[0]:
            return "adjacent"
    return None


def format_number(pattern: str, seq: int, agency: str, year: int, month: int) -> str:
    return pattern.format(seq=seq, agency=agency, year=year, month=f"{month:02d}")


@dataclass(frozen=True)
class Closed:
    number: str
    new: bool  # False: the forum had its number already


def _insert(session: AsyncSession, model: type[object]) -> object:
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(model)


async def _fill(
    session: AsyncSession, fill: Any, forum_id: int, number: str, now: dt.datetime, user_id: int
) -> str | None:
    """Write the forum's number unless it has one: the number written, or None."""
    return (
        await session.execute(
            fill.values(
                forum_id=forum_id,
                number=number,
                closed_at=now,
                closed_by=user_id,
                signers=[],
                provided=[],
            )
            .on_conflict_do_update(
                index_elements=["forum_id"],
                set_={"number": number, "closed_at": now, "closed_by": user_id},
                where=MinutesDocument.number.is_(None),
            )
            .returning(MinutesDocument.number)
        )
    ).scalar_one_or_none()


async def document_of(session: AsyncSession, forum: Forum) -> MinutesDocument | None:
    return await session.get(MinutesDocument, forum.id, populate_existing=True)


async def close_minutes(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    *,
    timezone: str,
    ip: str | None = None,
) -> Closed:
    """Give the forum's minutes their number (audited, committed); once only."""
    await require_facilitator(session, user, forum)
    if forum.state is not ForumState.ENDED:
        raise ForumNotEnded(forum.join_code)
    head = await session.get(Letterhead, 1)
    if head is None or not head.authority.strip() or not head.code.strip():
        raise LetterheadMissing()
    existing = await document_of(session, forum)
    if existing is not None and existing.number:
        return Closed(existing.number, False)
    agency = await session.get(Agency, forum.agency_id) if forum.agency_id else None
    key = agency.slug.upper() if agency else head.code.strip()
    pattern, forum_id, code = head.pattern, forum.id, forum.join_code
    if pattern_problem(pattern):
        raise PatternUnusable(pattern)
    now = utcnow()
    today = clock.local_date(now, timezone)
    await session.commit()  # the next transaction starts with its write (see the docstring)
    count = _insert(session, NumberSequence)
    seq = (
        await session.execute(
            count.values(agency_key=key, year=today.year, last=1)  # type: ignore[attr-defined]
            .on_conflict_do_update(
                index_elements=["agency_key", "year"], set_={"last": NumberSequence.last + 1}
            )
            .returning(NumberSequence.last)
        )
    ).scalar_one()
    number = format_number(pattern, seq, key, today.year, today.month)
    fill = _insert(session, MinutesDocument)
    try:
        given = await _fill(session, fill, forum_id, number, now, user.id)
    except IntegrityError:  # another document has that number: give the count back
        await session.rollback()
        raise NumberTaken(number) from None
    if given is None:  # closed meanwhile by someone else: give the count back
        await session.rollback()
        kept = await session.scalar(
            select(MinutesDocument.number).where(MinutesDocument.forum_id == forum_id)
        )
        return Closed(kept or "", False)
    await audit.record(
        session,
        user,
        audit.Action.FORUM_MINUTES_CLOSED,
        "forum",
        code,
        after={"number": number},
        ip=ip,
    )
    await session.commit()
    return Closed(number, True)
