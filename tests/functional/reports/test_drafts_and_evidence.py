"""Drafts expire after 7 days; evidence goes up one file at a time without JavaScript."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.db.base import utcnow
from gesi_app.reports import draft_store
from gesi_app.reports.models import Attachment, Draft, Report
from gesi_app.settings import Settings
from tests import factories
from tests.conftest import form_token
from tests.file_metadata_support import pdf
from tests.functional.reports.journey_helpers import ANSWERS, answer, send
from tests.unit.reports.test_evidence import jpeg_with_gps


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


def test_drafts_are_purged_after_seven_days(database_url: str) -> None:
    start = utcnow() - dt.timedelta(days=8)

    async def work(session: AsyncSession) -> tuple[int, bool, bool]:
        old = await draft_store.start_draft(session, now=start)
        fresh = await draft_store.start_draft(session)
        await session.commit()
        old_loaded = await draft_store.load_draft(session, old.id) is not None
        fresh_loaded = await draft_store.load_draft(session, fresh.id) is not None
        purged = await draft_store.purge_expired(session)
        return purged, old_loaded, fresh_loaded

    purged, old_loaded, fresh_loaded = factories.run(database_url, work)
    assert (purged, old_loaded, fresh_loaded) == (1, False, True)


def _upload(client: TestClient, data: bytes, filename: str, description: str) -> tuple[int, str]:
    page = client.get("/report/evidence")
    response = client.post(
        "/report/evidence",
        data={
            "csrftoken": form_token(page.text),
            "action": "upload",
            "evidence_description": description,
        },
        files={"evidence_file": (filename, data, "application/octet-stream")},
        follow_redirects=False,
    )
    return response.status_code, response.text


def _reach_evidence(client: TestClient) -> None:
    for slug, data in ANSWERS:
        if slug == "evidence":
            return
        answer(client, slug, data)


def attachments(url: str) -> list[Attachment]:
    async def load(session: AsyncSession) -> list[Attachment]:
        return list((await session.scalars(select(Attachment).order_by(Attachment.id))).all())

    result: list[Attachment] = factories.run(url, load)
    return result


def test_upload_photo_strips_gps_and_moves_to_the_report(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    _reach_evidence(client)
    status, _html = _upload(client, jpeg_with_gps(), "jalan.jpg", "Lubang di depan pasar")
    assert status == 303
    page = client.get("/report/evidence").text
    assert "jalan.jpg: Lubang di depan pasar" in page
    assert "Anda menambahkan 1 berkas" in page
    [stored] = attachments(seeded)
    on_disk = (Path(settings.data_dir) / "uploads" / stored.storage_key).read_bytes()
    with Image.open(io.BytesIO(on_disk)) as image:
        assert not image.getexif()
    # A PDF needs no description.
    assert _upload(client, pdf(identifying=False), "surat.pdf", "")[0] == 303
    for slug, data in ANSWERS[ANSWERS.index(("evidence", {"action": "continue"})) :]:
        answer(client, slug, data)
    check = client.get("/report/check").text
    assert "jalan.jpg" in check and "surat.pdf" in check
    send(client)
    files = attachments(seeded)
    assert len(files) == 2
    assert all(a.report_id is not None and a.draft_id is None for a in files)


@pytest.mark.parametrize(
    ("data", "filename", "description", "field", "message"),
    [
        (
            b"MZ\x90\x00program",
            "foto.jpg",
            "x",
            "evidence_file",
            "Berkas harus berupa foto (JPG, PNG, atau WebP) atau PDF",
        ),
        (None, "foto.jpg", "", "evidence_description", "Jelaskan isi foto"),
        (b"", "", "", "evidence_file", "Pilih berkas untuk diunggah"),
    ],
)
def test_a_rejected_file_shows_an_error_and_stores_nothing(
    client: TestClient,
    seeded: str,
    settings: Settings,
    data: bytes | None,
    filename: str,
    description: str,
    field: str,
    message: str,
) -> None:
    _reach_evidence(client)
    status, html = _upload(client, jpeg_with_gps() if data is None else data, filename, description)
    assert status == 400
    assert f'<li><a href="#{field}">{message}</a></li>' in html
    if description:
        assert f'value="{description}"' in html
    assert attachments(seeded) == []
    uploads = Path(settings.data_dir) / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())


def test_remove_a_file(client: TestClient, seeded: str, settings: Settings) -> None:
    _reach_evidence(client)
    _upload(client, pdf(identifying=False), "surat.pdf", "")
    [stored] = attachments(seeded)
    page = client.get("/report/evidence")
    response = client.post(
        "/report/evidence",
        data={"csrftoken": form_token(page.text), "action": f"remove:{stored.id}"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert attachments(seeded) == []
    assert not (Path(settings.data_dir) / "uploads" / stored.storage_key).exists()


def test_no_report_is_stored_before_the_last_press(client: TestClient, seeded: str) -> None:
    for slug, data in ANSWERS:
        answer(client, slug, data)

    async def counts(session: AsyncSession) -> tuple[int, int]:
        reports = await session.scalar(select(func.count()).select_from(Report))
        kept = await session.scalar(select(func.count()).select_from(Draft))
        return int(reports or 0), int(kept or 0)

    assert factories.run(seeded, counts) == (0, 1)


@pytest.mark.parametrize("token", [None, "forged", "other-valid"])
def test_an_upload_without_the_right_csrf_token_is_refused(
    client: TestClient, seeded: str, token: str | None
) -> None:
    _reach_evidence(client)
    data: dict[str, str] = {"action": "upload", "evidence_description": "x"}
    if token == "forged":
        data["csrftoken"] = "abc.def"
    elif token == "other-valid":
        # A genuine token from another browser does not match this browser's cookie.
        from starlette.testclient import TestClient as Other

        other = Other(client.app)
        data["csrftoken"] = form_token(other.get("/preferences").text)
    response = client.post(
        "/report/evidence",
        data=data,
        files={"evidence_file": ("a.pdf", b"%PDF-1.4", "application/pdf")},
    )
    assert response.status_code == 403
    assert attachments(seeded) == []
