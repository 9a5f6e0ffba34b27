"""Setting up a forum: the form and its errors, the join code, QR, invitation, start and end."""

from __future__ import annotations

from starlette.testclient import TestClient

from gesi_app.forums.models import Forum
from gesi_app.forums.service import forum_by_code
from gesi_app.reports.codes import ALPHABET
from tests import factories
from tests.forums_support import SETUP_FORM, add_forum, audit_entries, forum_team, post
from tests.staff_support import sign_in, summary, title, token


def test_a_facilitator_sets_up_a_forum_with_a_join_code(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    sign_in(client, "fasilitator")
    form = {
        **SETUP_FORM,
        "agency": str(team.agencies["dpupr"]),
        "accommodations": ["sign_language", "easy_read"],
        "audiences": ["women", "disability"],
    }
    response = post(client, "/staff/forums/new", token(client), form)
    assert response.status_code == 303
    code = response.headers["location"].split("/")[3].split("?")[0]
    assert len(code) == 6 and set(code) <= set(ALPHABET)
    forum: Forum = factories.run(database_url, lambda s: forum_by_code(s, code.lower()))
    assert [i.title for i in forum.agenda] == ["Jalan desa", "Air bersih"]
    assert forum.accommodations == ["sign_language", "easy_read"]
    assert forum.audiences == ["women", "disability"]
    assert forum.starts_at.hour == 2  # 09.30 WIB is 02.30 UTC
    [entry] = audit_entries(database_url, "forum_created")
    assert entry.actor_id == team.ids["fasilitator"] and entry.object_id == code
    page = client.get(response.headers["location"] + "&lang=en").text
    assert "Sign-language interpreter (BISINDO)" in page
    assert f"{code[:3]} {code[3:]}" in page
    invitation = client.get(f"/staff/forums/{code}/invitation?lang=en").text
    assert f'src="/forums/{code}/qr.svg"' in invitation
    assert "QR code. It opens http://127.0.0.1:8000/forums/" in invitation
    svg = client.get(f"/forums/{code}/qr.svg")
    assert svg.headers["content-type"] == "image/svg+xml"
    assert svg.text.startswith("<svg")


CASES: list[tuple[dict[str, str], dict[str, str]]] = [
    (
        {k: "" for k in SETUP_FORM},
        {
            "title": "Enter the title of the forum",
            "format": "Choose how people take part",
            "date_day": "Enter the date of the forum",
            "time": "Enter the start time, for example 09.30",
            "place": "Enter where the forum is, or the link to join it",
            "agenda": "Enter at least one agenda item, one a line",
        },
    ),
    (
        {"title": "Abc", "format": "tv", "agency": "999", "time": "25.00"},
        {
            "title": "The title must be 5 to 150 characters",
            "agency": "Choose the agency from the list",
            "format": "Choose how people take part",
            "time": "Enter the time as hours and minutes, for example 09.30",
        },
    ),
    (
        {"date_day": "31", "date_month": "2", "agenda": "\n".join(["x"] * 21)},
        {
            "date_day": "Enter a real date, for example 17 8 2026",
            "agenda": "Enter 20 agenda items or fewer",
        },
    ),
    ({"date_year": "2020"}, {"date_day": "The date must be today or later"}),
    ({"date_year": "30"}, {"date_year": "Enter the year with 4 digits, for example 2026"}),
    ({"place": "x" * 301}, {"place": "The place must be 300 characters or fewer"}),
    ({"agenda": "x" * 201}, {"agenda": "Each agenda item must be 200 characters or fewer"}),
]


def test_a_bad_set_up_shows_every_error_keeps_the_text_and_stores_nothing(
    client: TestClient, database_url: str
) -> None:
    forum_team(database_url)
    sign_in(client, "admin")
    csrf = token(client)
    for changes, errors in CASES:
        form = {**SETUP_FORM, **changes}
        response = post(client, "/staff/forums/new?lang=en", csrf, form)
        assert response.status_code == 400, changes
        assert summary(response.text) == errors
        assert title(response.text).startswith("Error: Set up a forum")
        if changes.get("title"):
            assert f'value="{changes["title"]}"' in response.text
    assert "No forum has been set up yet." in client.get("/staff/forums?lang=en").text


def test_start_and_end_happen_once_each_and_are_audited(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"], live=False)
    sign_in(client, "admin")
    csrf = token(client)
    url = f"/staff/forums/{forum.join_code}/state"
    assert post(client, url, csrf, {"state": "live"}).status_code == 303
    assert post(client, url, csrf, {"state": "live"}).status_code == 303  # a double click
    assert "Happening now" in client.get("/forums?lang=en").text
    assert post(client, url, csrf, {"state": "ended"}).status_code == 303
    assert forum.title not in client.get("/forums?lang=en").text
    assert len(audit_entries(database_url, "forum_started")) == 1
    assert len(audit_entries(database_url, "forum_ended")) == 1
    assert client.get(f"/staff/forums/{forum.join_code}?lang=en").text.count("Ended") >= 1
