"""A numbering pattern that cannot number the minutes, or that gives a number another document
already has: the letterhead form refuses what it can see, and closing refuses the rest with a
clear message on the minutes page, changing nothing (never a 500)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.forums.document_models import Letterhead, MinutesDocument, NumberSequence
from gesi_app.forums.numbering import pattern_problem
from tests import factories
from tests.forums_support import add_forum, audit_entries, forum_team, post
from tests.minutes_document_support import LETTERHEAD, busy_forum
from tests.staff_support import sign_in, summary, title, token


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("{seq:x}/{agency}/{year}", "unknown"),  # a format: would fail or mislead when closing
        ("{seq!r}/{agency}/{year}", "unknown"),
        ("{agency:d}/{seq}/{year}", "unknown"),
        ("{agency}{seq}/{year}", "adjacent"),  # A1 with 1 reads as A with 11
        ("{seq}/{agency}{year}", "adjacent"),
        ("{seq}-{agency}-{year}", None),
    ],
)
def test_pattern_problems(pattern: str, problem: str | None) -> None:
    assert pattern_problem(pattern) == problem


@pytest.mark.parametrize(
    ("pattern", "english", "indonesian"),
    [
        (
            "{agency}{seq}/{year}",
            "Put a character such as / between two fields, so that no two numbers read the same",
            "Beri tanda seperti / di antara dua isian, supaya tidak ada dua nomor yang terbaca sama",
        ),
        (
            "{seq:x}/{agency}/{year}",
            "Use only these fields in the pattern: {seq}, {agency}, {year}, {month}",
            "Gunakan hanya isian ini pada pola: {seq}, {agency}, {year}, {month}",
        ),
    ],
)
def test_letterhead_form_refuses_a_pattern_that_could_clash(
    client: TestClient, database_url: str, pattern: str, english: str, indonesian: str
) -> None:
    forum_team(database_url)
    sign_in(client, "admin")
    for lang, message in (("en", english), ("id", indonesian)):
        sent = post(
            client,
            f"/staff/minutes-letterhead?lang={lang}",
            token(client),
            {**LETTERHEAD, "pattern": pattern},
        )
        assert sent.status_code == 400
        assert summary(sent.text) == {"pattern": message}
        assert title(sent.text).startswith(("Error: ", "Kesalahan: "))
        assert pattern.replace("{", "&#123;") in sent.text or pattern in sent.text  # kept
    assert audit_entries(database_url, "letterhead_changed") == []


def _state(database_url: str) -> tuple[list[tuple[int, str | None]], list[int]]:
    async def work(session: AsyncSession) -> tuple[list[tuple[int, str | None]], list[int]]:
        docs = await session.execute(
            select(MinutesDocument.forum_id, MinutesDocument.number).order_by(
                MinutesDocument.forum_id
            )
        )
        last = await session.scalars(select(NumberSequence.last))
        return [(row[0], row[1]) for row in docs.all()], list(last)

    found: tuple[list[tuple[int, str | None]], list[int]] = factories.run(database_url, work)
    return found


def test_closing_with_a_number_already_used_changes_nothing(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    code = busy_forum(database_url, team)
    other = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "admin")
    post(client, "/staff/minutes-letterhead", token(client), LETTERHEAD)
    client.cookies.clear()
    year = dt.date.today().year  # the closing's year in the site's zone, as a test runs

    async def taken(session: AsyncSession) -> None:
        # A document numbered by hand (say, moved over from the old register) holds the
        # number the pattern gives next.
        number = f"000.1.2/1/SETDA/{year}"
        session.add(MinutesDocument(forum_id=other.id, number=number, signers=[], provided=[]))
        await session.commit()

    factories.run(database_url, taken)
    before = _state(database_url)
    sign_in(client, "fasilitator")
    minutes = f"/staff/forums/{code}/minutes"
    refused = post(client, f"{minutes}/close", token(client), {})
    assert refused.status_code == 303
    assert refused.headers["location"].endswith("close=number_taken")
    page = client.get(f"{minutes}?lang=en&close=number_taken")
    assert page.status_code == 200
    assert "gives a number that another document already has" in page.text
    assert "Close the minutes and give them a number" in page.text  # still open
    indonesian = client.get(f"{minutes}?lang=id&close=number_taken").text
    assert "nomor yang sudah dipakai dokumen lain" in indonesian
    assert _state(database_url) == before  # no number given, the count given back
    assert audit_entries(database_url, "forum_minutes_closed") == []

    async def unusable(session: AsyncSession) -> None:
        # A pattern saved before the form's checks (straight in the database).
        await session.execute(update(Letterhead).values(pattern="{seq:q}/{agency}/{year}"))
        await session.commit()

    factories.run(database_url, unusable)
    refused = post(client, f"{minutes}/close", token(client), {})
    assert refused.headers["location"].endswith("close=bad_pattern")
    page = client.get(f"{minutes}?lang=en&close=bad_pattern").text
    assert "the pattern of the numbers on the letterhead page cannot be used" in page
    assert _state(database_url) == before
