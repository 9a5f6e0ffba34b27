"""The prioritising pages over HTTP: a facilitator opens a dot vote and a statement round,
participants vote with plain forms (errors keep what was typed and change nothing), the
facilitator enters room dots, and the results show with small cells suppressed."""

from __future__ import annotations

import io
import re
from contextlib import ExitStack
from typing import Any

from pypdf import PdfReader
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.settings import Settings
from tests.forums_support import add_forum, agenda_ids, audit_entries, forum_team, post
from tests.staff_support import sign_in, summary, title, token


def joined_phone(
    stack: ExitStack, settings: Settings, url: str, **answers: str
) -> tuple[TestClient, str]:
    """Another person's phone, joined; one event loop for its whole life (PostgreSQL's pool)."""
    phone = stack.enter_context(TestClient(create_app(settings)))
    csrf = token(phone)
    assert post(phone, f"{url}/join", csrf, answers).status_code == 303
    return phone, csrf


def dot_fields(html: str) -> list[str]:
    return re.findall(r'name="(dots-\d+)"', html)


def rows_of(html: str) -> list[tuple[str, ...]]:
    """Dot results: input, dots, counted in the room, from women, from young people."""
    return re.findall(
        r'<th scope="row" class="pre-line">([^<]+)</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>'
        r"\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>",
        html,
    )


def send(phone: TestClient, csrf: str, url: str, text: str) -> None:
    agenda = agenda_ids(phone.get(url).text)
    assert (
        post(phone, f"{url}/inputs", csrf, {"agenda_item": agenda[0], "text": text}).status_code
        == 303
    )


def test_dot_vote_from_opening_to_results(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}"
    staff_url = f"/staff/forums/{forum.join_code}/prioritise"
    woman: dict[str, Any] = {"gender": "woman", "youth": "no", "consent": "yes"}
    stack = ExitStack()
    phones = [joined_phone(stack, settings, url, **woman) for _ in range(5)]
    first, csrf = phones[0]
    send(first, csrf, url, "Antrean terlalu panjang")
    send(first, csrf, url, "Loket kurang")
    assert "No dot vote is open right now" in first.get(f"{url}/dots?lang=en").text

    sign_in(client, "fasilitator")
    staff_csrf = token(client)
    refused = post(client, f"{staff_url}/dot-vote?lang=en", staff_csrf, {"dots": "11"})
    assert refused.status_code == 400
    assert summary(refused.text) == {
        "vote_on": "Choose an agenda item, or all inputs",
        "dots": "Enter a whole number of dots from 1 to 10",
    }
    assert title(refused.text) == "Error: Prioritising – Suara"
    assert 'value="11"' in refused.text
    assert audit_entries(database_url, "forum_dot_vote_opened") == []
    opened = post(
        client,
        f"{staff_url}/dot-vote",
        staff_csrf,
        {"vote_on": agenda_ids(first.get(url).text)[0], "dots": "3"},
    )
    assert opened.status_code == 303

    page = first.get(f"{url}/dots?lang=en").text
    fields = dot_fields(page)
    assert len(fields) == 2 and "You have 3 dots" in page
    too_many = post(first, f"{url}/dots?lang=en", csrf, {fields[0]: "2", fields[1]: "2"})
    assert too_many.status_code == 400
    assert summary(too_many.text) == {
        fields[0]: "You have 3 dots: take some away so they add up to 3 or fewer"
    }
    assert 'value="2"' in too_many.text
    assert 'value="2"' not in first.get(f"{url}/dots?lang=en").text  # nothing was saved
    not_number = post(first, f"{url}/dots?lang=en", csrf, {fields[0]: "x", fields[1]: "4"})
    assert summary(not_number.text) == {
        fields[0]: "Enter a whole number from 0 to 3",
        fields[1]: "Enter a whole number from 0 to 3",
    }
    for phone, phone_csrf in phones:
        saved = post(phone, f"{url}/dots", phone_csrf, {fields[0]: "1", fields[1]: "2"})
        assert saved.status_code == 303
    # Changing one's dots replaces them; the page shows them again.
    post(first, f"{url}/dots", csrf, {fields[0]: "3", fields[1]: ""})
    again = first.get(f"{url}/dots?saved=1&lang=en").text
    assert (
        "Your dots are saved" in again
        and f'name="{fields[0]}" type="text"\n         value="3"' in again
    )

    room = post(client, f"{staff_url}/room-dots?lang=en", staff_csrf, {fields[0]: "-1"})
    assert room.status_code == 400
    assert summary(room.text) == {fields[0]: "Enter a whole number from 0 to 9999"}
    assert post(client, f"{staff_url}/room-dots", staff_csrf, {fields[1]: "7"}).status_code == 303
    results = client.get(f"{staff_url}?lang=en").text
    # Input 1: 4 women x1 + 3 = 7, all from women; input 2: 4 x2 + 7 in the room = 15,
    # of them 8 from women. Youth: none (under 5, suppressed).
    rows = rows_of(results)
    assert rows == [
        ("Loket kurang", "15", "7", "8 (53%)", "fewer than 5"),
        ("Antrean terlalu panjang", "7", "0", "7 (100%)", "fewer than 5"),
    ]
    minutes = client.get(f"/staff/forums/{forum.join_code}/minutes?lang=en").text
    assert "<h2>Prioritising</h2>" in minutes
    assert rows_of(minutes) == rows
    csv_rows = client.get(f"/staff/forums/{forum.join_code}/prioritising.csv?lang=en").text
    assert csv_rows.splitlines()[1:] == [
        "Dot vote,1,Antrean,Loket kurang,15,7,,,",
        "Dot vote,1,Antrean,Antrean terlalu panjang,7,0,,,",
    ]
    post(client, f"{staff_url}/dot-vote/close", staff_csrf, {})
    closed = post(first, f"{url}/dots?lang=en", csrf, {fields[0]: "1"})
    assert closed.status_code == 409 and "No dot vote is open right now" in closed.text
    assert len(audit_entries(database_url, "forum_room_dots_counted")) == 1
    assert len(audit_entries(database_url, "forum_dot_vote_closed")) == 1
    stack.close()


