"""Outcomes: themes and merged duplicates, agreed points, the follow-up plan and its reports,
the minutes (berita acara) with them and as PDF, and who may do it."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from gesi_app.db.engine import create_engine, session_factory
from gesi_app.forums.live import event_stream
from gesi_app.live.broker import InProcessBroker
from gesi_app.reports.models import Channel
from gesi_app.reports.service import report_by_code
from tests import factories
from tests.forum_outcomes_support import add_facilitator_account, capture
from tests.forums_support import add_forum, audit_entries, forum_team, post
from tests.staff_support import sign_in, summary, title, token


def test_themes_and_merging_duplicates(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    first, repeat, other = capture(
        client,
        code,
        csrf,
        [(0, "Antrean pagi panjang"), (0, "Antrean terlalu panjang"), (1, "Obat sering habis")],
    )
    url = f"/staff/forums/{code}/themes"
    empty = post(client, f"{url}?lang=en", csrf, {"theme_title": ""})
    assert empty.status_code == 400
    assert title(empty.text).startswith("Error: Themes and duplicates")
    assert summary(empty.text) == {"theme_title": "Enter the name of the theme"}
    long = post(client, f"{url}?lang=en", csrf, {"theme_title": "x" * 101})
    assert summary(long.text) == {"theme_title": "The name must be 100 characters or fewer"}
    assert 'value="' + "x" * 101 + '"' in long.text
    assert post(client, url, csrf, {"theme_title": "Layanan"}).status_code == 303
    select = re.search(r'id="theme"(.*?)</select>', client.get(url).text, re.S)
    assert select
    (theme,) = re.findall(r'<option value="(\d+)"', select[1])

    assign = f"/staff/forums/{code}/themes/assign?lang=en"
    refused = post(client, assign, csrf, {"theme": "9999"})
    assert summary(refused.text) == {
        "inputs": "Tick at least one input",
        "theme": "Choose the theme from the list",
    }
    grouped = post(client, assign, csrf, {"inputs": [str(first), str(repeat)], "theme": theme})
    assert grouped.status_code == 303

    merge = f"/staff/forums/{code}/merge?lang=en"
    same = post(client, merge, csrf, {"duplicate": str(repeat), "into": str(repeat)})
    assert summary(same.text) == {"into": "Choose a different input from the one that repeats it"}
    assert post(client, merge, csrf, {"duplicate": "", "into": "x"}).status_code == 400
    assert len(audit_entries(database_url, "forum_input_merged")) == 0
    merged = post(client, merge, csrf, {"duplicate": str(repeat), "into": str(first)})
    assert merged.status_code == 303
    page = client.get(f"{url}?lang=en").text
    assert f"Merged into #{first}" in page
    assert f'name="inputs" type="checkbox" value="{repeat}"' not in page  # listed once
    again = post(client, merge, csrf, {"duplicate": str(repeat), "into": str(other)})
    assert summary(again.text) == {"duplicate": "Choose the input that repeats another"}

    board = client.get(f"/forums/{code}/board").text
    assert "Antrean pagi panjang" in board and "Antrean terlalu panjang" not in board
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert "2 inputs · 1 duplicate merged" in minutes
    assert "Said once more (1 duplicate merged)" in minutes
    assert "Antrean terlalu panjang" not in minutes
    by_theme = minutes[minutes.index("Inputs by theme") :]
    assert "Layanan (1 input)" in by_theme and "No theme (1 input)" in by_theme
    assert by_theme.index("Antrean pagi") < by_theme.index("No theme") < by_theme.index("Obat")
    csv = client.get(f"/staff/forums/{code}/minutes.csv").text
    assert "Antrean terlalu panjang" not in csv and len(csv.strip().splitlines()) == 3
    for action in ("forum_theme_added", "forum_inputs_themed", "forum_input_merged"):
        assert len(audit_entries(database_url, action)) == 1


FOLLOW_UP_ERRORS = [
    (
        {"what": "", "owner": "", "due_day": "", "due_month": "", "due_year": ""},
        {
            "what": "Enter what will be done",
            "owner": "Choose the agency that will do it",
            "due_day": "Enter the date it is due",
        },
    ),
    (
        {"what": "Perbaiki jalan", "due_day": "31", "due_month": "2", "due_year": "2031"},
        {"due_day": "Enter a real date, for example 17 8 2026"},
    ),
    (
        {"what": "Perbaiki jalan", "due_day": "3", "due_month": "", "due_year": "2031"},
        {"due_month": "The date must include a month"},
    ),
    (
        {"what": "Perbaiki jalan", "due_day": "3", "due_month": "2", "due_year": "2020"},
        {"due_day": "The due date must be today or later"},
    ),
    (
        {"what": "x" * 501, "due_day": "3", "due_month": "2", "due_year": "31"},
        {
            "what": "Write 500 characters or fewer",
            "due_year": "Enter the year with 4 digits, for example 2026",
        },
    ),
]


@pytest.mark.parametrize(("form", "errors"), FOLLOW_UP_ERRORS)
def test_follow_up_errors(
    client: TestClient, database_url: str, form: dict[str, str], errors: dict[str, str]
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    owner = form.get("owner", str(team.agencies["dpupr"]))
    url = f"/staff/forums/{forum.join_code}/follow-ups?lang=en"
    refused = post(client, url, token(client), {**form, "owner": owner})
    assert refused.status_code == 400
    assert summary(refused.text) == errors
    assert title(refused.text).startswith("Error: ")
    if form["what"]:
        assert form["what"] in refused.text  # kept as typed
    assert audit_entries(database_url, "forum_follow_up_added") == []


def test_agreed_points_follow_up_plan_minutes_and_pdf(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    capture(client, code, csrf, [(0, "Antrean pagi panjang"), (1, "Obat sering habis")])
    agreed = f"/staff/forums/{code}/agreed?lang=en"
    assert summary(post(client, agreed, csrf, {"point": " "}).text) == {
        "point": "Enter the point that was agreed"
    }
    assert post(client, agreed, csrf, {"point": "Loket dibuka pukul 07.00"}).status_code == 303
    year = str(dt.date.today().year + 1)
    plan = {
        "what": "Tambah loket antrean",
        "owner": str(team.agencies["dpupr"]),
        "due_day": "17",
        "due_month": "8",
        "due_year": year,
    }
    added = post(client, f"/staff/forums/{code}/follow-ups", csrf, plan)
    assert added.status_code == 303
    page = client.get(f"/staff/forums/{code}/outcomes?lang=en").text
    assert "Loket dibuka pukul 07.00" in page and "Tambah loket antrean" in page
    assert f"August 17, {year}" in page and "Public Works Agency" in page
    follow_up = re.findall(r"/follow-ups/(\d+)/report", page)[0]
    made = post(client, f"/staff/forums/{code}/follow-ups/{follow_up}/report", csrf, {})
    tracking = made.headers["location"].split("reported=")[1]
    report = factories.run(database_url, lambda s: report_by_code(s, tracking))
    assert report.channel is Channel.FORUM and report.title == "Tambah loket antrean"
    again = post(client, f"/staff/forums/{code}/follow-ups/{follow_up}/report", csrf, {})
    assert again.headers["location"].endswith(f"reported={tracking}")
    missing = post(client, f"/staff/forums/{code}/follow-ups/99999/report", csrf, {})
    assert missing.status_code == 404

    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert "2 inputs" in minutes and "Loket dibuka pukul 07.00" in minutes
    assert tracking in minutes and "Community representative" in minutes
    assert "Name: Fasilitator" in minutes

    pdf = client.get(f"/staff/forums/{code}/minutes.pdf?lang=en")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    text = re.sub(r"\s+", " ", text)
    for expected in (
        forum.title,
        "2 inputs",
        "1.1 Antrean pagi panjang",
        "2.1 Obat sering habis",
        "Loket dibuka pukul 07.00",
        "Tambah loket antrean",
        tracking,
        "Facilitator",
        "Agency representative",
        "Community representative",
    ):
        assert expected in text, expected
    assert "Make input" not in text  # no buttons on paper
    for action in ("forum_point_agreed", "forum_follow_up_added", "forum_follow_up_reported"):
        assert len(audit_entries(database_url, action)) == 1


def test_only_the_forums_facilitators_and_admins_act(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    add_facilitator_account(database_url, "fasilitator2")
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator2")
    csrf = token(client)
    for path in ("themes", "outcomes", "minutes.pdf"):
        assert client.get(f"/staff/forums/{code}/{path}").status_code == 403
    refused = post(client, f"/staff/forums/{code}/agreed", csrf, {"point": "Setuju"})
    assert refused.status_code == 403
    assert audit_entries(database_url, "forum_point_agreed") == []
    sign_in(client, "admin")
    assert (
        post(client, f"/staff/forums/{code}/agreed", token(client), {"point": "Setuju"}).status_code
        == 303
    )


def test_a_reconnecting_board_gets_a_merged_duplicate_once(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    csrf = token(client)
    first, repeat = capture(client, forum.join_code, csrf, [(0, "Satu"), (0, "Satu lagi")])
    merged = {"duplicate": str(repeat), "into": str(first)}
    assert post(client, f"/staff/forums/{forum.join_code}/merge", csrf, merged).status_code == 303

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

    retry, only, keepalive = asyncio.run(backlog())
    assert retry.startswith("retry:") and keepalive == ": still here\n\n"
    assert only.startswith(f"id: {first}\n") and '"Satu"' in only
