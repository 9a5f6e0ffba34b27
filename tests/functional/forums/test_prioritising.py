"""Dot votes and agree / disagree / pass through the real services: limits, replacing, room
counts, results ordered, and segment cells under 5 suppressed with the numbers matching."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.forums import dot_votes, statements
from gesi_app.forums.attendance import Cell
from gesi_app.forums.models import Audience, ForumState
from gesi_app.forums.participation import NewInput, Speaker, add_input, join
from gesi_app.forums.service import advance_state, forum_by_code
from gesi_app.forums.vote_models import Answer
from tests import factories
from tests.forums_support import add_forum, audit_entries, forum_team

WOMAN = Speaker(woman=True, youth=False, disability=None)
MAN = Speaker(woman=False, youth=True, disability=None)


def run(database_url: str, work: Any) -> Any:
    return factories.run(database_url, work)


def test_dots_are_limited_replaced_counted_in_the_room_and_suppressed(
    database_url: str,
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])

    async def work(session: AsyncSession) -> dict[str, Any]:
        user = await session.get_one(StaffUser, team.ids["fasilitator"])
        f = await forum_by_code(session, forum.join_code)
        queue, medicine = (item.id for item in f.agenda)
        a = await add_input(session, f, NewInput(queue, "Antrean panjang"), staff=user)
        b = await add_input(session, f, NewInput(queue, "Loket kurang"), staff=user)
        other = await add_input(session, f, NewInput(medicine, "Obat habis"), staff=user)
        vote = await dot_votes.open_vote(session, user, f, queue, 3)
        women = [await join(session, f, None, WOMAN) for _ in range(5)]
        men = [await join(session, f, None, MAN) for _ in range(4)]
        for person in women:
            await dot_votes.cast_dots(session, f, person, {a.id: 1, b.id: 2})
        for person in men:
            await dot_votes.cast_dots(session, f, person, {a.id: 3})
        with pytest.raises(dot_votes.TooManyDots):
            await dot_votes.cast_dots(session, f, men[0], {a.id: 2, b.id: 2})
        with pytest.raises(LookupError):  # another agenda item's input
            await dot_votes.cast_dots(session, f, men[0], {other.id: 1})
        # Changing one's dots replaces them.
        await dot_votes.cast_dots(session, f, men[0], {b.id: 1})
        await dot_votes.count_room_dots(session, user, f, vote, {a.id: 7})
        await dot_votes.count_room_dots(session, user, f, vote, {a.id: 6, b.id: 1})
        mine = await dot_votes.dots_of(session, vote, men[0])
        rows = await dot_votes.results(session, vote)
        await dot_votes.close_vote(session, user, f)
        with pytest.raises(dot_votes.VoteClosed):
            await dot_votes.cast_dots(session, f, women[0], {a.id: 1})
        return {"a": a.id, "b": b.id, "mine": mine, "rows": rows}

    found = run(database_url, work)
    assert found["mine"] == {found["b"]: 1}
    first, second = found["rows"]
    # a: 5 women x1 + 3 men x3 + room 6 = 20; b: 5 women x2 + 1 man + room 1 = 12.
    assert (first.input.id, first.total, first.room) == (found["a"], 20, 6)
    assert (second.input.id, second.total, second.room) == (found["b"], 12, 1)
    assert first.segments[Audience.WOMEN] == Cell(5, 5 / 20)
    assert first.segments[Audience.YOUTH] == Cell(9, 9 / 20)
    assert second.segments[Audience.WOMEN] == Cell(10, 10 / 12)
    assert second.segments[Audience.YOUTH] == Cell(None, None)  # 1 dot: suppressed
    assert first.segments[Audience.DISABILITY] == Cell(None, None)
    actions = [e.action for e in audit_entries(database_url, "forum_room_dots_counted")]
    assert len(actions) == 2
    assert len(audit_entries(database_url, "forum_dot_vote_opened")) == 1
    assert len(audit_entries(database_url, "forum_dot_vote_closed")) == 1


def test_agree_disagree_pass_once_each_changeable_with_suppressed_segments(
    database_url: str,
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])

    async def work(session: AsyncSession) -> Any:
        user = await session.get_one(StaffUser, team.ids["fasilitator"])
        f = await forum_by_code(session, forum.join_code)
        first = await statements.add_statement(session, user, f, "Puskesmas buka sampai malam")
        women = [await join(session, f, None, WOMAN) for _ in range(6)]
        man = await join(session, f, None, MAN)
        with pytest.raises(statements.RoundClosed):  # not open yet
            await statements.answer(session, f, man, {first.id: Answer.AGREE})
        assert await statements.set_round(session, user, f, True) == 1
        second = await statements.add_statement(session, user, f, "Antrean lewat SMS")
        assert second.is_open
        for person in women[:5]:
            await statements.answer(session, f, person, {first.id: Answer.AGREE})
        await statements.answer(session, f, women[5], {first.id: Answer.PASS})
        await statements.answer(session, f, man, {first.id: Answer.AGREE})
        await statements.answer(session, f, man, {first.id: Answer.DISAGREE})  # changed
        await statements.answer(session, f, man, {second.id: Answer.AGREE})
        assert await statements.answers_of(session, f, man) == {
            first.id: Answer.DISAGREE,
            second.id: Answer.AGREE,
        }
        await statements.set_round(session, user, f, False)
        with pytest.raises(statements.RoundClosed):
            await statements.answer(session, f, man, {first.id: Answer.AGREE})
        await advance_state(session, user, f, ForumState.ENDED)
        return await statements.results(session, f)

    one, two = run(database_url, work)
    assert one.answers == 7
    assert one.everyone.agree == Cell(5, 5 / 7)
    assert one.everyone.disagree == Cell(1, 1 / 7)
    assert one.everyone.passed == Cell(1, 1 / 7)
    assert one.segments[Audience.WOMEN].agree == Cell(5, 5 / 6)
    assert one.segments[Audience.WOMEN].passed == Cell(None, None)
    assert one.segments[Audience.YOUTH].disagree == Cell(None, None)
    assert two.answers == 1 and two.everyone.agree == Cell(1, 1.0)
    assert len(audit_entries(database_url, "forum_statement_added")) == 2
    assert len(audit_entries(database_url, "forum_statements_opened")) == 1
