"""Agencies for admins: add (slug from the English name), rename, deactivate and reactivate,
never delete; a deactivated agency is no longer offered when a report is sent on."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.agencies.models import Agency
from gesi_app.reports.models import Status
from tests import factories
from tests.casework_support import audit_entries, report_in
from tests.staff_support import assert_refused, make_team, sign_in, summary, token

NEW = {"name_id": "Dinas Sosial", "name_en": "Social Affairs Agency"}


def post(client: TestClient, url: str, form: dict[str, str]) -> object:
    return client.post(
        url,
        params={"lang": "en"},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def agencies(database_url: str) -> list[Agency]:
    async def go(session: AsyncSession) -> list[Agency]:
        return list((await session.scalars(select(Agency).order_by(Agency.id))).all())

    found: list[Agency] = factories.run(database_url, go)
    return found


def test_admin_adds_an_agency_with_a_slug_from_its_english_name(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    assert 'href="/staff/agencies"' in client.get("/staff?lang=en").text
    added = post(client, "/staff/agencies/new", NEW)
    assert added.status_code == 303  # type: ignore[attr-defined]
    assert added.headers["location"] == "/staff/agencies?saved=1"  # type: ignore[attr-defined]
    created = agencies(database_url)[-1]
    assert (created.slug, created.name_id, created.active) == (
        "social-affairs-agency",
        "Dinas Sosial",
        True,
    )
    [entry] = audit_entries(database_url, "agency_added")
    assert entry.actor_id == team.ids["admin"]
    assert entry.after == {**NEW, "slug": "social-affairs-agency", "active": True}
    listed = client.get("/staff/agencies?saved=1&lang=id")
    assert "Dinas Sosial" in listed.text
    assert "Perubahan Anda sudah disimpan" in listed.text


def test_deactivating_an_agency_keeps_its_reports_and_hides_it_from_verification(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    dinkes = team.agencies["dinkes"]
    sent = report_in(database_url, Status.TERVERIFIKASI, dinkes)
    waiting = report_in(database_url, Status.DITERIMA, None)
    sign_in(client, "admin")
    form = {"name_id": "Dinas Kesehatan", "name_en": "Health Agency", "active": "no"}
    assert post(client, f"/staff/agencies/{dinkes}", form).status_code == 303  # type: ignore[attr-defined]
    assert [a.active for a in agencies(database_url)] == [True, False]
    [entry] = audit_entries(database_url, "agency_deactivated")
    assert entry.before and entry.before["active"] is True
    assert "Dinas Kesehatan" in client.get(f"/staff/reports/{sent.tracking_code}?lang=id").text
    verify = client.get(f"/staff/reports/{waiting.tracking_code}/verify?lang=id").text
    assert "Dinas Pekerjaan Umum" in verify
    assert "Dinas Kesehatan" not in verify
    again = {**form, "active": "yes", "name_en": "Health Office"}
    assert post(client, f"/staff/agencies/{dinkes}", again).status_code == 303  # type: ignore[attr-defined]
    [changed] = audit_entries(database_url, "agency_changed")
    assert changed.after and changed.after["name_en"] == "Health Office"
    assert agencies(database_url)[1].slug == "dinkes"


@pytest.mark.parametrize(
    ("form", "messages"),
    [
        (
            {},
            {
                "name_id": "Enter the agency's name in Indonesian",
                "name_en": "Enter the agency's name in English",
            },
        ),
        ({**NEW, "name_en": "x" * 201}, {"name_en": "Write 200 characters or fewer"}),
        (
            {**NEW, "name_id": "dinas kesehatan"},
            {"name_id": "Another agency has this Indonesian name. Choose another name"},
        ),
        (
            {**NEW, "name_en": "Public Works Agency"},
            {"name_en": "Another agency has this English name. Choose another name"},
        ),
    ],
)
def test_adding_an_agency_validation(
    client: TestClient, database_url: str, form: dict[str, str], messages: dict[str, str]
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    response = post(client, "/staff/agencies/new", form)
    assert_refused(response, messages, form)
    assert len(agencies(database_url)) == 2
    assert audit_entries(database_url, "agency_added") == []


def test_changing_an_agency_needs_a_choice_and_changes_nothing_on_error(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    url = f"/staff/agencies/{team.agencies['dpupr']}"
    response = post(client, url, {"name_id": "Dinas PU", "name_en": "Works"})
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == {  # type: ignore[attr-defined]
        "active": "Choose whether reports can be sent to this agency"
    }
    assert 'value="Dinas PU"' in response.text  # type: ignore[attr-defined]
    assert agencies(database_url)[0].name_id == "Dinas Pekerjaan Umum"
    assert client.get("/staff/agencies/999").status_code == 404
    assert audit_entries(database_url, "agency_changed") == []
