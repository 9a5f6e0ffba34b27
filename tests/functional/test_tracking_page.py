"""The report's page: status in plain words for every status, deadlines, timeline without
internal details, the conversation, what was sent, and never the reporter's contact details."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.reports.models import Attachment, Status
from gesi_app.settings import Settings
from tests import factories
from tests.functional.tracking_helpers import main, opened, prove, text, title

S = Status
INTERNAL = "Catatan internal: pelapor sudah ditelepon petugas"


@pytest.fixture
def url(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


def put_in(url: str, report_id: int, status: Status) -> None:
    """Bring a new report to ``status`` the way staff would."""
    if status is S.DITERIMA:
        return
    if status is S.TERVERIFIKASI:
        factories.move_report(url, report_id, S.TERVERIFIKASI, reason=INTERNAL)
    elif status in (S.DITINDAKLANJUTI, S.SELESAI):
        factories.answer_report(url, report_id, "Jalan sudah kami tambal.\nTerima kasih.")
        if status is S.SELESAI:
            factories.move_report(url, report_id, S.SELESAI)
    else:
        factories.move_report(url, report_id, status, reason=f"Alasan untuk {status.value}")


# status -> (status name, sentences the page must show), in Indonesian.
STATUS_PAGES = {
    S.DITERIMA: (
        "Diterima",
        [
            "Laporan Anda sudah kami terima.",
            "Petugas memeriksanya lalu meneruskannya ke instansi yang menangani.",
            "Pemeriksaan paling lama 3 hari kerja, paling lambat",
        ],
    ),
    S.TERVERIFIKASI: (
        "Terverifikasi",
        [
            "Laporan Anda sudah diperiksa dan diteruskan ke instansi yang menangani.",
            "Instansi menanggapi dalam 5 hari kerja.",
            "Laporan Anda diperiksa dan diteruskan ke instansi.",
        ],
    ),
    S.DITINDAKLANJUTI: (
        "Ditindaklanjuti",
        [
            "Instansi sudah menanggapi laporan Anda.",
            "Jika Anda tidak membalas, laporan selesai setelah 10 hari kerja, pada",
            "Tanggapan dari instansi",
            "Jalan sudah kami tambal. Terima kasih.",
            "Instansi menanggapi.",
        ],
    ),
    S.SELESAI: (
        "Selesai",
        ["Laporan Anda sudah selesai.", "Laporan selesai.", "Jalan sudah kami tambal."],
    ),
    S.DITUNDA: (
        "Ditunda",
        [
            "Penanganan laporan Anda ditunda.",
            "Alasan: Alasan untuk ditunda",
            "Anda tetap bisa mengirim balasan.",
        ],
    ),
    S.BUKAN_WEWENANG: (
        "Bukan wewenang",
        [
            "Laporan Anda bukan wewenang Pemerintah Kabupaten Tangerang.",
            "Kami sudah meneruskan laporan Anda ke sana.",
            "Alasan: Alasan untuk bukan_wewenang",
        ],
    ),
    S.DIARSIPKAN: (
        "Diarsipkan",
        [
            "Laporan Anda diarsipkan.",
            "Laporan ini tidak ditangani.",
            "Alasan: Alasan untuk diarsipkan",
        ],
    ),
}
CAN_REPLY = {S.DITERIMA, S.TERVERIFIKASI, S.DITINDAKLANJUTI, S.DITUNDA}


@pytest.mark.parametrize("status", list(Status), ids=lambda s: s.value)
def test_the_page_explains_every_status(client: TestClient, url: str, status: Status) -> None:
    report = opened(client, url)
    put_in(url, report.id, status)
    page = client.get(f"/track/{report.tracking_code}")
    assert page.status_code == 200
    name, sentences = STATUS_PAGES[status]
    words = text(page.text)
    assert f'<strong class="tag">{name}</strong>' in page.text
    for sentence in sentences:
        assert sentence in words
    assert title(page.text) == f"Laporan Anda {report.tracking_code} – Suara"
    assert main(page.text).count("<h1") == 1
    assert ('action="/track/' + report.tracking_code + '/reply"' in page.text) == (
        status in CAN_REPLY
    )
    # The timeline starts with the report's arrival; internal notes never show.
    assert words.index("Yang sudah terjadi") < words.index("Kami menerima laporan Anda.")
    assert INTERNAL not in page.text
    # Privacy: the reporter's name, email and phone are never on this page.
    for private in ("Siti Rahma", "siti@example.org", "6281234567890", "81234567890"):
        assert private not in page.text


def test_the_page_in_english(client: TestClient, url: str) -> None:
    report = opened(client, url)
    factories.answer_report(url, report.id, "We patched the road.")
    page = client.get(f"/track/{report.tracking_code}", params={"lang": "en"})
    words = text(page.text)
    for sentence in [
        "Tracking code",
        "Complaint",
        "The agency has answered your report.",
        "Read the answer below. If it does not solve your problem, send a reply.",
        "Without a reply from you, the report closes after 10 working days, on",
        "Answer from the agency",
        "We patched the road.",
        "Reply to the agency",
        "How good was the answer?",
        "1 – Very bad",
        "5 – Very good",
    ]:
        assert sentence in words
    assert '<strong class="tag">Answered</strong>' in page.text


def test_deadline_is_a_date_with_a_machine_readable_time(client: TestClient, url: str) -> None:
    report = opened(client, url)
    assert report.verify_due is not None
    page = client.get(f"/track/{report.tracking_code}", params={"lang": "en"})
    match = re.search(
        r"The check takes up to 3 working days, by "
        r'<time datetime="(\d{4}-\d\d-\d\d)">([^<]+)</time>\.',
        page.text,
    )
    assert match, text(page.text)
    assert match.group(1) == report.verify_due.isoformat()
    assert str(report.verify_due.year) in match.group(2)
    assert report.verify_due.strftime("%B") in match.group(2)


def test_an_overdue_check_is_said_plainly(client: TestClient, url: str) -> None:
    long_ago = dt.datetime(2026, 1, 5, 3, 0, tzinfo=dt.UTC)  # a Monday
    report = prove(client, factories.run(url, lambda s: factories.add_report(s, now=long_ago)))
    assert report.verify_due == dt.date(2026, 1, 8)
    page = client.get(f"/track/{report.tracking_code}", params={"lang": "en"})
    assert (
        'We are late. The check was due by <time datetime="2026-01-08">January 8, 2026</time>.'
        in page.text
    )
    assert "The check takes up to" not in page.text


def test_an_automatic_close_names_its_working_days(client: TestClient, url: str) -> None:
    report = opened(client, url)
    factories.answer_report(url, report.id, "We patched the road.")
    factories.move_report(url, report.id, S.SELESAI, actor_kind="system")
    page = client.get(f"/track/{report.tracking_code}", params={"lang": "en"})
    assert "The report closed because there was no reply for 10 working days." in text(page.text)


def test_the_code_is_spelled_out_for_screen_readers(client: TestClient, url: str) -> None:
    report = opened(client, url)
    page = client.get(f"/track/{report.tracking_code}")
    spelled = " ".join(report.tracking_code.replace("-", ""))
    assert f'<span class="visually-hidden">{spelled}</span>' in page.text
    assert f'aria-hidden="true">{report.tracking_code}</span>' in page.text


def test_files_and_voice_message_received_are_listed(client: TestClient, url: str) -> None:
    report = opened(client, url)

    async def attach(session: AsyncSession) -> None:
        for kind, name, content_type in [
            ("photo", "lubang-jalan.jpg", "image/jpeg"),
            ("voice", "pesan-suara.webm", "audio/webm"),
        ]:
            session.add(
                Attachment(
                    report_id=report.id,
                    kind=kind,
                    content_type=content_type,
                    filename=name,
                    storage_key=f"{kind}-key",
                    size=1000,
                    sha256="0" * 64,
                )
            )

    before = text(client.get(f"/track/{report.tracking_code}").text)
    assert "Anda tidak mengirim berkas." in before
    assert "Anda tidak mengirim pesan suara." in before
    factories.run(url, attach)
    words = text(client.get(f"/track/{report.tracking_code}").text)
    assert "Kami menerima 2 berkas:" in words
    assert "lubang-jalan.jpg (foto)" in words
    assert "pesan-suara.webm (pesan suara)" in words
    assert "Kami menerima pesan suara Anda." in words
    assert "/uploads/" not in words and "-key" not in words
