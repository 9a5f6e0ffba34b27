"""Agree / disagree / pass: short statements written by the facilitator, a round opened and
closed for all of them, each participant's one answer per statement (a new one replaces it).

Results: counts and shares per statement, and the same among women, young people and people
with a disability (consented answers); a segment cell under 5 is suppressed (attendance.cell).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import utcnow
from gesi_app.forums.attendance import Cell, cell
from gesi_app.forums.dot_votes import SEGMENT_COLUMNS
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import Audience, Forum, Participant
from gesi_app.forums.participation import require_open
from gesi_app.forums.vote_models import Answer, Statement, StatementAnswer


class RoundClosed(Exception):
    """The statements are not open for answers (closed meanwhile): nothing changed."""


async def statements_of(session: AsyncSession, forum: Forum) -> Sequence[Statement]:
    result = await session.scalars(
        select(Statement).where(Statement.forum_id == forum.id).order_by(Statement.id)
    )
    return result.all()


async def add_statement(
    session: AsyncSession, user: StaffUser, forum: Forum, text: str, *, ip: str | None = None
) -> Statement:
    """A new statement; it joins the round at once if the round is open."""
    await require_facilitator(session, user, forum)
    require_open(forum)
    existing = await statements_of(session, forum)
    statement = Statement(forum_id=forum.id, text=text, is_open=any(s.is_open for s in existing))
    session.add(statement)
    await session.flush()
    await audit.record(
        session,
        user,
        audit.Action.FORUM_STATEMENT_ADDED,
        "forum",
        forum.join_code,
        after={"statement": statement.id, "text": text},
        ip=ip,
    )
    await session.commit()
    return statement


async def set_round(
    session: AsyncSession, user: StaffUser, forum: Forum, is_open: bool, *, ip: str | None = None
) -> int:
    """Open or close the round for every statement; returns how many there are."""
    await require_facilitator(session, user, forum)
    if is_open:
        require_open(forum)
    result = await session.execute(
        update(Statement).where(Statement.forum_id == forum.id).values(is_open=is_open)
    )
    action = (
        audit.Action.FORUM_STATEMENTS_OPENED if is_open else audit.Action.FORUM_STATEMENTS_CLOSED
    )
    await audit.record(session, user, action, "forum", forum.join_code, ip=ip)
    await session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


async def answers_of(
    session: AsyncSession, forum: Forum, participant: Participant
) -> dict[int, Answer]:
    rows = await session.execute(
        select(StatementAnswer.statement_id, StatementAnswer.answer)
        .join(Statement, Statement.id == StatementAnswer.statement_id)
        .where(Statement.forum_id == forum.id, StatementAnswer.participant_id == participant.id)
    )
    return {int(s): Answer(a) for s, a in rows}


async def answer(
    session: AsyncSession, forum: Forum, participant: Participant, answers: Mapping[int, Answer]
) -> None:
    """Store (or change) the participant's answers to open statements of ``forum``."""
    require_open(forum)
    open_ids = {s.id for s in await statements_of(session, forum) if s.is_open}
    if not answers or not set(answers) <= open_ids:
        raise RoundClosed(forum.join_code)
    mine = {
        a.statement_id: a
        for a in await session.scalars(
            select(StatementAnswer).where(
                StatementAnswer.participant_id == participant.id,
                StatementAnswer.statement_id.in_(list(answers)),
            )
        )
    }
    now = utcnow()
    for statement_id, given in answers.items():
        row = mine.get(statement_id)
        if row is None:
            session.add(
                StatementAnswer(
                    statement_id=statement_id,
                    participant_id=participant.id,
                    answer=given,
                    answered_at=now,
                )
            )
        else:
            row.answer, row.answered_at = given, now
    await session.commit()


@dataclass(frozen=True)
class Tally:
    """Answers among some group: counts, and shares of the group's answers."""

    agree: Cell
    disagree: Cell
    passed: Cell

    @classmethod
    def of(cls, counts: Mapping[Answer, int], *, suppress: bool) -> Tally:
        total = sum(counts.values())

        def one(a: Answer) -> Cell:
            n = counts.get(a, 0)
            return cell(n, total) if suppress else Cell(n, n / total if total else None)

        return cls(one(Answer.AGREE), one(Answer.DISAGREE), one(Answer.PASS))


@dataclass(frozen=True)
class StatementResult:
    statement: Statement
    answers: int
    everyone: Tally
    segments: dict[Audience, Tally]


async def results(session: AsyncSession, forum: Forum) -> list[StatementResult]:
    statements = await statements_of(session, forum)
    rows = await session.execute(
        select(
            StatementAnswer.statement_id,
            StatementAnswer.answer,
            func.count(),
            *(func.count().filter(column.is_(True)) for column in SEGMENT_COLUMNS.values()),
        )
        .join(Participant, Participant.id == StatementAnswer.participant_id)
        .join(Statement, Statement.id == StatementAnswer.statement_id)
        .where(Statement.forum_id == forum.id)
        .group_by(StatementAnswer.statement_id, StatementAnswer.answer)
    )
    counts: dict[int, dict[Audience | None, dict[Answer, int]]] = {}
    for statement_id, given, total, *by_segment in rows:
        groups = counts.setdefault(int(statement_id), {})
        groups.setdefault(None, {})[Answer(given)] = int(total)
        for audience, n in zip(SEGMENT_COLUMNS, by_segment, strict=True):
            groups.setdefault(audience, {})[Answer(given)] = int(n)
    found = []
    for statement in statements:
        groups = counts.get(statement.id, {})
        everyone = groups.get(None, {})
        found.append(
            StatementResult(
                statement,
                sum(everyone.values()),
                Tally.of(everyone, suppress=False),
                {a: Tally.of(groups.get(a, {}), suppress=True) for a in SEGMENT_COLUMNS},
            )
        )
    return found
