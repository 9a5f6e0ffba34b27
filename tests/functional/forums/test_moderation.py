"""Moderation: hiding an input (reason, audit, restore) from the board, the public pages and the
minutes, live removal from a board's event stream, and who may do it."""

from __future__ import annotations

import asyncio
import json

from starlette.testclient import TestClient

from gesi_app.accounts.models import StaffUser
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.forums import moderation
from gesi_app.forums.live import event_stream
from gesi_app.forums.models import Forum
from gesi_app.forums.service import forum_by_code
from gesi_app.live.broker import InProcessBroker
from tests.forum_outcomes_support import add_facilitator_account, capture
from tests.forums_support import add_forum, audit_entries, forum_team, post
from tests.staff_support import sign_in, summary, title, token


def test_a_hidden_input_leaves_the_board_pages_and_minutes_until_shown_again(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    kept_id, rude_id = capture(
        client, code, csrf, [(0, "Antrean pagi panjang"), (0, "Pak Budi petugas malas sekali")]
    )
    listed = client.get(f"/staff/forums/{code}/inputs?lang=en").text
    assert "Pak Budi petugas malas sekali" in listed and f"Hide input #{rude_id}" not in listed
    hide_url = f"/staff/forums/{code}/inputs/{rude_id}/hide"
    form = client.get(f"{hide_url}?lang=en")
    assert form.status_code == 200 and "Pak Budi petugas malas sekali" in form.text

    empty = post(client, f"{hide_url}?lang=en", csrf, {"reason": "  "})
    assert empty.status_code == 400
    assert title(empty.text).startswith(f"Error: Hide input #{rude_id}")
    assert summary(empty.text) == {"reason": "Enter why the input is hidden"}
    too_long = post(client, f"{hide_url}?lang=id", csrf, {"reason": "x" * 501})
    assert title(too_long.text).startswith("Kesalahan: Sembunyikan masukan")
    assert summary(too_long.text) == {"reason": "Tulis paling banyak 500 karakter"}
    assert ">" + "x" * 501 + "</textarea>" in too_long.text
    assert audit_entries(database_url, "forum_input_hidden") == []

    reason = "Menyebut nama petugas"
    hidden = post(client, hide_url, csrf, {"reason": reason})
    assert hidden.status_code == 303
    assert hidden.headers["location"].endswith(f"/staff/forums/{code}/inputs?done=hidden")
    (entry,) = audit_entries(database_url, "forum_input_hidden")
    assert entry.after == {"input": rude_id, "reason": reason}
    for url in (
        f"/forums/{code}/board",
        f"/forums/{code}",
        f"/staff/forums/{code}/minutes",
        f"/staff/forums/{code}/themes",
    ):
        page = client.get(url).text
        assert "Pak Budi" not in page, url
        assert "Antrean pagi panjang" in page, url
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert "1 input" in minutes and "2 inputs" not in minutes
    csv = client.get(f"/staff/forums/{code}/minutes.csv").text
    assert "Pak Budi" not in csv
    moderated = client.get(f"/staff/forums/{code}/inputs?lang=id").text
    assert f"Disembunyikan karena: {reason}" in moderated
    # Hiding twice changes nothing: the form is gone, the list says it is hidden.
    assert client.get(hide_url, follow_redirects=False).status_code == 303

    restore = f"/staff/forums/{code}/inputs/{rude_id}/restore"
    assert post(client, restore, csrf, {}).status_code == 303
    assert "Pak Budi petugas malas sekali" in client.get(f"/forums/{code}/board").text
    (entry,) = audit_entries(database_url, "forum_input_restored")
    assert entry.before == {"input": rude_id, "reason": reason}
    assert kept_id < rude_id
    assert client.get(f"/staff/forums/{code}/inputs/99999/hide").status_code == 404


def test_only_the_forums_facilitators_and_admins_hide(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    add_facilitator_account(database_url, "fasilitator2")
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator")
    (item,) = capture(client, code, token(client), [(0, "Jalan rusak")])
    hide = f"/staff/forums/{code}/inputs/{item}/hide"
    for username in ("fasilitator2", "verifikator"):
        sign_in(client, username)
        csrf = token(client)
        assert client.get(f"/staff/forums/{code}/inputs").status_code == 403, username
        assert post(client, hide, csrf, {"reason": "Tidak pantas"}).status_code == 403, username
        restore = f"/staff/forums/{code}/inputs/{item}/restore"
        assert post(client, restore, csrf, {}).status_code == 403, username
    assert audit_entries(database_url, "forum_input_hidden") == []
    sign_in(client, "admin")
    assert post(client, hide, token(client), {"reason": "Tidak pantas"}).status_code == 303
    assert len(audit_entries(database_url, "forum_input_hidden")) == 1


def test_a_board_stream_hears_an_input_hidden_and_shown_again(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    first, second = capture(client, forum.join_code, token(client), [(0, "Satu"), (1, "Dua")])

    async def watch() -> list[str]:
        engine = create_engine(database_url)
        broker = InProcessBroker()
        sessions = session_factory(engine)
        try:
            stream = event_stream(broker, sessions, forum, 0, "Asia/Jakarta", keepalive=5)
            got = [await anext(stream) for _ in range(3)]  # retry, then both inputs
            async with sessions() as session:
                current: Forum = await forum_by_code(session, forum.join_code)
                user = await session.get_one(StaffUser, team.ids["fasilitator"])
                item = await moderation.hide_input(session, user, current, second, "Kasar")
                await moderation.announce_hidden(broker, item)
                got.append(await anext(stream))
                item = await moderation.restore_input(session, user, current, second)
                await moderation.announce_restored(broker, item, "Asia/Jakarta")
                got.append(await anext(stream))
            await stream.aclose()
            # A board that connects now gets both, the hidden one only once shown again.
            await broker.stop()
            return got
        finally:
            await engine.dispose()

    retry, one, two, hide, restore = asyncio.run(watch())
    assert retry.startswith("retry:")
    assert one.startswith(f"id: {first}\n") and two.startswith(f"id: {second}\n")
    assert hide.startswith("event: hide\ndata: ") and "id:" not in hide
    assert json.loads(hide.split("data: ", 1)[1]) == {
        "kind": "hide",
        "id": second,
        "item": forum.agenda[1].id,
    }
    assert restore.startswith("event: restore\ndata: ")
    restored = json.loads(restore.split("data: ", 1)[1])
    assert restored["id"] == second and restored["text"] == "Dua"


def test_a_reconnecting_board_never_gets_a_hidden_input(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    shown, hidden = capture(client, code, csrf, [(0, "Tampil"), (0, "Disembunyikan")])
    hide = f"/staff/forums/{code}/inputs/{hidden}/hide"
    assert post(client, hide, csrf, {"reason": "Ganda"}).status_code == 303

    async def backlog() -> list[str]:
        engine = create_engine(database_url)
        try:
            stream = event_stream(
                InProcessBroker(), session_factory(engine), forum, 0, "Asia/Jakarta", keepalive=0.05
            )
            sent = [await anext(stream) for _ in range(3)]
            await stream.aclose()
            return sent
        finally:
            await engine.dispose()

    _, only, keepalive = asyncio.run(backlog())
    assert only.startswith(f"id: {shown}\n") and keepalive == ": still here\n\n"
