"""Corrections: themes, agreed points and follow-up items changed or deleted (audited, the
minutes show the current version), the merge form with each input's text, facilitators'
transcripts of voice inputs in the minutes, and the prioritising results' event stream."""

from __future__ import annotations

import asyncio
import datetime as dt
import re

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import StaffUser
from gesi_app.forums import dot_votes
from gesi_app.forums.models import Forum
from gesi_app.forums.participation import NewInput, Speaker, add_input, join
from gesi_app.forums.results_live import announce_results, results_stream
from gesi_app.forums.service import forum_by_code
from gesi_app.forums.vote_models import VoiceInput
from gesi_app.live.broker import InProcessBroker
from tests import factories
from tests.forum_outcomes_support import add_facilitator_account, capture
from tests.forums_support import add_forum, audit_entries, forum_team, post
from tests.staff_support import sign_in, summary, title, token


def add_voice_input(database_url: str, forum: Forum) -> int:
    """A participant's voice input (its recording row; the bytes are not needed here)."""

    async def work(session: AsyncSession) -> int:
        current = await forum_by_code(session, forum.join_code)
        someone = await join(session, current, None, Speaker())
        item = await add_input(
            session, current, NewInput(current.agenda[0].id, ""), participant=someone
        )
        session.add(
            VoiceInput(
                input_id=item.id,
                content_type="audio/ogg",
                storage_key="0" * 64,
                size=100,
                duration_seconds=4,
            )
        )
        await session.commit()
        return item.id

    input_id: int = factories.run(database_url, work)
    return input_id


