"""Changing a forum's details (the set-up form and its checks again; agenda items with inputs
stay) and adding facilitators (only the owner or an admin; then the added one runs it)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import StaffUser
from gesi_app.forums.attendance import Counts, set_head_count
from gesi_app.forums.facilitators import NotFacilitator
from gesi_app.forums.models import ForumState
from gesi_app.forums.outcomes import add_theme
from gesi_app.forums.service import advance_state, forum_by_code
from tests import factories
from tests.forum_outcomes_support import add_facilitator_account, capture
from tests.forums_support import SETUP_FORM, add_forum, audit_entries, forum_team, post
from tests.staff_support import sign_in, summary, title, token


def test_changing_a_forum(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    capture(client, code, csrf, [(1, "Obat sering habis")])  # the second item, "Obat"
    url = f"/staff/forums/{code}/edit"
    page = client.get(f"{url}?lang=en").text
    assert 'value="Forum Konsultasi Publik Puskesmas"' in page
    assert ">Antrean\nObat</textarea>" in page
    assert 'value="09.30"' in page  # 02.30 UTC in Jakarta

    refused = post(client, f"{url}?lang=en", csrf, {**SETUP_FORM, "title": "Abc", "time": "25.00"})
    assert refused.status_code == 400
    assert title(refused.text).startswith("Error: ")
    assert summary(refused.text) == {
        "title": "The title must be 5 to 150 characters",
        "time": "Enter the time as hours and minutes, for example 09.30",
    }
    in_use = post(client, f"{url}?lang=en", csrf, {**SETUP_FORM, "agenda": "Antrean\n"})
    assert in_use.status_code == 400
    assert summary(in_use.text) == {
        "agenda": "“Obat” has inputs, so it cannot be removed. Keep it in the list"
    }
    assert ">Antrean</textarea>" in in_use.text  # kept as typed
    assert audit_entries(database_url, "forum_changed") == []

    changed = {
        **SETUP_FORM,
        "agency": str(team.agencies["dpupr"]),
        "agenda": "Obat\nJadwal dokter",  # "Obat" kept, moved up; "Antrean" renamed
        "accommodations": ["captions"],
    }
    saved = post(client, url, csrf, changed)
    assert saved.status_code == 303 and saved.headers["location"].endswith("?changed=1")
    overview = client.get(f"/staff/forums/{code}?lang=en").text
    assert "Musrenbang Kecamatan Balaraja" in overview and "Public Works Agency" in overview
    assert re.findall(r"<ol><li>(.*?)</li><li>(.*?)</li></ol>", overview) == [
        ("Obat", "Jadwal dokter")
    ]
    assert "Live captions" in overview
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    # the input stayed with its item
    first, second = minutes.index("1. Obat</h3>"), minutes.index("2. Jadwal dokter</h3>")
    assert first < minutes.index("Obat sering habis") < second
    (entry,) = audit_entries(database_url, "forum_changed")
    assert entry.after is not None and "agenda" in entry.after and "place" in entry.after


def test_adding_a_facilitator(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    second = add_facilitator_account(database_url, "fasilitator2")
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    url = f"/staff/forums/{code}/facilitators"

    sign_in(client, "fasilitator2")
    assert forum.title not in client.get("/staff/forums").text  # not theirs: not listed
    assert client.get(f"/staff/forums/{code}").status_code == 403
    assert client.get(f"/staff/forums/{code}/capture").status_code == 403
    assert post(client, url, token(client), {"facilitator": str(second)}).status_code == 403

    sign_in(client, "fasilitator")
    csrf = token(client)
    page = client.get(f"{url}?lang=en").text
    assert "Fasilitator (set the forum up)" in page and f'value="{second}"' in page
    refused = post(client, f"{url}?lang=en", csrf, {"facilitator": str(team.ids["verifikator"])})
    assert refused.status_code == 400
    assert summary(refused.text) == {"facilitator": "Choose a facilitator from the list"}
    added = post(client, url, csrf, {"facilitator": str(second)})
    assert added.status_code == 303
    assert "Fasilitator2 can now run this forum." in client.get(added.headers["location"]).text
    assert len(audit_entries(database_url, "forum_facilitator_added")) == 1

    sign_in(client, "fasilitator2")
    csrf = token(client)
    assert forum.title in client.get("/staff/forums").text
    assert client.get(f"/staff/forums/{code}/themes").status_code == 200
    assert (
        post(client, f"/staff/forums/{code}/agreed", csrf, {"point": "Setuju"}).status_code == 303
    )
    page = client.get(f"{url}?lang=en").text
    assert "Only the person who set the forum up, or an admin, can add facilitators." in page


def test_the_services_refuse_a_facilitator_of_another_forum(database_url: str) -> None:
    team = forum_team(database_url)
    other = add_facilitator_account(database_url, "fasilitator2")
    forum = add_forum(database_url, team.ids["fasilitator"], live=False)

    async def work(session: AsyncSession) -> ForumState:
        user = await session.get_one(StaffUser, other)
        found = await forum_by_code(session, forum.join_code)
        with pytest.raises(NotFacilitator):
            await advance_state(session, user, found, ForumState.LIVE)
        with pytest.raises(NotFacilitator):
            await set_head_count(session, user, found, Counts(10, 5, 2, 1))
        with pytest.raises(NotFacilitator):
            await add_theme(session, user, found, "Jalan")
        admin = await session.get_one(StaffUser, team.ids["admin"])
        await advance_state(session, admin, found, ForumState.LIVE)
        return (await forum_by_code(session, forum.join_code)).state

    assert factories.run(database_url, work) is ForumState.LIVE
    assert [e.actor_username for e in audit_entries(database_url, "forum_started")] == ["admin"]


def test_the_overview_says_the_details_were_changed(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    url = f"/staff/forums/{forum.join_code}"
    assert "The forum's details are changed." in client.get(f"{url}?changed=1&lang=en").text
    assert "The forum's details are changed." not in client.get(f"{url}?lang=en").text
