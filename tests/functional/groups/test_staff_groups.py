"""Community groups for admins: lists by state, review (approve, or reject with a reason),
adding a group, changing one; every change of member counts in the group's history."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from gesi_app.groups.models import GroupState
from tests.casework_support import audit_entries
from tests.groups_support import DESA, KECAMATAN, REP_NAME, add_group, groups, regions, register
from tests.staff_support import make_team, sign_in, summary, title, token

FORM = {
    "name": "Himpunan Wanita Disabilitas Solear",
    "kind": "women",
    "region": KECAMATAN,
    "speaks_for": "Perempuan penyandang disabilitas di Solear",
    "members_total": "60",
    "members_women": "60",
    "members_youth": "12",
    "members_disability": "58",
    "rep_name": "Rina Kartika",
    "rep_email": "rina@example.org",
    "rep_phone": "",
}


@pytest.fixture(autouse=True)
def _regions(database_url: str) -> None:
    regions(database_url)


def post(client: TestClient, url: str, form: dict[str, str]) -> object:
    return client.post(
        url,
        params={"lang": "en"},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def test_admin_approves_a_registered_group_and_it_becomes_public(
    client: TestClient, database_url: str
) -> None:
    assert register(client).status_code == 303
    [(group, _contact)] = groups(database_url)
    team = make_team(database_url)
    sign_in(client, "admin")
    assert 'href="/staff/groups"' in client.get("/staff?lang=en").text
    listed = client.get("/staff/groups?lang=en").text
    assert "Waiting for review (1)" in listed and "Persatuan Tuli Cisoka" in listed
    detail = client.get(f"/staff/groups/{group.id}?lang=en").text
    assert REP_NAME in detail and group.reference in detail  # admins see the representative
    assert client.get(f"/groups/{group.slug}").status_code == 404
    done = post(client, f"/staff/groups/{group.id}/review", {"decision": "approve"})
    assert done.status_code == 303  # type: ignore[attr-defined]
    assert done.headers["location"] == f"/staff/groups/{group.id}?saved=1"  # type: ignore[attr-defined]
    assert client.get(f"/groups/{group.slug}").status_code == 200
    [entry] = audit_entries(database_url, "group_approved")
    assert entry.actor_id == team.ids["admin"]
    assert entry.before is not None and entry.before["group_state"] == "pending"
    assert entry.after is not None and entry.after["group_state"] == "approved"


def test_rejecting_needs_a_reason_and_keeps_the_group_off_the_public_pages(
    client: TestClient, database_url: str
) -> None:
    group = add_group(database_url, state=GroupState.PENDING)
    make_team(database_url)
    sign_in(client, "admin")
    empty = post(client, f"/staff/groups/{group.id}/review", {})
    assert empty.status_code == 400  # type: ignore[attr-defined]
    assert summary(empty.text) == {"decision": "Choose whether to approve the group"}  # type: ignore[attr-defined]
    no_reason = post(client, f"/staff/groups/{group.id}/review", {"decision": "reject"})
    assert summary(no_reason.text) == {"reason": "Say why the group is rejected"}  # type: ignore[attr-defined]
    assert title(no_reason.text).startswith("Error: ")  # type: ignore[attr-defined]
    assert 'value="reject" checked' in no_reason.text  # type: ignore[attr-defined]
    assert groups(database_url)[0][0].state is GroupState.PENDING
    rejected = post(
        client,
        f"/staff/groups/{group.id}/review",
        {"decision": "reject", "reason": "Nomor telepon tidak bisa dihubungi"},
    )
    assert rejected.status_code == 303  # type: ignore[attr-defined]
    stored = groups(database_url)[0][0]
    assert (stored.state, stored.reason) == (
        GroupState.REJECTED,
        "Nomor telepon tidak bisa dihubungi",
    )
    assert client.get(f"/groups/{group.slug}").status_code == 404
    assert "Nomor telepon tidak bisa dihubungi" in client.get(f"/staff/groups/{group.id}").text


def test_admin_adds_a_group_approved_at_once(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    form = client.get("/staff/groups/new?lang=en")
    assert form.status_code == 200
    added = post(client, "/staff/groups/new", FORM)
    assert added.status_code == 303  # type: ignore[attr-defined]
    assert added.headers["location"] == "/staff/groups?saved=1"  # type: ignore[attr-defined]
    [(group, contact)] = groups(database_url)
    assert (group.state, group.created_by_staff, group.region_code) == (
        GroupState.APPROVED,
        True,
        KECAMATAN,
    )
    assert (contact.name, contact.email, contact.phone) == (
        "Rina Kartika",
        "rina@example.org",
        None,
    )
    assert "Himpunan Wanita Disabilitas Solear" in client.get("/groups").text
    [entry] = audit_entries(database_url, "group_added")
    assert entry.after is not None and entry.after["members_total"] == 60


def test_a_bad_form_changes_nothing_and_keeps_what_was_typed(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    bad = {**FORM, "members_women": "61", "rep_email": "", "region": ""}
    response = post(client, "/staff/groups/new", bad)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == {  # type: ignore[attr-defined]
        "region": "Choose the area of the group",
        "members_women": "The number of women cannot be more than all members",
        "rep_email": "Enter an email address or a phone number, so we can reach you",
    }
    assert 'value="61"' in response.text  # type: ignore[attr-defined]
    not_ours = post(client, "/staff/groups/new", {**FORM, "region": "99.99"})
    assert summary(not_ours.text) == {"region": "Choose the area of the group"}  # type: ignore[attr-defined]
    assert groups(database_url) == []


def test_every_change_of_member_counts_is_in_the_history(
    client: TestClient, database_url: str
) -> None:
    assert register(client).status_code == 303
    [(group, _contact)] = groups(database_url)
    team = make_team(database_url)
    sign_in(client, "admin")
    edit = client.get(f"/staff/groups/{group.id}/edit?lang=en")
    assert 'value="42"' in edit.text and REP_NAME in edit.text
    changed = {
        **FORM,
        "name": group.name,
        "kind": "disability",
        "region": DESA,
        "members_total": "45",
        "members_women": "20",
        "members_youth": "3",
        "members_disability": "44",
    }
    assert post(client, f"/staff/groups/{group.id}/edit", changed).status_code == 303  # type: ignore[attr-defined]
    [entry] = audit_entries(database_url, "group_changed")
    assert entry.actor_id == team.ids["admin"]
    assert entry.before is not None and entry.after is not None
    assert (entry.before["members_total"], entry.after["members_total"]) == (42, 45)
    assert (entry.before["members_disability"], entry.after["members_disability"]) == (40, 44)
    history = client.get(f"/staff/groups/{group.id}?lang=en").text.split('id="history-title"')[1]
    assert "All members: 42 → 45" in history
    assert "People with disabilities: 40 → 44" in history
    assert "admin" in history and "The representative" in history
    # The same form again changes nothing, and records nothing.
    assert post(client, f"/staff/groups/{group.id}/edit", changed).status_code == 303  # type: ignore[attr-defined]
    assert len(audit_entries(database_url, "group_changed")) == 1


def test_other_roles_and_strangers_cannot_see_groups_pages(
    client: TestClient, database_url: str
) -> None:
    group = add_group(database_url, state=GroupState.PENDING)
    assert client.get("/staff/groups", follow_redirects=False).status_code == 303
    make_team(database_url)
    sign_in(client, "verifikator")
    assert client.get("/staff/groups").status_code == 403
    assert client.get(f"/staff/groups/{group.id}").status_code == 403
    assert REP_NAME not in client.get(f"/staff/groups/{group.id}").text
