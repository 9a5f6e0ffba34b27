"""A voice message or sign-language video answers "What happened?" without JavaScript: a
plain file input, checked by bytes, capped in size and length, kept with the report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.reports.models import Attachment, Report
from gesi_app.settings import Settings
from tests import factories
from tests.conftest import form_token
from tests.functional.reports.journey_helpers import ANSWERS, answer, send
from tests.functional.tracking_helpers import as_reporter, text
from tests.recording_support import require_media_tools, spoken_opus, wav, webm_video

AFTER_DETAILS = ANSWERS[[slug for slug, _ in ANSWERS].index("details") + 1 :]


@pytest.fixture
def seeded(settings: Settings) -> str:
    require_media_tools()
    factories.seed(settings.database_url)
    return settings.database_url


def _reach_details(client: TestClient) -> None:
    for slug, data in ANSWERS:
        if slug == "details":
            return
        assert answer(client, slug, data).status_code == 303


def _tell(client: TestClient, details: str, file: tuple[str, bytes] | None) -> Response:
    page = client.get("/report/details")
    assert page.status_code == 200
    return client.post(
        "/report/details",
        data={"csrftoken": form_token(page.text), "details": details},
        files={"recording": (*file, "application/octet-stream")} if file else None,
        follow_redirects=False,
    )


def _stored(url: str) -> list[Attachment]:
    async def load(session: AsyncSession) -> list[Attachment]:
        return list((await session.scalars(select(Attachment).order_by(Attachment.id))).all())

    result: list[Attachment] = factories.run(url, load)
    return result


def _nothing_stored(url: str, settings: Settings) -> None:
    assert _stored(url) == []
    uploads = Path(settings.data_dir) / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())


def test_a_voice_message_instead_of_text_end_to_end(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    _reach_details(client)
    page = client.get("/report/details").text
    assert 'enctype="multipart/form-data"' in page
    assert '<input class="file-input" id="recording" name="recording" type="file"' in page
    response = _tell(client, "", ("pesan.opus", spoken_opus()))
    assert response.status_code == 303, response.text[:400]
    assert response.headers["location"].endswith("/report/when")
    [voice] = _stored(seeded)
    assert (voice.kind, voice.content_type, voice.draft_id is not None) == (
        "voice",
        "audio/ogg",
        True,
    )
    seconds = voice.duration_seconds
    assert seconds is not None and 2 <= seconds <= 6
    said = f"Pesan suara, {seconds} detik"
    assert f"Anda mengirim: {said}." in text(client.get("/report/details").text)
    for slug, data in AFTER_DETAILS:
        assert answer(client, slug, data).status_code == 303
    check = text(client.get("/report/check").text)
    assert said in check
    assert "pesan.opus" not in check  # the recording is not evidence
    assert send(client).status_code == 303

    async def report(session: AsyncSession) -> Report:
        found = await session.scalar(select(Report))
        assert found is not None
        return found

    stored = factories.run(seeded, report)
    assert stored.description == said
    [voice] = _stored(seeded)
    assert voice.report_id == stored.id and voice.draft_id is None
    on_disk = (Path(settings.data_dir) / "uploads" / voice.storage_key).read_bytes()
    assert on_disk.startswith(b"OggS")
    as_reporter(client, seeded, stored.tracking_code)
    tracking = text(client.get(f"/track/{stored.tracking_code}").text)
    assert f"Kami menerima pesan suara Anda ({seconds} detik)." in tracking
    public = client.get(f"/reports/{stored.tracking_code}").text
    assert "<audio" not in public and voice.storage_key not in public


def test_a_sign_language_video_and_text_together(client: TestClient, seeded: str) -> None:
    _reach_details(client)
    typed = "Lampu jalan mati sejak minggu lalu."
    assert _tell(client, typed, ("isyarat.webm", webm_video(2))).status_code == 303
    [video] = _stored(seeded)
    assert (video.kind, video.content_type, video.duration_seconds) == (
        "sign_video",
        "video/webm",
        2,
    )
    page = text(client.get("/report/details").text)
    assert typed in page and "Video bahasa isyarat, 2 detik" in page
    # A new recording replaces the old one.
    assert _tell(client, typed, ("suara.wav", wav(3))).status_code == 303
    [voice] = _stored(seeded)
    assert (voice.kind, voice.duration_seconds) == ("voice", 3)


TOO_BIG = ("besar.wav", wav(120, rate=44100, width=2, channels=2))  # 21 MB, 2 minutes


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            ("suara.mp3", b"MZ\x90\x00program"),
            "Rekaman harus berupa berkas suara (Ogg, WebM, MP4, M4A, MP3, atau WAV) "
            "atau video (WebM atau MP4)",
        ),
        (TOO_BIG, "Pesan suara harus lebih kecil dari 20 MB, dan video lebih kecil dari 50 MB"),
        (("panjang.wav", wav(301)), "Rekaman harus 5 menit atau lebih pendek"),
        (("rusak.ogg", b"OggS" + b"\x00" * 500), "Rekaman tidak bisa dibuka. Coba berkas lain"),
    ],
)
def test_a_refused_recording_gets_an_error_and_stores_nothing(
    client: TestClient,
    seeded: str,
    settings: Settings,
    file: tuple[str, bytes],
    message: str,
) -> None:
    _reach_details(client)
    typed = "Jalan rusak di depan pasar"
    response = _tell(client, typed, file)
    assert response.status_code == 400
    assert f'<li><a href="#recording">{message}</a></li>' in response.text
    assert re.search(r'id="recording"[^>]*aria-invalid="true"', response.text)
    assert f">{typed}</textarea>" in response.text
    _nothing_stored(seeded, settings)


@pytest.mark.parametrize(
    ("details", "file", "field", "message"),
    [
        (
            "",
            None,
            "details",
            "Ceritakan apa yang terjadi, atau kirim pesan suara atau video bahasa isyarat",
        ),
        ("Rusak", ("suara.wav", wav(2)), "details", "Tulis paling sedikit 10 karakter"),
    ],
)
def test_text_or_a_recording_is_needed(
    client: TestClient,
    seeded: str,
    settings: Settings,
    details: str,
    file: tuple[str, bytes] | None,
    field: str,
    message: str,
) -> None:
    _reach_details(client)
    response = _tell(client, details, file)
    assert response.status_code == 400
    assert f'<li><a href="#{field}">{message}' in response.text
    _nothing_stored(seeded, settings)


def test_removing_the_only_answer_asks_the_question_again(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    _reach_details(client)
    assert _tell(client, "", ("suara.wav", wav(2))).status_code == 303
    page = client.get("/report/details")
    assert 'form="remove-recording-form"' in page.text
    removed = client.post(
        "/report/details",
        data={"csrftoken": form_token(page.text), "action": "remove-recording"},
        files={"recording": ("", b"", "application/octet-stream")},
        follow_redirects=False,
    )
    assert removed.status_code == 303
    _nothing_stored(seeded, settings)
    assert (
        client.get("/report/when", follow_redirects=False)
        .headers["location"]
        .endswith("/report/details")
    )
