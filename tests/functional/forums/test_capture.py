"""Quick capture: Enter saves and comes back with the choices kept and the box focused."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.forums.models import ForumInput, InputSource
from tests import factories
from tests.forums_support import add_forum, agenda_ids, audit_entries, forum_team, post
from tests.staff_support import sign_in, summary, token


def stored(database_url: str) -> list[ForumInput]:
    async def work(session: AsyncSession) -> list[ForumInput]:
        return list(await session.scalars(select(ForumInput).order_by(ForumInput.id)))

    found: list[ForumInput] = factories.run(database_url, work)
    return found


def test_capture_without_javascript_keeps_the_choices(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    url = f"/staff/forums/{forum.join_code}/capture"
    page = client.get(f"{url}?lang=en").text
    assert 'name="text" type="text"' in page and " autofocus" in page
    second = agenda_ids(page)[1]
    csrf = token(client)
    form = {"agenda_item": second, "gender": "woman", "also": ["disability"], "text": "Obat habis"}
    saved = post(client, url, csrf, form)
    assert saved.status_code == 303
    query = parse_qs(urlsplit(saved.headers["location"]).query)
    assert query == {
        "agenda_item": [second],
        "gender": ["woman"],
        "disability": ["yes"],
        "saved": ["1"],
    }
    again = client.get(saved.headers["location"] + "&lang=en").text
    assert f'value="{second}" checked' in again
    assert 'value="woman" checked' in again
    assert 'value="disability" checked' in again
    assert "Saved. 1 input so far." in again
    [item] = stored(database_url)
    assert (item.woman, item.youth, item.disability) == (True, None, True)
    assert item.source is InputSource.CAPTURE and item.captured_by == team.ids["fasilitator"]
    assert len(audit_entries(database_url, "forum_input_captured")) == 1
    refused = post(
        client, f"{url}?lang=en", csrf, {"agenda_item": second, "gender": "x", "text": "Kept"}
    )
    assert refused.status_code == 400
    assert summary(refused.text) == {"gender": "Choose woman, man or not known"}
    assert 'value="Kept"' in refused.text
    assert len(stored(database_url)) == 1


def test_capture_in_the_background_answers_json(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "admin")
    url = f"/staff/forums/{forum.join_code}/capture"
    first = agenda_ids(client.get(url).text)[0]
    json_headers = {"accept": "application/json"}
    csrf = token(client)
    saved = post(
        client, f"{url}?lang=en", csrf, {"agenda_item": first, "text": "Satu"}, headers=json_headers
    )
    assert saved.json()["status"] == "Saved. 1 input so far."
    refused = post(client, f"{url}?lang=en", csrf, {"agenda_item": first}, headers=json_headers)
    assert refused.status_code == 400
    assert refused.json() == {"errors": {"text": "Write the input"}}
