"""Response templates on the answer page: the report fills their [brackets] when the template
is put in, and an answer with a [bracket] left is not sent (both languages, no JavaScript)."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app import clock
from gesi_app.casework.placeholders import date_words
from gesi_app.reports.models import Report, Status
from tests import factories
from tests.casework_support import audit_entries, load, report_in
from tests.staff_support import make_team, sign_in, summary, token

S = Status
ANSWER_LEFT = {
    "en": "Fill in the parts in brackets, then send the answer: ",
    "id": "Isi bagian dalam kurung siku, lalu kirim tanggapan: ",
}


def post(client: TestClient, url: str, form: dict[str, str], lang: str) -> object:
    return client.post(
        url,
        params={"lang": lang},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def answer_text(page: str) -> str:
    start = page.index('name="answer"')
    body = page[page.index(">", start) + 1 : page.index("</textarea>", start)]
    return html.unescape(body).lstrip("\n")


@pytest.mark.parametrize(
    ("lang", "template", "filled"),
    [
        ("id", "fixed", "Kami sudah memperbaiki masalahnya pada {today}."),
        ("en", "fixed", "We fixed the problem on {today}."),
    ],
)
def test_inserting_a_template_fills_the_date_in_the_page_language(
    client: TestClient, database_url: str, lang: str, template: str, filled: str
) -> None:
    team = make_team(database_url)
    report = report_in(database_url, S.TERVERIFIKASI, team.agencies["dpupr"])
    url = f"/staff/reports/{report.tracking_code}/answer"
    sign_in(client, "petugas.pupr")
    inserted = post(client, url, {"answer": "", "template": template, "insert": "1"}, lang)
    assert inserted.status_code == 200  # type: ignore[attr-defined]
    today = date_words(clock.today("Asia/Jakarta"), lang)
    assert filled.format(today=today) in answer_text(inserted.text)  # type: ignore[attr-defined]
    assert "[" not in answer_text(inserted.text)  # type: ignore[attr-defined]
    assert load(database_url, report.id).status is S.TERVERIFIKASI


def test_an_admins_template_takes_the_code_agency_and_deadline(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    added = post(
        client,
        "/staff/templates/new",
        {
            "label_id": "Sudah diteruskan",
            "label_en": "Passed on",
            "text_id": "Laporan [kode] diurus [instansi] sampai [batas waktu]. Topik: [topik].",
            "text_en": "Report [code] is with the [agency] until [deadline]. Topic: [topic].",
        },
        "en",
    )
    assert added.status_code == 303  # type: ignore[attr-defined]
    report = report_in(database_url, S.TERVERIFIKASI, team.agencies["dpupr"])
    url = f"/staff/reports/{report.tracking_code}/answer"
    sign_in(client, "petugas.pupr")
    due = dt.date(2026, 12, 14)

    async def set_due(session: AsyncSession) -> None:
        row = await session.get(Report, report.id)
        assert row is not None
        row.answer_due = due
        await session.commit()

    factories.run(database_url, set_due)
    form = {"answer": "", "template": "passed_on", "insert": "1"}
    english = answer_text(post(client, url, form, "en").text)  # type: ignore[attr-defined]
    assert english == (
        f"Report {report.tracking_code} is with the Public Works Agency until "
        f"{date_words(due, 'en')}. Topic: [topic]."  # the report has no topic: left to fill
    )
    indonesian = answer_text(post(client, url, form, "id").text)  # type: ignore[attr-defined]
    assert indonesian.startswith(
        f"Laporan {report.tracking_code} diurus Dinas Pekerjaan Umum sampai {date_words(due, 'id')}."
    )


@pytest.mark.parametrize(
    ("lang", "answer", "message", "title"),
    [
        (
            "en",
            "Thank you. To help you, we need to know [what]. Please reply.",
            "Fill in the parts in brackets, then send the answer: [what]",
            "Error: ",
        ),
        (
            "id",
            "Terima kasih. Buka [hari dan jam] di [kantor], lihat [...].",
            "Isi bagian dalam kurung siku, lalu kirim tanggapan: [hari dan jam], [kantor], [...]",
            "Kesalahan: ",
        ),
        (
            "en",
            "We fixed the road on [the day we fixed it].",
            "Fill in the parts in brackets, then send the answer: [the day we fixed it]",
            "Error: ",
        ),
    ],
)
def test_an_answer_with_a_placeholder_left_is_not_sent(
    client: TestClient, database_url: str, lang: str, answer: str, message: str, title: str
) -> None:
    team = make_team(database_url)
    report = report_in(database_url, S.TERVERIFIKASI, team.agencies["dpupr"])
    url = f"/staff/reports/{report.tracking_code}/answer"
    sign_in(client, "petugas.pupr")
    refused = post(client, url, {"answer": answer, "template": ""}, lang)
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert summary(refused.text) == {"answer": message}  # type: ignore[attr-defined]
    assert f"<title>{title}" in refused.text  # type: ignore[attr-defined]
    assert answer_text(refused.text) == answer  # type: ignore[attr-defined]
    after = load(database_url, report.id)
    assert after.status is S.TERVERIFIKASI
    assert after.messages == []
    assert audit_entries(database_url, "report_answered") == []
    filled = answer.replace("[", "").replace("]", "")
    assert post(client, url, {"answer": filled, "template": ""}, lang).status_code == 303  # type: ignore[attr-defined]
    assert load(database_url, report.id).messages[-1].body == filled


@pytest.mark.parametrize(("lang", "left"), [("en", "[repair date]"), ("id", "[tanggal perbaikan]")])
def test_the_planned_work_template_asks_the_officer_for_the_repair_date(
    client: TestClient, database_url: str, lang: str, left: str
) -> None:
    """Today's date is not the day the work will be done: that one the officer fills."""
    team = make_team(database_url)
    report = report_in(database_url, S.TERVERIFIKASI, team.agencies["dpupr"])
    url = f"/staff/reports/{report.tracking_code}/answer"
    sign_in(client, "petugas.pupr")
    form = {"answer": "", "template": "scheduled", "insert": "1"}
    inserted = answer_text(post(client, url, form, lang).text)  # type: ignore[attr-defined]
    assert left in inserted
    refused = post(client, url, {"answer": inserted, "template": "scheduled"}, lang)
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert summary(refused.text) == {"answer": ANSWER_LEFT[lang] + left}  # type: ignore[attr-defined]
    assert load(database_url, report.id).messages == []
