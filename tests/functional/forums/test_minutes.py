"""Head counts, the participation gauge (cells under 5 hidden), the minutes, CSV, reports."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from gesi_app.reports.models import Channel, ReportType
from gesi_app.reports.service import report_by_code
from tests import factories
from tests.forums_support import add_forum, agenda_ids, audit_entries, forum_team, post
from tests.staff_support import sign_in, summary, token


def cells(html: str) -> list[str]:
    return re.findall(r"<td>(.*?)</td>", html)


def test_head_count_and_gauge(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    csrf = token(client)
    capture = f"/staff/forums/{forum.join_code}/capture"
    first = agenda_ids(client.get(capture).text)[0]
    for n in range(8):
        speaker = {"gender": "woman" if n < 6 else "man", "also": ["youth"] if n < 2 else []}
        post(client, capture, csrf, {"agenda_item": first, "text": f"Masukan {n}", **speaker})
    url = f"/staff/forums/{forum.join_code}/attendance"
    refused = post(
        client, f"{url}?lang=en", csrf, {"total": "", "women": "x", "youth": "30", "disability": ""}
    )
    assert refused.status_code == 400
    assert summary(refused.text) == {
        "total": "Enter how many people came, as a number",
        "women": "Enter a number, or leave it empty for 0",
    }
    assert 'value="30"' in refused.text
    too_many = post(
        client,
        f"{url}?lang=en",
        csrf,
        {"total": "20", "women": "21", "youth": "", "disability": ""},
    )
    assert summary(too_many.text) == {
        "women": "This cannot be more than the number of people who came"
    }
    saved = post(client, url, csrf, {"total": "20", "women": "10", "youth": "6", "disability": "2"})
    assert saved.status_code == 303
    page = client.get(f"{url}?lang=en").text
    # women: 6 of 8 inputs, 10 of 20 present; youth: 2 inputs hidden; disability: 0 and 2 hidden
    assert cells(page) == [
        "6 (75%)",
        "10 (50%)",
        "fewer than 5",
        "6 (30%)",
        "fewer than 5",
        "fewer than 5",
    ]
    assert len(audit_entries(database_url, "forum_attendance_counted")) == 1


def test_minutes_csv_and_a_tracked_report_from_an_input(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    csrf = token(client)
    capture = f"/staff/forums/{forum.join_code}/capture"
    first, second = agenda_ids(client.get(capture).text)
    post(client, capture, csrf, {"agenda_item": second, "text": "=HYPERLINK(1)"})
    post(client, capture, csrf, {"agenda_item": first, "text": "Antrean pagi terlalu panjang"})
    minutes = client.get(f"/staff/forums/{forum.join_code}/minutes?lang=en").text
    assert minutes.index("Antrean pagi") < minutes.index("=HYPERLINK")  # by agenda item
    assert "Make input 1.1 a tracked report" in minutes
    input_id = re.findall(r"/inputs/(\d+)/report", minutes)[0]
    made = post(client, f"/staff/forums/{forum.join_code}/inputs/{input_id}/report", csrf, {})
    assert made.status_code == 303
    code = made.headers["location"].split("reported=")[1]
    report = factories.run(database_url, lambda s: report_by_code(s, code))
    assert report.channel is Channel.FORUM and report.type is ReportType.ASPIRASI
    assert report.description == "Antrean pagi terlalu panjang"
    assert report.title == f"Antrean – {forum.title}"
    again = post(client, f"/staff/forums/{forum.join_code}/inputs/{input_id}/report", csrf, {})
    assert again.headers["location"].endswith(f"reported={code}")
    assert len(audit_entries(database_url, "forum_input_reported")) == 1
    missing = post(client, f"/staff/forums/{forum.join_code}/inputs/99999/report", csrf, {})
    assert missing.status_code == 404
    csv = client.get(f"/staff/forums/{forum.join_code}/minutes.csv?lang=en")
    assert csv.headers["content-type"] == "text/csv; charset=utf-8"
    rows = csv.text.lstrip("\ufeff").splitlines()
    assert rows[0] == "Number,Agenda item,Time,Input,Written by,Tracking code"
    assert rows[1].startswith("1,Antrean,2")
    assert rows[1].endswith(f",Antrean pagi terlalu panjang,Facilitator,{code}")
    assert rows[2].endswith(",'=HYPERLINK(1),Facilitator,")
