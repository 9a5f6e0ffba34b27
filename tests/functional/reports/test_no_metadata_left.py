"""Nothing identifying is left in the files a reporter sends: photos and PDFs through the
evidence question, voice messages and sign-language videos through "What happened?". What is
on disk (what officers download) has no EXIF, XMP, document properties or recording tags; a
picture bomb is refused from its header, quickly, on the same page."""

from __future__ import annotations

import hashlib
import io
import re
import time
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.reports.models import Attachment
from gesi_app.settings import Settings
from tests import factories
from tests.conftest import form_token
from tests.file_metadata_support import IDENTIFYING, identifying_photo, pdf, png_bomb
from tests.functional.reports.journey_helpers import ANSWERS, answer
from tests.recording_support import (
    LOCATION,
    assert_nothing_identifying,
    media_facts,
    require_media_tools,
    tagged,
)


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


def _reach(client: TestClient, question: str) -> None:
    for slug, data in ANSWERS:
        if slug == question:
            return
        assert answer(client, slug, data).status_code == 303


def _stored(url: str) -> list[Attachment]:
    async def load(session: AsyncSession) -> list[Attachment]:
        return list((await session.scalars(select(Attachment).order_by(Attachment.id))).all())

    found: list[Attachment] = factories.run(url, load)
    return found


def _on_disk(settings: Settings, attachment: Attachment) -> bytes:
    data = (Path(settings.data_dir) / "uploads" / attachment.storage_key).read_bytes()
    assert attachment.sha256 == hashlib.sha256(data).hexdigest() == attachment.storage_key
    assert attachment.size == len(data)
    return data


def _upload(client: TestClient, data: bytes, filename: str, description: str):  # type: ignore[no-untyped-def]
    page = client.get("/report/evidence")
    return client.post(
        "/report/evidence",
        data={
            "csrftoken": form_token(page.text),
            "action": "upload",
            "evidence_description": description,
        },
        files={"evidence_file": (filename, data, "application/octet-stream")},
        follow_redirects=False,
    )


def test_photos_and_pdfs_are_stored_with_no_metadata(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    _reach(client, "evidence")
    sent = [
        ("miring.jpg", identifying_photo("JPEG", orientation=6), "JPEG"),
        ("tanda.png", identifying_photo("PNG"), "PNG"),
        ("jalan.webp", identifying_photo("WEBP", orientation=8), "WEBP"),
        ("surat.pdf", pdf(pages=2), "PDF"),
    ]
    for filename, data, _kind in sent:
        assert any(marker.encode() in data for marker in IDENTIFYING)
        response = _upload(client, data, filename, "Lubang di depan pasar")
        assert response.status_code == 303, response.text[-600:]
    stored = _stored(seeded)
    assert [a.filename for a in stored] == [name for name, _data, _kind in sent]
    for attachment, (_name, _data, kind) in zip(stored, sent, strict=True):
        data = _on_disk(settings, attachment)
        for marker in IDENTIFYING:
            assert marker.encode() not in data, (attachment.filename, marker)
        if kind == "PDF":
            reader = PdfReader(io.BytesIO(data))
            assert (reader.metadata, reader.xmp_metadata, len(reader.pages)) == (None, None, 2)
            continue
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == kind
            assert not image.getexif()
            assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
            # Orientations 6 and 8 turn the picture a quarter: applied to the pixels.
            assert image.size == ((64, 48) if kind == "PNG" else (48, 64))


def test_a_picture_bomb_is_refused_from_its_header_on_the_same_page(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    _reach(client, "evidence")
    bomb = png_bomb()  # 120 megapixels in under 20 KB
    started = time.perf_counter()
    response = _upload(client, bomb, "bom.png", "Foto jalan")
    took = time.perf_counter() - started
    assert response.status_code == 400
    message = (
        "Foto terlalu besar untuk dibuka: lebih dari 40 megapiksel. Pilih foto yang lebih kecil"
    )
    assert f'<li><a href="#evidence_file">{message}</a></li>' in response.text
    assert 'value="Foto jalan"' in response.text  # what was typed is kept
    assert took < 1.0, took  # decoding it took seconds and stalled every other request
    assert _stored(seeded) == []
    uploads = Path(settings.data_dir) / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())


def _tell(client: TestClient, details: str, filename: str, data: bytes):  # type: ignore[no-untyped-def]
    page = client.get("/report/details")
    return client.post(
        "/report/details",
        data={"csrftoken": form_token(page.text), "details": details},
        files={"recording": (filename, data, "application/octet-stream")},
        follow_redirects=False,
    )


def test_a_sign_language_video_loses_its_location(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    require_media_tools("ffmpeg")
    _reach(client, "details")
    video = tagged("mp4")  # location +12.3456+098.7654/, time, owner, device, a chapter
    tags = media_facts(video)["tags"]
    assert isinstance(tags, dict) and tags["location"] == LOCATION
    response = _tell(client, "", "isyarat.mp4", video)
    assert response.status_code == 303, response.text[-600:]
    [stored] = _stored(seeded)
    assert (stored.kind, stored.content_type, stored.duration_seconds) == (
        "sign_video",
        "video/mp4",
        2,
    )
    assert_nothing_identifying(_on_disk(settings, stored))


def test_a_voice_message_loses_its_tags(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    require_media_tools("ffmpeg")
    _reach(client, "details")
    response = _tell(client, "", "suara.webm", tagged("webm", video=False))
    assert response.status_code == 303, response.text[-600:]
    [stored] = _stored(seeded)
    assert (stored.kind, stored.content_type) == ("voice", "audio/webm")
    assert_nothing_identifying(_on_disk(settings, stored))


def test_a_recording_that_cannot_be_cleaned_is_refused_on_the_same_page(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    require_media_tools("ffmpeg")
    _reach(client, "details")
    typed = "Jalan rusak di depan pasar"
    response = _tell(client, typed, "suara.mp3", tagged("mp2", video=False))
    assert response.status_code == 400
    message = (
        "Kami tidak bisa menghapus data tersembunyi (misalnya tempat rekaman dibuat) dari "
        "rekaman ini. Coba berkas lain atau rekam lagi"
    )
    assert f'<li><a href="#recording">{message}</a></li>' in response.text
    assert re.search(r'id="recording"[^>]*aria-invalid="true"', response.text)
    assert f">{typed}</textarea>" in response.text
    assert _stored(seeded) == []
    uploads = Path(settings.data_dir) / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())
