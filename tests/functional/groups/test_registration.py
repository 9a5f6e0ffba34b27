"""Registering a community group: every step, both languages, errors that keep what was
typed, POST/redirect/GET, check your answers and the confirmation with a reference."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.groups.models import GroupDraft, GroupKind, GroupState
from tests import factories
from tests.casework_support import audit_entries
from tests.conftest import form_token
from tests.groups_support import (
    ANSWERS,
    DESA,
    KECAMATAN,
    REP_EMAIL,
    REP_NAME,
    REP_PHONE,
    REP_PHONE_E164,
    answer,
    answer_all,
    groups,
    regions,
    register,
)
from tests.staff_support import summary, title


@pytest.fixture(autouse=True)
def _regions(database_url: str) -> None:
    regions(database_url)


def test_a_representative_registers_a_group_step_by_step(
    client: TestClient, database_url: str
) -> None:
    start = client.get("/groups/register?lang=en")
    assert start.status_code == 200
    assert 'href="/groups/register/name"' in start.text
    for index, (slug, data) in enumerate(ANSWERS):
        response = answer(client, slug, data)
        assert response.status_code == 303
        following = ANSWERS[index + 1][0] if index + 1 < len(ANSWERS) else "check"
        assert response.headers["location"] == f"/groups/register/{following}"
    check = client.get("/groups/register/check?lang=en")
    assert check.status_code == 200
    for shown in ("Persatuan Tuli Cisoka", "Disability organisation", "All members: 42", REP_NAME):
        assert shown in check.text
    assert REP_PHONE_E164 in check.text
    sent = client.post(
        "/groups/register/check",
        data={"csrftoken": form_token(check.text)},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert sent.headers["location"] == "/groups/register/done"
    [(group, contact)] = groups(database_url)
    assert (group.name, group.kind, group.state, group.region_code) == (
        "Persatuan Tuli Cisoka",
        GroupKind.DISABILITY,
        GroupState.PENDING,
        DESA,
    )
    assert (group.members_total, group.members_women, group.members_youth) == (42, 20, 3)
    assert group.members_disability == 40
    assert (contact.name, contact.email, contact.phone) == (REP_NAME, REP_EMAIL, REP_PHONE_E164)
    done = client.get("/groups/register/done?lang=en")
    assert group.reference in done.text
    assert re.fullmatch(r"KLP-[2-9A-Z]{4}-[2-9A-Z]{2}", group.reference)
    assert "Your group is registered" in title(done.text)
    # The registration is the first entry of the group's history, without the contact.
    [entry] = audit_entries(database_url, "group_registered")
    assert entry.actor_id is None
    assert entry.after is not None and entry.after["members_total"] == 42
    assert REP_NAME not in str(entry.after) and REP_EMAIL not in str(entry.after)
    # The draft is gone: the journey starts again from its first question.
    assert client.get("/groups/register/check", follow_redirects=False).headers["location"] == (
        "/groups/register/name"
    )


def test_the_journey_in_indonesian(client: TestClient, database_url: str) -> None:
    page = client.get("/groups/register/name?lang=id")
    assert "Apa nama kelompok Anda?" in page.text
    assert register(client, lang="id").status_code == 303
    done = client.get("/groups/register/done?lang=id")
    assert "Kelompok Anda sudah terdaftar" in done.text
    assert '<html lang="id"' in done.text


@pytest.mark.parametrize(
    ("slug", "data", "errors"),
    [
        ("name", {"name": ""}, {"name": "Enter the name of the group"}),
        ("name", {"name": "ab"}, {"name": "Write a name of at least 3 characters"}),
        ("name", {"name": "x" * 121}, {"name": "Write a name of 120 characters or fewer"}),
        ("kind", {"kind": "club"}, {"kind": "Choose the kind of group"}),
        (
            "area",
            {"kecamatan": "99.99.99"},
            {"kecamatan": "Choose the district (kecamatan) of the group"},
        ),
    ],
)
def test_a_wrong_answer_shows_the_error_and_keeps_what_was_typed(
    client: TestClient, database_url: str, slug: str, data: dict[str, str], errors: dict[str, str]
) -> None:
    for earlier, earlier_data in ANSWERS[: [s for s, _d in ANSWERS].index(slug)]:
        assert answer(client, earlier, earlier_data).status_code == 303
    response = answer(client, slug, data)
    assert response.status_code == 400
    assert summary(response.text) == errors
    assert title(response.text).startswith("Error: ")
    if slug == "name" and data["name"]:
        assert f'value="{data["name"]}"' in response.text
    assert groups(database_url) == []


def test_members_errors_name_each_field_and_keep_every_number(
    client: TestClient, database_url: str
) -> None:
    for slug, data in ANSWERS[:4]:
        assert answer(client, slug, data).status_code == 303
    typed = {
        "members_total": "10",
        "members_women": "11",
        "members_youth": "dua",
        "members_disability": "",
    }
    response = answer(client, "members", typed, lang="id")
    assert response.status_code == 400
    assert title(response.text).startswith("Kesalahan: ")
    assert list(summary(response.text)) == ["members_women", "members_youth", "members_disability"]
    assert 'value="11"' in response.text and 'value="dua"' in response.text
    # Nothing was stored: the next question still waits for this one.
    assert client.get("/groups/register/speaks-for", follow_redirects=False).headers[
        "location"
    ] == ("/groups/register/members")


def test_the_representative_gives_an_email_or_a_phone(
    client: TestClient, database_url: str
) -> None:
    answer_all_but_last = ANSWERS[:-1]
    for slug, data in answer_all_but_last:
        assert answer(client, slug, data).status_code == 303
    none = answer(client, "representative", {"rep_name": "Sari", "rep_email": "", "rep_phone": ""})
    assert summary(none.text) == {
        "rep_email": "Enter an email address or a phone number, so we can reach you"
    }
    bad = answer(
        client, "representative", {"rep_name": "", "rep_email": "sari@", "rep_phone": "12"}
    )
    assert summary(bad.text) == {
        "rep_name": "Enter your name",
        "rep_email": "Enter an email address like nama@contoh.id",
        "rep_phone": "Enter a phone number like 0812 3456 7890",
    }
    assert 'value="sari@"' in bad.text
    phone_only = answer(
        client, "representative", {"rep_name": "Sari", "rep_email": "", "rep_phone": REP_PHONE}
    )
    assert phone_only.headers["location"] == "/groups/register/check"


def test_changing_the_district_asks_the_village_again(
    client: TestClient, database_url: str
) -> None:
    answer_all(client)
    changed = answer(client, "area", {"kecamatan": "36.03.02"}, returning=True)
    assert changed.headers["location"] == "/groups/register/village?return=check"
    whole = answer(client, "village", {"desa": "whole"}, returning=True)
    assert whole.headers["location"] == "/groups/register/check"
    check = client.get("/groups/register/check?lang=en")
    assert "The whole district" in check.text
    client.post(
        "/groups/register/check",
        data={"csrftoken": form_token(check.text)},
        follow_redirects=False,
    )
    [(group, _contact)] = groups(database_url)
    assert group.region_code == "36.03.02"
    assert group.region_code != KECAMATAN


def test_questions_ahead_of_the_answers_send_back_to_the_first_unanswered(
    client: TestClient, database_url: str
) -> None:
    response = client.get("/groups/register/members", follow_redirects=False)
    assert response.headers["location"] == "/groups/register/name"
    assert client.get("/groups/register/nope").status_code == 404
    assert client.get("/groups/register/done", follow_redirects=False).status_code == 303


def test_an_empty_database_of_groups_is_untouched_by_a_draft(
    client: TestClient, database_url: str
) -> None:
    answer_all(client)
    assert groups(database_url) == []
    assert factories.run(database_url, _count_drafts) == 1


async def _count_drafts(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(GroupDraft)) or 0)


def test_a_form_without_its_token_or_too_large_changes_nothing(
    client: TestClient, database_url: str
) -> None:
    client.get("/groups/register/name")
    no_token = client.post("/groups/register/name", data={"name": "Kelompok Tanpa Token"})
    assert no_token.status_code == 403
    page = client.get("/groups/register/name")
    huge = client.post(
        "/groups/register/name",
        data={"csrftoken": form_token(page.text), "name": "x" * (300 * 1024)},
    )
    assert huge.status_code == 413
    assert client.get("/groups/register/kind", follow_redirects=False).status_code == 303
    assert factories.run(database_url, _count_drafts) == 0
