"""The audit log page shows what changed in the page's language: labels instead of keys, agency
and topic names instead of ids, statuses and yes/no in words, lengths in characters and dates
as dates; a key no one named still reads as words, with its value as recorded."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.categories.models import Category
from tests import factories
from tests.staff_support import make_team, sign_in

EXPECTED = {
    "en": [
        "Status: Received",
        "Status: Verified",
        "Agency: Public Works Agency",
        "Topic: Roads and bridges",
        "Anonymous: No",
        "Confidential: Yes",
        "Answer deadline: December 10, 2026",
        "Answer length: 120 characters",
        "Agency: number 9999 (no longer there)",
        "Mystery key: 42",
        "Status: Not sent: no SMS gateway",
        "Status: Waiting to be sent",
        "Number of messages: 3",
        "Sent through: Email, SMS",
        "How the PIN was given: Sent to the reporter",
        "Role: Agency officer",
    ],
    "id": [
        "Status: Diterima",
        "Status: Terverifikasi",
        "Instansi: Dinas Pekerjaan Umum",
        "Topik: Jalan dan jembatan",
        "Anonim: Tidak",
        "Rahasia: Ya",
        "Batas waktu jawaban: 10 Desember 2026",
        "Panjang jawaban: 120 karakter",
        "Instansi: nomor 9999 (sudah tidak ada)",
        "Mystery key: 42",
        "Status: Tidak terkirim: belum ada gateway SMS",
        "Status: Menunggu dikirim",
        "Jumlah pesan: 3",
        "Dikirim lewat: Email, SMS",
        "Cara PIN diberikan: Dikirim ke pelapor",
        "Peran: Petugas instansi",
    ],
}
RAW = ("agency_id", "answer_length", "category_id", "mystery_key", "no_gateway", "answer_due")


def record_entries(database_url: str, agency_id: int) -> None:
    """Entries as the services record them (keys and raw values), through the audit module."""

    async def go(session: AsyncSession) -> None:
        topic = Category(
            slug="jalan-audit", name_id="Jalan dan jembatan", name_en="Roads and bridges"
        )
        session.add(topic)
        await session.flush()
        await audit.record(
            session, None, Action.REPORT_VERIFIED, "report", "SRA-7K4Q-2M",
            before={"status": "diterima", "agency_id": None, "category_id": None},
            after={"status": "terverifikasi", "agency_id": agency_id, "category_id": topic.id,
                   "anonim": False, "rahasia": True, "answer_due": "2026-12-10"},
            actor_username="system",
        )  # fmt: skip
        await audit.record(
            session, None, Action.REPORT_ANSWERED, "report", "SRA-7K4Q-2M",
            before={"agency_id": 9999}, after={"answer_length": 120, "mystery_key": 42},
            actor_username="system",
        )  # fmt: skip
        await audit.record(
            session, None, Action.NOTIFICATION_RETRIED, "notification", None,
            before={"status": "no_gateway", "count": 3}, after={"status": "pending", "count": 3},
            actor_username="system",
        )  # fmt: skip
        await audit.record(
            session, None, Action.REPORTER_KEY_ISSUED, "report", "SRA-7K4Q-2M",
            before={"had_pin": True}, after={"delivery": "send", "channels": ["email", "sms"]},
            actor_username="system",
        )  # fmt: skip
        await audit.record(
            session, None, Action.USER_CHANGED, "staff_user", 1,
            before={"role": "verifier"}, after={"role": "agency_officer"},
            actor_username="system",
        )  # fmt: skip

    factories.run(database_url, go)


def items(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", html)]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_audit_log_shows_labels_and_values_in_the_pages_language(
    client: TestClient, database_url: str, lang: str
) -> None:
    team = make_team(database_url)
    record_entries(database_url, team.agencies["dpupr"])
    sign_in(client, "admin")
    page = client.get(f"/staff/audit?lang={lang}").text
    shown = items(page.split("<tbody>")[1])
    for line in EXPECTED[lang]:
        assert line in shown, line
    for raw in RAW:
        assert f"{raw}:" not in page
    assert "True" not in shown and "False" not in shown


def test_the_audit_log_of_a_real_change_reads_in_words(
    client: TestClient, database_url: str
) -> None:
    """A staff member's account changed through the app: role and agency as words and names."""
    team = make_team(database_url)
    sign_in(client, "admin")
    page = client.get(f"/staff/users/{team.ids['fasilitator']}").text
    token = re.search(r'name="csrftoken" value="([^"]+)"', page)
    assert token is not None
    client.post(
        f"/staff/users/{team.ids['fasilitator']}",
        data={
            "csrftoken": token.group(1),
            "role": "agency_officer",
            "agency": str(team.agencies["dinkes"]),
            "active": "yes",
        },
    )
    shown = items(client.get("/staff/audit?lang=id&action=user_changed").text.split("<tbody>")[1])
    assert "Peran: Fasilitator" in shown
    assert "Peran: Petugas instansi" in shown
    assert "Instansi: Dinas Kesehatan" in shown
    assert "Instansi: –" in shown
