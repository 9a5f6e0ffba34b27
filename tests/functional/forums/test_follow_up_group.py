"""A forum's follow-up item made a tracked report sent on behalf of an approved community
group: stored as collective with its counts and audited with its weight; the intake's bounds
and messages; an unapproved group refused; errors keep what was typed and change nothing;
the outcomes page's own button still makes a report of no group."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from starlette.testclient import TestClient

from gesi_app.groups.models import GroupState
from gesi_app.reports.models import Channel
from gesi_app.reports.service import report_by_code
from tests import factories
from tests.collective_support import COUNTS, MEMBERS
from tests.forum_outcomes_support import add_facilitator_account
from tests.forums_support import add_forum, audit_entries, forum_team, post
from tests.groups_support import add_group, regions
from tests.staff_support import sign_in, summary, title, token


@pytest.fixture
def ready(client: TestClient, database_url: str) -> dict[str, object]:
    team = forum_team(database_url)
    regions(database_url)
    approved = add_group(database_url, name="Approved Group", members=MEMBERS)
    pending = add_group(database_url, name="Pending Group", state=GroupState.PENDING)
    code = add_forum(database_url, team.ids["fasilitator"]).join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    plan = {
        "what": "Tambah loket antrean",
        "owner": str(team.agencies["dpupr"]),
        "due_day": "17",
        "due_month": "8",
        "due_year": str(dt.date.today().year + 1),
    }
    assert post(client, f"/staff/forums/{code}/follow-ups", csrf, plan).status_code == 303
    page = client.get(f"/staff/forums/{code}/outcomes?lang=en").text
    follow_up = re.findall(r"/follow-ups/(\d+)/group", page)[0]
    assert "Send follow-up 1 on behalf of a group" in page
    return {
        "code": code,
        "csrf": csrf,
        "url": f"/staff/forums/{code}/follow-ups/{follow_up}/group",
        "report_url": f"/staff/forums/{code}/follow-ups/{follow_up}/report",
        "approved": approved.id,
        "pending": pending.id,
    }


def _nothing_made(database_url: str) -> None:
    assert audit_entries(database_url, "forum_follow_up_reported") == []


@pytest.mark.parametrize("lang", ["en", "id"])
def test_sent_on_behalf_of_a_group(
    client: TestClient, database_url: str, ready: dict[str, object], lang: str
) -> None:
    url = f"{ready['url']}?lang={lang}"
    page = client.get(url)
    assert page.status_code == 200
    assert "Approved Group" in page.text and "Pending Group" not in page.text
    assert "Tambah loket antrean" in page.text
    made = post(client, url, str(ready["csrf"]), {"group": str(ready["approved"]), **COUNTS})
    assert made.status_code == 303
    tracking = made.headers["location"].split("reported=")[1]
    report = factories.run(database_url, lambda s: report_by_code(s, tracking))
    assert report.channel is Channel.FORUM and report.title == "Tambah loket antrean"
    assert (report.group_id, report.weight, report.on_behalf_women) == (ready["approved"], 85, 50)
    assert (report.on_behalf_youth, report.on_behalf_disability, report.on_behalf_signed) == (
        20,
        12,
        60,
    )
    assert report.anonim is False  # it shows the group's name
    [entry] = audit_entries(database_url, "forum_follow_up_reported")
    assert entry.after["weight"] == 85 and entry.after["group"] == ready["approved"]
    again = client.get(url, follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].endswith(tracking)
    outcomes = client.get(f"/staff/forums/{ready['code']}/outcomes?lang=en").text
    assert tracking in outcomes and "on behalf of a group" not in outcomes


@pytest.mark.parametrize(
    ("lang", "change", "errors"),
    [
        ("en", {"behalf_total": "121"}, {"behalf_total": "Enter a number from 1 to 120, the members your group registered"}),
        ("en", {"behalf_women": "86"}, {"behalf_women": "The number of women cannot be more than the people you speak for or your members"}),
        ("en", {"behalf_youth": "many"}, {"behalf_youth": "Enter the number of young people as a whole number, like 12"}),
        ("en", {"behalf_disability": ""}, {"behalf_disability": "Enter how many of them have a disability. Enter 0 if none"}),
        ("id", {"behalf_total": "121"}, {"behalf_total": "Isi angka dari 1 sampai 120, jumlah anggota yang didaftarkan kelompok Anda"}),
    ],
)  # fmt: skip
def test_bounds_keep_what_was_typed_and_change_nothing(
    client: TestClient,
    database_url: str,
    ready: dict[str, object],
    lang: str,
    change: dict[str, str],
    errors: dict[str, str],
) -> None:
    data = {"group": str(ready["approved"]), **COUNTS, **change}
    response = post(client, f"{ready['url']}?lang={lang}", str(ready["csrf"]), data)
    assert response.status_code == 400
    assert summary(response.text) == errors
    assert title(response.text).startswith("Error:" if lang == "en" else "Kesalahan:")
    for value in change.values():
        if value:
            assert f'value="{value}"' in response.text
    assert 'value="50"' in response.text or change.get("behalf_women")
    _nothing_made(database_url)


def test_an_unapproved_group_or_none_is_refused(
    client: TestClient, database_url: str, ready: dict[str, object]
) -> None:
    url, csrf = f"{ready['url']}?lang=en", str(ready["csrf"])
    pending = post(client, url, csrf, {"group": str(ready["pending"]), **COUNTS})
    assert pending.status_code == 400
    assert summary(pending.text) == {"group": "Choose a group from the list"}
    counts_only = post(client, url, csrf, {"group": "", **COUNTS})
    assert summary(counts_only.text) == {
        "group": "Choose the group that sent the petition, or clear the counts"
    }
    nothing = post(client, f"{ready['url']}?lang=id", csrf, {"group": ""})
    assert nothing.status_code == 400
    assert title(nothing.text).startswith("Kesalahan:")
    assert list(summary(nothing.text)) == ["group"]
    _nothing_made(database_url)


def test_without_a_group_the_report_is_as_before(
    client: TestClient, database_url: str, ready: dict[str, object]
) -> None:
    made = post(client, str(ready["report_url"]), str(ready["csrf"]), {})
    assert made.status_code == 303
    tracking = made.headers["location"].split("reported=")[1]
    report = factories.run(database_url, lambda s: report_by_code(s, tracking))
    assert report.group_id is None and report.weight == 1 and report.anonim is True
    [entry] = audit_entries(database_url, "forum_follow_up_reported")
    assert "weight" not in entry.after
    page = client.get(f"{ready['url']}?lang=en", follow_redirects=False)
    assert page.status_code == 303  # already a report: nothing more to send


def test_only_the_forums_facilitators(
    client: TestClient, database_url: str, ready: dict[str, object]
) -> None:
    add_facilitator_account(database_url, "fasilitator2")
    sign_in(client, "fasilitator2")
    assert client.get(str(ready["url"])).status_code == 403
    data = {"group": str(ready["approved"]), **COUNTS}
    assert post(client, str(ready["url"]), token(client), data).status_code == 403
    _nothing_made(database_url)