def test_themes_points_and_follow_ups_are_changed_and_deleted(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    (first,) = capture(client, code, csrf, [(0, "Antrean pagi panjang")])
    assert post(client, f"/staff/forums/{code}/themes", csrf, {"theme_title": "Layanan"})
    themes = client.get(f"/staff/forums/{code}/themes?lang=en").text
    theme_url = re.findall(r'href="(/staff/forums/\w+/outcomes/theme/\d+)"', themes)[0]
    theme_id = theme_url.rsplit("/", 1)[1]
    post(
        client,
        f"/staff/forums/{code}/themes/assign",
        csrf,
        {"inputs": [str(first)], "theme": theme_id},
    )

    assert 'value="Layanan"' in client.get(f"{theme_url}?lang=en").text
    empty = post(client, f"{theme_url}?lang=en", csrf, {"theme_title": ""})
    assert empty.status_code == 400
    assert title(empty.text).startswith("Error: Change or delete the theme")
    assert summary(empty.text) == {"theme_title": "Enter the name of the theme"}
    long = post(client, f"{theme_url}?lang=id", csrf, {"theme_title": "y" * 101})
    assert title(long.text).startswith("Kesalahan: Ubah atau hapus tema")
    assert 'value="' + "y" * 101 + '"' in long.text
    assert audit_entries(database_url, "forum_theme_changed") == []
    changed = post(client, theme_url, csrf, {"theme_title": "Layanan antrean"})
    assert changed.headers["location"].endswith("/themes?done=theme_changed")
    (entry,) = audit_entries(database_url, "forum_theme_changed")
    assert entry.before == {"theme": int(theme_id), "title": "Layanan"}
    assert entry.after == {"title": "Layanan antrean"}
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert "Layanan antrean (1 input)" in minutes

    agreed = f"/staff/forums/{code}/agreed"
    assert post(client, agreed, csrf, {"point": "Loket dibuka pukul 07.00"}).status_code == 303
    outcomes = client.get(f"/staff/forums/{code}/outcomes?lang=en").text
    point_url = re.findall(r'href="(/staff/forums/\w+/outcomes/point/\d+)"', outcomes)[0]
    refused = post(client, f"{point_url}?lang=en", csrf, {"point": ""})
    assert summary(refused.text) == {"point": "Enter the point that was agreed"}
    assert post(client, point_url, csrf, {"point": "Loket dibuka pukul 06.30"}).status_code == 303
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert "Loket dibuka pukul 06.30" in minutes and "07.00" not in minutes

    year = str(dt.date.today().year + 1)
    plan = {
        "what": "Tambah loket",
        "owner": str(team.agencies["dpupr"]),
        "due_day": "17",
        "due_month": "8",
        "due_year": year,
    }
    assert post(client, f"/staff/forums/{code}/follow-ups", csrf, plan).status_code == 303
    outcomes = client.get(f"/staff/forums/{code}/outcomes?lang=en").text
    follow_url = re.findall(r'href="(/staff/forums/\w+/outcomes/follow_up/\d+)"', outcomes)[0]
    form = client.get(f"{follow_url}?lang=en").text
    assert "Tambah loket" in form and 'value="17"' in form and f'value="{year}"' in form
    bad = post(
        client,
        f"{follow_url}?lang=en",
        csrf,
        {**plan, "what": "Tambah dua loket", "due_year": "2020"},
    )
    assert bad.status_code == 400
    assert summary(bad.text) == {"due_day": "The due date must be today or later"}
    assert "Tambah dua loket" in bad.text  # kept as typed
    better = {**plan, "what": "Tambah dua loket", "due_day": "1"}
    assert post(client, follow_url, csrf, better).status_code == 303
    (entry,) = audit_entries(database_url, "forum_follow_up_changed")
    assert entry.after == {
        "what": "Tambah dua loket",
        "agency": team.agencies["dpupr"],
        "due": f"{year}-08-01",
    }
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert "Tambah dua loket" in minutes

    for url, back in ((theme_url, "themes"), (point_url, "outcomes"), (follow_url, "outcomes")):
        done = post(client, f"{url}/delete", csrf, {})
        assert done.status_code == 303 and f"/{back}?done=" in done.headers["location"]
        assert client.get(url).status_code == 404
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert "Layanan antrean" not in minutes and "06.30" not in minutes
    assert "Tambah dua loket" not in minutes and "Antrean pagi panjang" in minutes  # input stays
    for action in ("forum_theme_removed", "forum_point_removed", "forum_follow_up_removed"):
        assert len(audit_entries(database_url, action)) == 1


def test_corrections_are_for_the_forums_facilitators(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    add_facilitator_account(database_url, "fasilitator2")
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    post(client, f"/staff/forums/{code}/agreed", csrf, {"point": "Setuju"})
    page = client.get(f"/staff/forums/{code}/outcomes").text
    point_url = re.findall(r'href="(/staff/forums/\w+/outcomes/point/\d+)"', page)[0]
    other = add_forum(database_url, team.ids["fasilitator"], title="Forum lain")
    elsewhere = point_url.replace(code, other.join_code)
    assert client.get(elsewhere).status_code == 404  # not that forum's point
    assert client.get(f"/staff/forums/{code}/outcomes/nothing/1").status_code == 404
    sign_in(client, "fasilitator2")
    csrf = token(client)
    assert client.get(point_url).status_code == 403
    assert post(client, point_url, csrf, {"point": "Diubah"}).status_code == 403
    assert post(client, f"{point_url}/delete", csrf, {}).status_code == 403
    assert audit_entries(database_url, "forum_point_changed") == []
    assert audit_entries(database_url, "forum_point_removed") == []


def test_the_merge_form_shows_each_inputs_text(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    first, _ = capture(
        client, forum.join_code, token(client), [(0, "Antrean pagi panjang"), (1, "Obat habis")]
    )
    page = client.get(f"/staff/forums/{forum.join_code}/themes?lang=en").text
    select = re.search(r'id="duplicate"(.*?)</select>', page, re.S)
    assert select and f'<option value="{first}">#{first} Antrean pagi panjang</option>' in select[1]


def test_a_voice_inputs_transcript_is_printed_in_the_minutes(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    voice = add_voice_input(database_url, forum)

    async def dot_vote(session: AsyncSession) -> None:  # its results are in the minutes too
        user = await session.get_one(StaffUser, team.ids["fasilitator"])
        await dot_votes.open_vote(session, user, await forum_by_code(session, code), None, 3)

    factories.run(database_url, dot_vote)
    sign_in(client, "fasilitator")
    csrf = token(client)
    assert "Voice message" in client.get(f"/staff/forums/{code}/minutes?lang=en").text
    listed = client.get(f"/staff/forums/{code}/voice?lang=en").text
    url = f"/staff/forums/{code}/voice/{voice}/transcript"
    assert url in listed
    empty = post(client, f"{url}?lang=en", csrf, {"transcript": " "})
    assert empty.status_code == 400
    assert title(empty.text).startswith(f"Error: Transcript of input #{voice}")
    assert summary(empty.text) == {"transcript": "Enter what the person said"}
    too_long = post(client, f"{url}?lang=id", csrf, {"transcript": "z" * 10_001})
    assert summary(too_long.text) == {"transcript": "Tulis paling banyak 10000 karakter"}
    assert ">" + "z" * 10_001 + "</textarea>" in too_long.text
    said = "Tolong tambah kursi roda di puskesmas"
    assert post(client, url, csrf, {"transcript": said}).status_code == 303
    (entry,) = audit_entries(database_url, "forum_transcript_saved")
    assert entry.after == {"input": voice, "transcript_length": len(said)}  # never the words
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert said in minutes and "Voice message" not in minutes
    assert said in client.get(f"/staff/forums/{code}/minutes.csv").text
    assert said not in client.get(f"/forums/{code}/board").text  # the board keeps a voice message
    assert said in client.get(f"{url}?lang=en").text  # the form shows it to change
    assert client.get(f"/staff/forums/{code}/voice/99999/transcript").status_code == 404
    sign_in(client, "verifikator")
    assert post(client, url, token(client), {"transcript": "x"}).status_code == 403


def test_the_results_stream_tells_of_each_change() -> None:
    async def go() -> list[str]:
        broker = InProcessBroker()
        stream = results_stream(broker, 7, keepalive=5)
        got = [await anext(stream)]
        task = asyncio.ensure_future(anext(stream))
        await asyncio.sleep(0.05)
        await announce_results(broker, 8)  # another forum: nothing
        await announce_results(broker, 7)
        got.append(await asyncio.wait_for(task, 5))
        await broker.stop()
        await stream.aclose()
        return got

    retry, event = asyncio.run(go())
    assert retry.startswith("retry:") and event == "event: results\ndata: {}\n\n"


def test_the_results_stream_is_for_the_forums_facilitators(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "verifikator")
    assert client.get(f"/staff/forums/{forum.join_code}/prioritise/events").status_code == 403
    sign_in(client, "fasilitator")
    page = client.get(f"/staff/forums/{forum.join_code}/prioritise?lang=en").text
    assert f'data-events="/staff/forums/{forum.join_code}/prioritise/events"' in page
    assert "js/results-live.js" in page and "Reload the results" in page
