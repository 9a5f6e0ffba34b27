"""Response templates in the database: admins add, change and deactivate them; the answer
form offers the active ones in the page's language."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import ResponseTemplate
from gesi_app.reports.models import Status
from tests import factories
from tests.casework_support import audit_entries, report_in
from tests.staff_support import assert_refused, make_team, sign_in, summary, token

NEW = {
    "label_id": "Bukan di wilayah kami",
    "label_en": "Not in our area",
    "text_id": "Terima kasih. Tempat ini diurus oleh [instansi].",
    "text_en": "Thank you. This place is looked after by [agency].",
}


def post(client: TestClient, url: str, form: dict[str, str], lang: str = "en") -> object:
    return client.post(
        url,
        params={"lang": lang},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def templates(database_url: str) -> list[ResponseTemplate]:
    async def go(session: AsyncSession) -> list[ResponseTemplate]:
        rows = await session.scalars(select(ResponseTemplate).order_by(ResponseTemplate.id))
        return list(rows.all())

    found: list[ResponseTemplate] = factories.run(database_url, go)
    return found


def test_the_four_templates_from_code_are_seeded_in_both_languages(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    rows = templates(database_url)
    assert [t.key for t in rows] == ["fixed", "scheduled", "more_information", "information"]
    assert rows[0].label_id == "Masalah sudah diperbaiki"
    assert rows[0].text_en.startswith("Thank you for your report. We fixed the problem on [date].")
    assert all(t.active for t in rows)
    sign_in(client, "admin")
    page = client.get("/staff/templates?lang=id")
    assert page.status_code == 200
    assert "Informasi yang Anda minta" in page.text
    assert 'href="/staff/templates"' in client.get("/staff?lang=en").text


def test_admin_adds_a_template_and_officers_can_use_it_in_each_language(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    added = post(client, "/staff/templates/new", NEW)
    assert added.status_code == 303  # type: ignore[attr-defined]
    assert added.headers["location"] == "/staff/templates?saved=1"  # type: ignore[attr-defined]
    created = templates(database_url)[-1]
    assert (created.key, created.label_en, created.active) == (
        "not_in_our_area",
        NEW["label_en"],
        True,
    )
    [entry] = audit_entries(database_url, "template_added")
    assert entry.actor_id == team.ids["admin"]
    assert entry.after and entry.after["text_id"] == NEW["text_id"]

    report = report_in(database_url, Status.TERVERIFIKASI, team.agencies["dpupr"])
    url = f"/staff/reports/{report.tracking_code}/answer"
    sign_in(client, "petugas.pupr")
    assert "Bukan di wilayah kami" in client.get(f"{url}?lang=id").text
    form = {"answer": "", "template": "not_in_our_area", "insert": "1"}
    inserted = post(client, url, form, lang="id")
    assert inserted.status_code == 200  # type: ignore[attr-defined]
    # The report's agency fills the template's [instansi] / [agency].
    assert "Tempat ini diurus oleh Dinas Pekerjaan Umum." in inserted.text  # type: ignore[attr-defined]
    inserted = post(client, url, form, lang="en")
    assert "This place is looked after by Public Works Agency." in inserted.text  # type: ignore[attr-defined]


def test_a_deactivated_template_leaves_the_answer_form(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    current = {
        "label_id": "Masalah sudah diperbaiki",
        "label_en": "The problem is fixed",
        "text_id": "Sudah kami perbaiki pada [tanggal].",
        "text_en": "We fixed it on [date].",
    }
    saved = post(client, "/staff/templates/1", {**current, "active": "no"})
    assert saved.status_code == 303  # type: ignore[attr-defined]
    fixed = templates(database_url)[0]
    assert (fixed.active, fixed.text_en) == (False, "We fixed it on [date].")
    [entry] = audit_entries(database_url, "template_deactivated")
    assert entry.before and entry.before["active"] is True
    assert entry.after and entry.after["active"] is False
    report = report_in(database_url, Status.TERVERIFIKASI, team.agencies["dpupr"])
    url = f"/staff/reports/{report.tracking_code}/answer"
    sign_in(client, "petugas.pupr")
    assert 'value="fixed"' not in client.get(url).text
    refused = post(client, url, {"answer": "", "template": "fixed", "insert": "1"})
    assert summary(refused.text) == {  # type: ignore[attr-defined]
        "template": "Choose a template to put into the answer"
    }
    sign_in(client, "admin")
    assert post(client, "/staff/templates/1", {**current, "active": "yes"}).status_code == 303  # type: ignore[attr-defined]
    assert len(audit_entries(database_url, "template_changed")) == 1


@pytest.mark.parametrize(
    ("form", "messages"),
    [
        (
            {},
            {
                "label_id": "Enter the name in Indonesian",
                "label_en": "Enter the name in English",
                "text_id": "Enter the text in Indonesian",
                "text_en": "Enter the text in English",
            },
        ),
        (
            {**NEW, "label_en": "x" * 101, "text_id": "y" * 2001},
            {
                "label_en": "Write 100 characters or fewer",
                "text_id": "Write 2000 characters or fewer",
            },
        ),
        (
            {**NEW, "label_en": "work is PLANNED"},
            {"label_en": "Another template has this English name. Choose another name"},
        ),
        (
            {**NEW, "label_id": "Kami perlu informasi tambahan"},
            {"label_id": "Another template has this Indonesian name. Choose another name"},
        ),
    ],
)
def test_adding_a_template_validation(
    client: TestClient, database_url: str, form: dict[str, str], messages: dict[str, str]
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    response = post(client, "/staff/templates/new", form)
    assert_refused(response, messages, form)
    assert len(templates(database_url)) == 4
    assert audit_entries(database_url, "template_added") == []


def test_changing_a_template_needs_whether_it_stays_in_use_and_changes_nothing_on_error(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    response = post(client, "/staff/templates/2", {**NEW, "active": "maybe"})
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == {  # type: ignore[attr-defined]
        "active": "Choose whether officers can use this template"
    }
    assert templates(database_url)[1].label_en == "Work is planned"
    assert client.get("/staff/templates/99").status_code == 404
    assert audit_entries(database_url, "template_changed") == []
