"""The staff queue and report page: who sees which reports, filters, deadline order and
overdue flags, the reporter's contact kept from agency officers on anonymous reports, the
answer (with its templates) and evidence downloads."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from starlette.testclient import TestClient

from gesi_app import clock
from gesi_app.casework.placeholders import date_words
from gesi_app.db.base import utcnow
from gesi_app.reports import evidence
from gesi_app.reports.models import Status
from gesi_app.settings import Settings
from tests import factories
from tests.casework_support import audit_entries, load, report_in
from tests.file_metadata_support import pdf
from tests.staff_support import make_team, sign_in, summary, token

S = Status
CODE = re.compile(r'<th scope="row"[^>]*><a href="/staff/reports/([A-Z0-9-]+)">')


def codes_in(html: str) -> list[str]:
    return CODE.findall(html)


def post(client: TestClient, url: str, form: dict[str, str]) -> object:
    return client.post(
        url,
        params={"lang": "en"},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def test_agency_officer_sees_only_their_agencys_reports(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    ours = report_in(database_url, S.TERVERIFIKASI, team.agencies["dpupr"])
    theirs = report_in(database_url, S.TERVERIFIKASI, team.agencies["dinkes"])
    unrouted = report_in(database_url, S.DITERIMA)
    sign_in(client, "petugas.pupr")
    assert codes_in(client.get("/staff/queue").text) == [ours.tracking_code]
    filtered = client.get(f"/staff/queue?agency={team.agencies['dinkes']}").text
    assert codes_in(filtered) == []
    assert client.get(f"/staff/reports/{ours.tracking_code}").status_code == 200
    for hidden in (theirs, unrouted):
        for path in ("", "/answer", "/files/1"):
            response = client.get(f"/staff/reports/{hidden.tracking_code}{path}")
            assert response.status_code == 404, path
        assert post(client, f"/staff/reports/{hidden.tracking_code}/answer", {}).status_code == 404  # type: ignore[attr-defined]
    # Verifying is not an agency officer's job, even on their own agency's report.
    assert client.get(f"/staff/reports/{ours.tracking_code}/verify").status_code == 403
    sign_in(client, "verifikator")
    every = codes_in(client.get("/staff/queue").text)
    assert sorted(every) == sorted(r.tracking_code for r in (ours, theirs, unrouted))


@pytest.mark.parametrize(
    ("who", "anonim", "shown"),
    [
        ("petugas.pupr", True, False),
        ("petugas.pupr", False, True),
        ("verifikator", True, True),
        ("admin", True, True),
    ],
)
def test_reporter_contact_is_hidden_from_agency_officers_on_anonymous_reports(
    client: TestClient, database_url: str, who: str, anonim: bool, shown: bool
) -> None:
    team = make_team(database_url)
    report = report_in(
        database_url,
        S.TERVERIFIKASI,
        team.agencies["dpupr"],
        anonim=anonim,
        contact_name="Siti Rahma",
        contact_phone="+6281234567890",
        contact_email="siti@example.org",
    )
    sign_in(client, who)
    page = client.get(f"/staff/reports/{report.tracking_code}?lang=en").text
    for secret in ("Siti Rahma", "6281234567890", "siti@example.org"):
        assert (secret in page) is shown
    hidden_note = "Their name and contact are hidden from agencies."
    assert (hidden_note in page) is (not shown)


def test_queue_sorts_by_nearest_deadline_and_flags_overdue(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    long_ago = utcnow() - dt.timedelta(days=30)
    late = report_in(database_url, S.DITERIMA, now=long_ago, title="Laporan lama sekali")
    fresh = report_in(database_url, S.DITERIMA, title="Laporan baru saja")
    answered = report_in(database_url, S.DITINDAKLANJUTI, team.agencies["dpupr"])
    on_hold = report_in(database_url, S.DITUNDA)
    closed = report_in(database_url, S.SELESAI, team.agencies["dpupr"])
    sign_in(client, "admin")
    page = client.get("/staff/queue?lang=en").text
    # Deadlines first, nearest first; reports waiting on no deadline after them.
    listed = codes_in(page)
    assert listed[:2] == [late.tracking_code, fresh.tracking_code]
    assert sorted(listed[2:]) == sorted([answered.tracking_code, on_hold.tracking_code])
    assert closed.tracking_code not in listed
    assert re.search(r"Overdue by \d+ working days?", page)
    assert "3 working days left" in page or "working days left" in page
    overdue = client.get("/staff/queue?overdue=yes&lang=en").text
    assert codes_in(overdue) == [late.tracking_code]
    everything = client.get("/staff/queue?status=all").text
    assert closed.tracking_code in codes_in(everything)
    by_status = client.get("/staff/queue?status=ditunda").text
    assert codes_in(by_status) == [on_hold.tracking_code]
    dashboard = client.get("/staff?lang=en").text
    assert 'href="/staff/queue?overdue=yes">1 report is overdue</a>' in dashboard


def test_queue_filters_by_topic_and_area_and_pages(client: TestClient, database_url: str) -> None:
    make_team(database_url)  # first: the demo then keeps these accounts and their password
    factories.seed(database_url)

    async def topic_id(session: object) -> int:
        from gesi_app.categories.service import category_by_slug

        category = await category_by_slug(session, "puskesmas")  # type: ignore[arg-type]
        assert category is not None
        return category.id

    puskesmas = factories.run(database_url, topic_id)
    health = report_in(database_url, S.DITERIMA, category_id=puskesmas, region_code="36.03.01.1001")
    road = report_in(database_url, S.DITERIMA, region_code="36.03.02")
    sign_in(client, "admin")
    assert codes_in(client.get("/staff/queue?topic=kesehatan").text) == [health.tracking_code]
    assert codes_in(client.get("/staff/queue?area=36.03.01").text) == [health.tracking_code]
    assert codes_in(client.get("/staff/queue?area=36.03.02").text) == [road.tracking_code]
    for _ in range(25):
        report_in(database_url, S.DITERIMA)
    first = client.get("/staff/queue?lang=en").text
    assert "Page 1 of 2" in first
    assert len(codes_in(first)) == 25
    assert len(codes_in(client.get("/staff/queue?page=2").text)) == 2


@pytest.mark.parametrize(
    ("query", "messages"),
    [
        ("status=nope", {"status": "Choose a status from the list"}),
        (
            "agency=999999&topic=nope",
            {
                "agency": "Choose an agency from the list",
                "topic": "Choose a topic from the list",
            },
        ),
        ("area=99.99", {"area": "Choose a district from the list"}),
        (
            "overdue=maybe",
            {"overdue": "Tick the box to see only overdue reports, or leave it empty"},
        ),
    ],
)
def test_queue_filter_validation(
    client: TestClient, database_url: str, query: str, messages: dict[str, str]
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    response = client.get(f"/staff/queue?{query}&lang=en")
    assert response.status_code == 400
    assert summary(response.text) == messages


def test_officer_answers_with_a_template_without_javascript(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    report = report_in(database_url, S.TERVERIFIKASI, team.agencies["dpupr"])
    url = f"/staff/reports/{report.tracking_code}/answer"
    sign_in(client, "verifikator")
    assert client.get(url).status_code == 403
    sign_in(client, "petugas.pupr")
    inserted = post(client, url, {"answer": "Halo.", "template": "fixed", "insert": "1"})
    assert inserted.status_code == 200  # type: ignore[attr-defined]
    today = date_words(clock.today("Asia/Jakarta"), "en")  # the template's [date], filled
    assert f"Halo.\n\nThank you for your report. We fixed the problem on {today}." in (
        inserted.text  # type: ignore[attr-defined]
    )
    assert load(database_url, report.id).status is S.TERVERIFIKASI
    text = "Jalan sudah kami tambal pada 20 November."
    done = post(client, url, {"answer": text, "template": "fixed"})
    assert done.status_code == 303  # type: ignore[attr-defined]
    after = load(database_url, report.id)
    assert after.status is S.DITINDAKLANJUTI
    assert after.messages[-1].body == text
    assert after.messages[-1].agency_id == team.agencies["dpupr"]
    assert after.messages[-1].staff_id == team.ids["petugas.pupr"]
    [entry] = audit_entries(database_url, "report_answered")
    assert entry.actor_id == team.ids["petugas.pupr"]


@pytest.mark.parametrize(
    ("form", "messages"),
    [
        ({"answer": ""}, {"answer": "Write the answer to the reporter"}),
        ({"answer": "Sudah."}, {"answer": "Write an answer of at least 10 characters"}),
        ({"answer": "x" * 5001}, {"answer": "Write an answer of 5000 characters or fewer"}),
        ({"answer": "", "insert": "1"}, {"template": "Choose a template to put into the answer"}),
        (
            {"answer": "Sudah kami perbaiki.", "template": "nope"},
            {"template": "Choose a template from the list"},
        ),
    ],
)
def test_answer_validation(
    client: TestClient, database_url: str, form: dict[str, str], messages: dict[str, str]
) -> None:
    team = make_team(database_url)
    report = report_in(database_url, S.TERVERIFIKASI, team.agencies["dpupr"])
    sign_in(client, "admin")
    response = post(client, f"/staff/reports/{report.tracking_code}/answer", form)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == messages  # type: ignore[attr-defined]
    assert load(database_url, report.id).status is S.TERVERIFIKASI


def test_staff_download_evidence(client: TestClient, database_url: str, settings: Settings) -> None:
    team = make_team(database_url)
    uploads = settings.data_dir / "uploads"

    async def upload(session: object) -> str:
        from gesi_app.reports import draft_store

        draft = await draft_store.start_draft(session)  # type: ignore[arg-type]
        await evidence.add_to_draft(
            session,
            uploads,
            draft.id,
            "surat.pdf",
            pdf(identifying=False),
            "",  # type: ignore[arg-type]
        )
        return draft.id

    draft_id = factories.run(database_url, upload)
    report = report_in(database_url, S.TERVERIFIKASI, team.agencies["dinkes"], draft_id=draft_id)
    [file] = report.attachments
    url = f"/staff/reports/{report.tracking_code}/files/{file.id}"
    sign_in(client, "verifikator")
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == (uploads / file.storage_key).read_bytes()
    assert response.content.startswith(b"%PDF-")
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="surat.pdf"' in response.headers["content-disposition"]
    assert len(audit_entries(database_url, "file_downloaded")) == 1
    assert (
        client.get(f"/staff/reports/{report.tracking_code}/files/{file.id + 1}").status_code == 404
    )
    sign_in(client, "petugas.pupr")  # another agency's report
    assert client.get(url).status_code == 404
