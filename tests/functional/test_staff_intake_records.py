"""Staff intake records what a citizen's own journey records: the village, the "about you"
answers (only with the person's consent), evidence files and a voice message; it answers with
POST/redirect/GET, and the same form sent again stores nothing new."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.reports import evidence
from gesi_app.reports.models import Attachment, Report, ReporterSegment
from gesi_app.settings import Settings
from tests import factories
from tests.casework_support import audit_entries
from tests.file_metadata_support import identifying_photo, pdf
from tests.functional.test_staff_intake import FORM
from tests.functional.test_staff_regions import add_areas
from tests.recording_support import require_media_tools, wav
from tests.staff_support import make_team, sign_in, summary, title, token

ABOUT = {
    "about_consent": "yes",
    "gender": "perempuan",
    "age_band": "16_30",
    "wg_seeing": "3",
    "wg_hearing": "1",
    "wg_walking": "prefer_not",
    "wg_remembering": "1",
    "wg_selfcare": "1",
    "wg_communicating": "2",
}
WG = ("wg_seeing", "wg_hearing", "wg_walking", "wg_remembering", "wg_selfcare", "wg_communicating")


def form_token(client: TestClient, url: str = "/staff/intake") -> str:
    match = re.search(r'name="form_token" value="([^"]+)"', client.get(url).text)
    assert match is not None
    return match.group(1)


def send(
    client: TestClient,
    form: dict[str, Any],
    *,
    files: dict[str, tuple[str, bytes, str]] | None = None,
    lang: str = "en",
) -> Any:
    return client.post(
        "/staff/intake",
        params={"lang": lang},
        data={"csrftoken": token(client), **form},
        files=files,
        follow_redirects=False,
    )


def reports(database_url: str) -> list[Report]:
    async def go(session: AsyncSession) -> list[Report]:
        return list((await session.scalars(select(Report).order_by(Report.id))).all())

    return factories.run(database_url, go)  # type: ignore[no-any-return]


def segment(database_url: str, report_id: int) -> ReporterSegment | None:
    return factories.run(database_url, lambda s: s.get(ReporterSegment, report_id))  # type: ignore[no-any-return]


def files_of(database_url: str, report_id: int) -> list[Attachment]:
    async def go(session: AsyncSession) -> list[Attachment]:
        query = select(Attachment).where(Attachment.report_id == report_id)
        return list((await session.scalars(query.order_by(Attachment.id))).all())

    return factories.run(database_url, go)  # type: ignore[no-any-return]


def done_code(client: TestClient, lang: str = "en") -> tuple[str, Any]:
    page = client.get("/staff/intake/done", params={"lang": lang})
    code = page.text.split('aria-describedby="code-spelled">')[1][:11]
    return code, page


def test_intake_records_the_village(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    add_areas(database_url)
    sign_in(client, "verifikator")
    page = client.get("/staff/intake?lang=en").text
    assert '<optgroup label="Balaraja">' in page and "Talagasari" in page
    form = {**FORM, "kecamatan": "36.03.01", "desa": "36.03.01.1002"}
    assert send(client, form).status_code == 303
    [report] = reports(database_url)
    assert report.region_code == "36.03.01.1002"
    # A village of another district is refused; what was typed stays; nothing is stored.
    refused = send(client, {**form, "kecamatan": "36.03.02", "title": "Jembatan putus"})
    assert refused.status_code == 400
    assert summary(refused.text) == {
        "desa": "Choose a village in the district you chose, or Not known"
    }
    assert 'value="Jembatan putus"' in refused.text
    assert '<option value="36.03.01.1002" selected>' in refused.text
    assert len(reports(database_url)) == 1
    # Only the district: the report names the kecamatan.
    assert send(client, {**FORM, "kecamatan": "36.03.02", "desa": ""}).status_code == 303
    assert reports(database_url)[-1].region_code == "36.03.02"


def test_about_you_answers_are_recorded_with_consent(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    form = {**FORM, **ABOUT, "disability_kinds": ["sensorik_netra", "fisik"]}
    assert send(client, form).status_code == 303
    [report] = reports(database_url)
    saved = segment(database_url, report.id)
    assert saved is not None
    assert saved.consent_at is not None
    assert (saved.gender, saved.age_band) == ("perempuan", "16_30")
    assert [getattr(saved, name) for name in WG] == [3, 1, None, 1, 1, 2]
    assert saved.disability is True
    assert saved.disability_kinds == ["fisik", "sensorik_netra"]
    # Consent "no", or not asked: nothing about the person is kept.
    for consent in ("no", ""):
        assert send(client, {**FORM, "about_consent": consent}).status_code == 303
        assert segment(database_url, reports(database_url)[-1].id) is None


@pytest.mark.parametrize(
    ("form", "messages"),
    [
        (
            {"about_consent": "", "gender": "perempuan"},
            {
                "about_consent": "Choose yes if the reporter agreed to answer questions "
                "about themselves, or clear their answers"
            },
        ),
        (
            {"about_consent": "no", "wg_seeing": "3"},
            {
                "about_consent": "Choose yes if the reporter agreed to answer questions "
                "about themselves, or clear their answers"
            },
        ),
        (
            {"about_consent": "yes", "gender": "perempuan"},
            {
                "age_band": "Choose an answer, or choose Prefer not to say",
                **{name: "Choose an answer, or choose Prefer not to say" for name in WG},
            },
        ),
        (
            {**ABOUT, "wg_seeing": "2", "disability_kinds": ["fisik"]},
            {
                "disability_kinds": "Choose a kind of disability only when an answer above "
                "is A lot of difficulty or Cannot do at all"
            },
        ),
        (
            {**ABOUT, "disability_kinds": ["cacat"]},
            {"disability_kinds": "Choose from the list, or leave them all empty"},
        ),
        ({"about_consent": "maybe"}, {"about_consent": "Choose yes or no"}),
    ],
)
def test_about_you_needs_consent_and_the_journey_s_answers(
    client: TestClient, database_url: str, form: dict[str, Any], messages: dict[str, str]
) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    response = send(client, {**FORM, **form})
    assert response.status_code == 400
    assert summary(response.text) == messages
    assert reports(database_url) == []
    for name, value in form.items():
        if isinstance(value, str) and value and name != "about_consent":
            assert re.search(
                rf'name="{name}" type="radio" value="{value}"[^>]* checked', response.text
            )


def test_evidence_is_checked_kept_with_the_form_and_moved_to_the_report(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    form_id = form_token(client)
    form = {**FORM, "form_token": form_id, "title": "Ja"}  # the title is too short
    photo = identifying_photo("JPEG")
    # A photo with no description is refused, with the journey's message; the rest is kept.
    refused = send(client, form, files={"evidence_file": ("jalan.jpg", photo, "image/jpeg")})
    assert refused.status_code == 400
    assert summary(refused.text) == {
        "title": "Write a title of at least 5 characters",
        "evidence_description": "Describe what the photo shows",
    }
    assert 'value="Ja"' in refused.text
    # Upload file: the file waits with the form (303 back to it), the typed answers too.
    described = {**form, "evidence_description": "Lubang di jalan", "action": "upload"}
    uploaded = send(client, described, files={"evidence_file": ("jalan.jpg", photo, "image/jpeg")})
    assert uploaded.status_code == 303
    assert uploaded.headers["location"] == f"/staff/intake?form={form_id}"
    back = client.get(uploaded.headers["location"] + "&lang=en").text
    assert "jalan.jpg: Lubang di jalan" in back
    assert 'value="Ja"' in back
    assert f'name="form_token" value="{form_id}"' in back
    # Saving with a second file (a PDF, no description needed) stores both on the report.
    letter = pdf()
    saved = send(
        client,
        {**form, "title": "Jalan berlubang"},
        files={"evidence_file": ("surat.pdf", letter, "application/pdf")},
    )
    assert saved.status_code == 303
    [report] = reports(database_url)
    stored = files_of(database_url, report.id)
    assert [(f.kind, f.filename, f.description) for f in stored] == [
        ("photo", "jalan.jpg", "Lubang di jalan"),
        ("document", "surat.pdf", None),
    ]
    assert all(f.draft_id is None for f in stored)
    assert stored[0].size != len(photo)  # stored without its metadata


def test_a_file_is_removed_and_a_wrong_file_refused(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    form_id = form_token(client)
    form = {**FORM, "form_token": form_id}
    send(
        client,
        {**form, "action": "upload"},
        files={"evidence_file": ("a.pdf", pdf(), "application/pdf")},
    )
    page = client.get(f"/staff/intake?form={form_id}&lang=en").text
    file_id = re.search(r'name="action" value="remove:(\d+)"', page)
    assert file_id is not None
    removed = send(client, {**form, "action": f"remove:{file_id.group(1)}"})
    assert removed.status_code == 303
    assert "a.pdf" not in client.get(f"/staff/intake?form={form_id}&lang=en").text
    refused = send(
        client, form, files={"evidence_file": ("x.exe", b"MZ\x90\x00", "application/pdf")}
    )
    assert summary(refused.text) == {
        "evidence_file": "The file must be a photo (JPG, PNG or WebP) or a PDF"
    }
    assert send(client, form).status_code == 303
    [report] = reports(database_url)
    assert files_of(database_url, report.id) == []


def test_a_voice_message_tells_what_happened(client: TestClient, database_url: str) -> None:
    require_media_tools("ffmpeg")
    make_team(database_url)
    sign_in(client, "verifikator")
    form = {**FORM, "details": "", "form_token": form_token(client)}
    assert summary(send(client, form).text) == {"details": "Tell us what happened"}
    saved = send(client, form, files={"recording": ("pesan.wav", wav(2), "audio/wav")})
    assert saved.status_code == 303
    [report] = reports(database_url)
    assert report.description == "Voice message, 2 s"
    [voice] = files_of(database_url, report.id)
    assert (voice.kind, voice.duration_seconds) == ("voice", 2)


def test_post_redirect_get_and_the_same_form_twice_stores_one_report(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    form = {**FORM, "form_token": form_token(client)}
    first = send(client, form)
    assert first.status_code == 303
    assert first.headers["location"] == "/staff/intake/done"
    code, page = done_code(client)
    assert page.headers["cache-control"] == "no-store"
    assert re.search(r'<p class="pin"><strong aria-describedby="pin-spelled">\d{6}<', page.text)
    # A reload of the confirmation: the code again, the PIN never.
    again_code, again = done_code(client)
    assert again_code == code
    assert 'class="pin"' not in again.text
    assert "cannot be shown again" in again.text
    # The same form sent again (the browser's back button and Send, or a double click).
    second = send(client, form)
    assert second.status_code == 303
    assert second.headers["location"] == "/staff/intake/done"
    second_code, second_page = done_code(client)
    assert second_code == code
    assert "This form was sent before" in second_page.text
    assert [r.tracking_code for r in reports(database_url)] == [code]
    assert len(audit_entries(database_url, "report_taken_in")) == 1
    # A new form (a fresh token) is a new report.
    assert send(client, {**FORM, "form_token": form_token(client)}).status_code == 303
    assert len(reports(database_url)) == 2


def test_another_staff_members_form_is_not_theirs(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    form_id = form_token(client)
    send(client, {**FORM, "form_token": form_id, "action": "upload"},
         files={"evidence_file": ("a.pdf", pdf(), "application/pdf")})  # fmt: skip
    sign_in(client, "admin")
    page = client.get(f"/staff/intake?form={form_id}&lang=en").text
    assert "a.pdf" not in page
    assert f'value="{form_id}"' not in page
    assert send(client, {**FORM, "form_token": form_id}).status_code == 303
    [report] = reports(database_url)
    assert files_of(database_url, report.id) == []

    async def count(session: AsyncSession) -> int:
        return int(await session.scalar(select(func.count(Attachment.id))) or 0)

    assert factories.run(database_url, count) == 1  # the verifier's file stays with their form


@pytest.mark.parametrize(
    ("lang", "prefix", "messages"),
    [
        (
            "en",
            "Error:",
            {
                "title": "Write a title of at least 5 characters",
                "desa": "Choose a village in the district you chose, or Not known",
                "about_consent": "Choose yes if the reporter agreed to answer questions "
                "about themselves, or clear their answers",
            },
        ),
        (
            "id",
            "Kesalahan:",
            {
                "title": "Tulis judul paling sedikit 5 karakter",
                "desa": "Pilih desa di kecamatan yang Anda pilih, atau Tidak diketahui",
                "about_consent": "Pilih ya jika pelapor setuju menjawab pertanyaan tentang "
                "dirinya, atau hapus jawabannya",
            },
        ),
    ],
)
def test_errors_keep_what_was_typed_in_each_language(
    client: TestClient, database_url: str, lang: str, prefix: str, messages: dict[str, str]
) -> None:
    make_team(database_url)
    add_areas(database_url)
    sign_in(client, "verifikator")
    form = {
        **FORM,
        "title": "Ja",
        "kecamatan": "36.03.02",
        "desa": "36.03.01.1001",
        "gender": "laki_laki",
        "landmark": "Dekat masjid",
        "contact_email": "budi@contoh.id",
    }
    response = send(client, form, lang=lang)
    assert response.status_code == 400
    assert title(response.text).startswith(prefix)
    assert summary(response.text) == messages
    for value in ("Ja", "Dekat masjid", "budi@contoh.id", "0812 3456 7890"):
        assert f'value="{value}"' in response.text
    assert re.search(r'name="gender" type="radio" value="laki_laki"[^>]* checked', response.text)
    assert reports(database_url) == []


def test_uploads_are_bounded_with_the_journeys_limits(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    """Intake takes a file larger than a form (the upload limit), and refuses one over the
    journey's own caps with the journey's words; a body over the upload limit is a 413."""
    make_team(database_url)
    sign_in(client, "verifikator")
    big = b"%PDF-1.4 " + b"x" * evidence.MAX_BYTES
    refused = send(client, FORM, files={"evidence_file": ("besar.pdf", big, "application/pdf")})
    assert refused.status_code == 400
    assert summary(refused.text) == {"evidence_file": "The file must be smaller than 10 MB"}
    huge = b"x" * (settings.max_upload_mb * 1024 * 1024 + 1)
    too_big = send(client, FORM, files={"recording": ("lama.wav", huge, "audio/wav")})
    assert too_big.status_code == 413
    assert reports(database_url) == []
