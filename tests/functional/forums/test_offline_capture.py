"""Capture that survives a dropped connection, on the server's side: an input sent with the
capture page's key is stored once however often it is sent (the page sends it again when the
answer was lost), in the order sent; without a key the form works as before."""

from __future__ import annotations

import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import StaffUser
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.forums.models import ForumInput
from gesi_app.forums.offline import add_input_once, valid_key
from gesi_app.forums.participation import NewInput, Speaker
from gesi_app.forums.service import forum_by_code
from tests import factories
from tests.forums_support import add_forum, agenda_ids, audit_entries, forum_team, post
from tests.staff_support import sign_in, token


def texts(database_url: str) -> list[tuple[str, str | None]]:
    async def work(session: AsyncSession) -> list[tuple[str, str | None]]:
        rows = await session.scalars(select(ForumInput).order_by(ForumInput.id))
        return [(i.text, i.client_key) for i in rows]

    found: list[tuple[str, str | None]] = factories.run(database_url, work)
    return found


def test_an_input_sent_again_with_its_key_is_stored_once(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    csrf = token(client)
    url = f"/staff/forums/{forum.join_code}/capture"
    item = agenda_ids(client.get(url).text)[0]
    keys = ["6f1c2a4e-0b7d-4c1e-9a55-0c7e8e1f2a01", "6f1c2a4e-0b7d-4c1e-9a55-0c7e8e1f2a02"]
    json_headers = {"Accept": "application/json"}
    sent = []
    for key, text in ((keys[0], "Satu"), (keys[1], "Dua"), (keys[0], "Satu")):
        answer = post(
            client,
            url,
            csrf,
            {"agenda_item": item, "text": text, "client_key": key},
            headers=json_headers,
        )
        assert answer.status_code == 200
        sent.append(answer.json())
    assert sent[2]["id"] == sent[0]["id"] and sent[2]["count"] == 2
    # Without a key (no JavaScript), or with one that is not a key: stored as before.
    assert post(client, url, csrf, {"agenda_item": item, "text": "Tiga"}).status_code == 303
    odd = {"agenda_item": item, "text": "Empat", "client_key": "<script>"}
    assert post(client, url, csrf, odd).status_code == 303
    assert texts(database_url) == [
        ("Satu", keys[0]),
        ("Dua", keys[1]),
        ("Tiga", None),
        ("Empat", None),
    ]
    assert len(audit_entries(database_url, "forum_input_captured")) == 4
    refused = post(
        client,
        url,
        csrf,
        {"agenda_item": item, "text": "", "client_key": keys[1] + "x"},
        headers=json_headers,
    )
    assert refused.status_code == 400 and len(texts(database_url)) == 4


def test_the_same_key_sent_twice_at_once_is_stored_once(database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    key = "a" * 32

    async def go() -> list[tuple[int, bool]]:
        engine = create_engine(database_url)
        sessions = session_factory(engine)

        async def send() -> tuple[int, bool]:
            async with sessions() as session:
                current = await forum_by_code(session, forum.join_code)
                user = await session.get_one(StaffUser, team.ids["fasilitator"])
                new = NewInput(current.agenda[0].id, "Sekali saja")
                item, created = await add_input_once(
                    session, current, new, key, staff=user, speaker=Speaker()
                )
                return item.id, created

        try:
            return list(await asyncio.gather(send(), send()))
        finally:
            await engine.dispose()

    (first, one), (second, other) = asyncio.run(go())
    assert first == second and sorted([one, other]) == [False, True]
    assert texts(database_url) == [("Sekali saja", key)]


def test_a_key_is_letters_digits_and_dashes() -> None:
    assert valid_key("0123456789abcdef") == "0123456789abcdef"
    for wrong in ("short", "x" * 65, "0123456789abcde!", None, 5):
        assert valid_key(wrong) is None
