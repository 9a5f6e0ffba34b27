"""The minutes' number: given once when closed, from the pattern, a yearly sequence per agency,
never repeated when many facilitators close at once (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.forums.document_models import MinutesDocument, NumberSequence
from gesi_app.forums.letterhead import LetterheadData, save_letterhead
from gesi_app.forums.models import Forum, ForumState
from gesi_app.forums.numbering import (
    ForumNotEnded,
    LetterheadMissing,
    close_minutes,
    pattern_problem,
)
from gesi_app.forums.service import advance_state, forum_by_code
from tests import factories
from tests.forums_support import add_forum, audit_entries, forum_team

TZ = "Asia/Jakarta"


def set_letterhead(database_url: str, admin_id: int, pattern: str) -> None:
    async def work(session: AsyncSession) -> None:
        admin = await session.get_one(StaffUser, admin_id)
        data = LetterheadData(
            "Pemerintah Kabupaten Contoh", "Jl. Raya 1", "021 555", "SETDA", pattern
        )
        await save_letterhead(session, admin, data)

    factories.run(database_url, work)


def end(database_url: str, user_id: int, code: str) -> None:
    async def work(session: AsyncSession) -> None:
        user = await session.get_one(StaffUser, user_id)
        await advance_state(session, user, await forum_by_code(session, code), ForumState.ENDED)

    factories.run(database_url, work)


async def _close_all(database_url: str, user_id: int, codes: list[str]) -> list[str]:
    """Every code closed at the same time, each in its own session (its own connection)."""
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    try:

        async def one(code: str) -> str:
            async with sessions() as session:
                user = await session.get_one(StaffUser, user_id)
                forum = await forum_by_code(session, code)
                return (await close_minutes(session, user, forum, timezone=TZ)).number

        return list(await asyncio.gather(*(one(c) for c in codes)))
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("000.1.2/{seq}/{agency}/{year}", None),
        ("{agency}-{year}-{month}-{seq}", None),
        ("000.1.2/{seq}/{year}", "missing"),
        ("000.1.2/{seq}/{agency}/{tahun}", "unknown"),
        ("000.1.2/{seq/{agency}/{year}", "unknown"),
    ],
)
def test_pattern_problems(pattern: str, problem: str | None) -> None:
    assert pattern_problem(pattern) == problem


def test_numbers_never_repeat_under_concurrent_closing(database_url: str) -> None:
    team = forum_team(database_url)
    user = team.ids["fasilitator"]
    forums: list[Forum] = [add_forum(database_url, user) for _ in range(8)]
    codes = [f.join_code for f in forums]
    with pytest.raises(ForumNotEnded):
        asyncio.run(_close_all(database_url, user, codes[:1]))
    for code in codes:
        end(database_url, user, code)
    with pytest.raises(LetterheadMissing):
        asyncio.run(_close_all(database_url, user, codes[:1]))
    set_letterhead(database_url, team.ids["admin"], "000.1.2/{seq}/{agency}/{year}")
    # Eight forums closed at once, each twice at once: eight numbers, 1 to 8, each once.
    numbers = asyncio.run(_close_all(database_url, user, codes + codes))
    assert numbers[:8] == numbers[8:]
    year = numbers[0].rsplit("/", 1)[1]
    assert sorted(numbers[:8], key=lambda n: int(n.split("/")[1])) == [
        f"000.1.2/{n}/SETDA/{year}" for n in range(1, 9)
    ]

    async def stored(session: AsyncSession) -> tuple[list[str | None], list[int]]:
        docs = await session.scalars(select(MinutesDocument.number))
        last = await session.scalars(select(NumberSequence.last))
        return list(docs), list(last)

    docs, last = factories.run(database_url, stored)
    assert sorted(docs, key=str) == sorted(numbers[:8])
    assert last == [8]  # the second closings of a forum gave their count back
    assert len(audit_entries(database_url, "forum_minutes_closed")) == 8
    # Closing again gives the same number, and counts nothing.
    assert asyncio.run(_close_all(database_url, user, codes[:1])) == numbers[:1]
    assert factories.run(database_url, stored)[1] == [8]
