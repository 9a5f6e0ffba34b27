"""Taking part: the list, joining by code, joining with or without segment answers, inputs."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.forums.models import Participant
from gesi_app.settings import Settings
from tests import factories
from tests.forums_support import add_forum, agenda_ids, forum_team, post
from tests.staff_support import sign_in, summary, title, token


def participants(database_url: str) -> list[Participant]:
    async def work(session: AsyncSession) -> list[Participant]:
        return list(await session.scalars(select(Participant)))

    found: list[Participant] = factories.run(database_url, work)
    return found


def test_join_by_code_as_typed_and_refuse_a_wrong_one(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    listing = client.get("/forums?lang=en").text
    assert forum.title in listing and "Happening now" in listing
    typed = f"{forum.join_code[:3].lower()} {forum.join_code[3:]}"
    response = client.get("/forums", params={"code": typed}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/forums/{forum.join_code}"
    for code, message in [
        ("", "Enter the join code"),
        ("K7M", "Enter the 6 letters and numbers of the join code, like K7M 2PQ"),
        ("222222", "No forum has this code. Check the code and try again"),
    ]:
        page = client.get("/forums", params={"code": code, "lang": "en"})
        assert page.status_code == 400
        assert summary(page.text) == {"code": message}
        assert title(page.text) == "Error: Forums – Suara"
    assert client.get("/forums/222222?lang=en").status_code == 404


def test_segment_answers_need_consent_and_inputs_are_the_participants_own(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}"
    csrf = token(client)
    refused = post(client, f"{url}/join?lang=en", csrf, {"name": "Ani", "gender": "woman"})
    assert refused.status_code == 400
    assert summary(refused.text) == {
        "consent": "Tick the box to agree, or choose prefer not to say for the questions about you"
    }
    assert 'value="Ani"' in refused.text
    assert participants(database_url) == []
    bad = post(
        client, f"{url}/join?lang=en", csrf, {"gender": "x", "youth": "x", "name": "n" * 101}
    )
    assert summary(bad.text) == {
        "name": "Your name must be 100 characters or fewer",
        "gender": "Choose woman, man or prefer not to say",
        "youth": "Choose yes, no or prefer not to say",
    }
    joined = post(
        client,
        f"{url}/join",
        csrf,
        {"gender": "woman", "youth": "yes", "disability": "skip", "consent": "yes"},
    )
    assert joined.status_code == 303
    [person] = participants(database_url)
    assert (person.woman, person.youth, person.disability) == (True, True, None)
    assert person.consent_at is not None and person.name is None
    page = client.get(f"{url}?lang=en").text
    [first, _second] = agenda_ids(page)
    empty = post(client, f"{url}/inputs?lang=en", csrf, {"text": "x" * 1001})
    assert empty.status_code == 400
    assert summary(empty.text) == {
        "agenda_item": "Choose the agenda item",
        "text": "The input must be 1000 characters or fewer",
    }
    sent = post(
        client, f"{url}/inputs", csrf, {"agenda_item": first, "text": "Antrean terlalu lama"}
    )
    assert sent.status_code == 303
    page = client.get(f"{url}?lang=en&added=1").text
    mine = page.split('id="your-inputs"')[1].split('id="everyone"')[0]
    assert "Antrean terlalu lama" in mine
    other = TestClient(create_app(settings))
    with other:
        theirs = other.get(f"{url}?lang=en").text
    assert "You have not sent an input yet." not in theirs  # not joined: the join form instead
    assert "Join the forum" in theirs
    assert "Antrean terlalu lama" in theirs.split('id="everyone"')[1]


def test_an_ended_forum_takes_no_more_inputs(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}"
    csrf = token(client)
    post(client, f"{url}/join", csrf, {})
    agenda = agenda_ids(client.get(url).text)
    staff = TestClient(create_app(settings))
    with staff:
        sign_in(staff, "fasilitator")
        post(staff, f"/staff/forums/{forum.join_code}/state", token(staff), {"state": "ended"})
    refused = post(
        client, f"{url}/inputs?lang=en", csrf, {"agenda_item": agenda[0], "text": "Telat"}
    )
    assert refused.status_code == 409
    assert "This forum has ended." in refused.text