def test_statements_round_from_writing_to_results(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}"
    staff_url = f"/staff/forums/{forum.join_code}/prioritise"
    sign_in(client, "fasilitator")
    staff_csrf = token(client)
    long = post(client, f"{staff_url}/statements?lang=en", staff_csrf, {"statement": "x" * 141})
    assert long.status_code == 400
    assert summary(long.text) == {"statement": "The statement must be 140 characters or fewer"}
    empty = post(client, f"{staff_url}/statements?lang=en", staff_csrf, {"statement": " "})
    assert summary(empty.text) == {"statement": "Write the statement"}
    assert audit_entries(database_url, "forum_statement_added") == []
    post(client, f"{staff_url}/statements", staff_csrf, {"statement": "Puskesmas buka malam"})

    stack = ExitStack()
    phone, csrf = joined_phone(stack, settings, url, gender="man", youth="yes", consent="yes")
    assert "No statements are open right now" in phone.get(f"{url}/statements?lang=en").text
    post(client, f"{staff_url}/statements/round", staff_csrf, {"round": "open"})
    page = phone.get(f"{url}/statements?lang=en").text
    [field] = set(re.findall(r'name="(statement-\d+)"', page))
    missing = post(phone, f"{url}/statements?lang=en", csrf, {})
    assert missing.status_code == 400
    assert summary(missing.text) == {field: "Choose agree, disagree or pass"}
    assert title(missing.text) == "Error: Agree or disagree – Suara"
    assert post(phone, f"{url}/statements", csrf, {field: "agree"}).status_code == 303
    assert post(phone, f"{url}/statements", csrf, {field: "disagree"}).status_code == 303
    results = client.get(f"{staff_url}?lang=en").text
    assert "Puskesmas buka malam – 1 answer" in results
    assert (
        '<tr><th scope="row">Everyone</th><td>0 (0%)</td><td>1 (100%)</td><td>0 (0%)</td></tr>'
        in results
    )
    minutes = client.get(f"/staff/forums/{forum.join_code}/minutes?lang=en").text
    assert "Puskesmas buka malam – 1 answer" in minutes
    # The PDF is laid out from the same minutes body, so the round is in it too.
    pdf = client.get(f"/staff/forums/{forum.join_code}/minutes.pdf?lang=en")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Prioritising" in text and "Puskesmas buka malam" in text
    csv_file = client.get(f"/staff/forums/{forum.join_code}/prioritising.csv?lang=en")
    assert csv_file.headers["content-type"] == "text/csv; charset=utf-8"
    assert csv_file.text.splitlines() == [
        "\ufeffKind,Dot vote,Agenda item,Input or statement,Dots,Counted in the room,"
        "Agree,Disagree,Pass",
        "Statement,,,Puskesmas buka malam,,,0,1,0",
    ]
    post(client, f"{staff_url}/statements/round", staff_csrf, {"round": "close"})
    late = post(phone, f"{url}/statements?lang=en", csrf, {field: "agree"})
    assert late.status_code == 409
    assert len(audit_entries(database_url, "forum_statements_closed")) == 1
    stack.close()


def test_a_visitor_who_has_not_joined_is_sent_to_join(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    for path in ("dots", "statements"):
        response = client.get(f"/forums/{forum.join_code}/{path}", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == f"/forums/{forum.join_code}#join"
