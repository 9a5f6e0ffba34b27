"""Admins add representatives to an approved community group from its page; they are listed
there (never in public), audited in words, and deactivated like any staff member."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import Role, StaffUser
from tests import factories
from tests.grouprep_support import REP_A, REP_A_EMAIL, audit_actions, post, rep_team
from tests.staff_support import sign_in, summary, title

NEW = {
    "full_name": "Rina Kanari Perwakilan",
    "username": "rina.rep",
    "email": "rina.kanari@example.org",
    "phone": "0812 5555 6666",
}


def users(database_url: str) -> dict[str, StaffUser]:
    async def go(session: AsyncSession) -> dict[str, StaffUser]:
        return {u.username: u for u in (await session.scalars(select(StaffUser))).all()}

    found: dict[str, StaffUser] = factories.run(database_url, go)
    return found


def test_an_admin_adds_a_representative_and_sees_it_on_the_groups_page(
    client: TestClient, database_url: str
) -> None:
    team = rep_team(database_url)
    assert sign_in(client, "admin").status_code == 303
    group_page = client.get(f"/staff/groups/{team.group_a}?lang=en").text
    assert "Representatives who sign in" in group_page
    assert REP_A in group_page and REP_A_EMAIL in group_page
    new_path = f"/staff/groups/{team.group_a}/representatives/new"
    assert f'href="{new_path}"' in group_page
    form = client.get(new_path)
    assert title(form.text) == "Add a representative of Karang Taruna Cisoka – Suara"
    added = post(client, new_path, NEW)
    assert added.status_code == 200
    assert "Representative added" in added.text
    assert "/staff/reset/" in added.text
    assert added.headers["cache-control"] == "no-store"
    rep = users(database_url)["rina.rep"]
    assert (rep.role, rep.group_id, rep.email, rep.phone) == (
        Role.GROUP_REP,
        team.group_a,
        "rina.kanari@example.org",
        "+6281255556666",
    )
    listed = client.get(f"/staff/groups/{team.group_a}?lang=en").text
    assert f'<a href="/staff/users/{rep.id}">Rina Kanari Perwakilan</a>' in listed
    assert ("group_rep_added", "admin", str(rep.id)) in audit_actions(database_url)
    audit = client.get("/staff/audit?action=group_rep_added&lang=en").text
    assert "Group representative added" in audit
    assert "Karang Taruna Cisoka" in audit and "Phone number" in audit
    # Never public.
    client.cookies.clear()
    for path in ("/groups?lang=en", "/groups"):
        assert "Kanari" not in client.get(path).text


@pytest.mark.parametrize(
    ("lang", "data", "errors"),
    [
        (
            "en",
            {"full_name": "", "username": "a b", "email": "", "phone": ""},
            {
                "full_name": "Enter the representative's full name",
                "username": "Use 3 to 60 characters: small letters a to z, numbers, dot, dash "
                "or underscore",
                "email": "Enter an email address or a phone number, so the representative can "
                "get a sign-in link",
            },
        ),
        (
            "en",
            {**NEW, "email": "rina@", "phone": "12"},
            {
                "email": "Enter an email address like name@example.go.id",
                "phone": "Enter a phone number like 0812 3456 7890",
            },
        ),
        (
            "en",
            {**NEW, "username": REP_A},
            {"username": "This username is already used. Choose another one"},
        ),
        ("id", {**NEW, "full_name": ""}, {"full_name": "Tulis nama lengkap perwakilan"}),
    ],
)
def test_bad_answers_are_said_on_the_same_page_and_kept(
    client: TestClient, database_url: str, lang: str, data: dict[str, str], errors: dict[str, str]
) -> None:
    team = rep_team(database_url)
    before = users(database_url)
    assert sign_in(client, "admin").status_code == 303
    new_path = f"/staff/groups/{team.group_a}/representatives/new"
    client.get(f"{new_path}?lang={lang}")
    response = post(client, new_path, data)
    assert response.status_code == 400
    assert title(response.text).startswith("Error:" if lang == "en" else "Kesalahan:")
    assert summary(response.text) == errors
    for value in data.values():
        if value:
            assert f'value="{value}"' in response.text
    assert users(database_url).keys() == before.keys()


def test_a_group_waiting_for_review_gets_no_representative(
    client: TestClient, database_url: str
) -> None:
    team = rep_team(database_url)
    assert sign_in(client, "admin").status_code == 303
    page = client.get(f"/staff/groups/{team.pending}?lang=en").text
    assert "You can add representatives once the group is approved." in page
    assert "/representatives/new" not in page
    response = post(client, f"/staff/groups/{team.pending}/representatives/new", NEW)
    assert response.status_code == 400
    assert summary(response.text) == {
        "full_name": "Approve the group before you add a representative"
    }
    assert "rina.rep" not in users(database_url)
    assert client.get("/staff/groups/999999/representatives/new").status_code == 404


def test_a_representative_is_deactivated_like_staff(client: TestClient, database_url: str) -> None:
    team = rep_team(database_url)
    rep_id = team.reps[REP_A]
    assert sign_in(client, "admin").status_code == 303
    page = client.get(f"/staff/users/{rep_id}?lang=en").text
    assert 'value="group_rep" checked' in page
    changed = post(
        client, f"/staff/users/{rep_id}", {"role": "group_rep", "agency": "", "active": "no"}
    )
    assert changed.status_code == 303
    rep = users(database_url)[REP_A]
    assert (rep.active, rep.group_id) == (False, team.group_a)
    listed = client.get(f"/staff/groups/{team.group_a}?lang=en").text
    assert "No, deactivated" in listed
    # A staff member cannot be turned into a representative from the team pages.
    verifier = team.team.ids["verifikator"]
    refused = post(
        client, f"/staff/users/{verifier}", {"role": "group_rep", "agency": "", "active": "yes"}
    )
    assert refused.status_code == 400
    assert users(database_url)["verifikator"].role is Role.VERIFIER
