"""Nothing promises an SMS that does not go out: without a gateway the contact step and the
confirmation speak of email only (the number is for staff to call), and the admins' page of
messages counts the SMS not sent, says why and how to set a gateway up, and never says that
every message was delivered. With a gateway, the promise is back and the admin can send the
SMS that were not sent (audited)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.db.base import utcnow
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from gesi_app.reports.models import Status
from gesi_app.settings import Settings
from tests import factories
from tests.casework_support import audit_entries, report_in
from tests.conftest import make_settings
from tests.functional.reports.journey_helpers import answer_all, send
from tests.functional.test_staff_intake import FORM
from tests.functional.test_staff_intake_records import done_code, form_token
from tests.functional.test_staff_intake_records import send as send_intake
from tests.staff_support import make_team, sign_in, token

GATEWAY = {"GESI_SMS_URL": "http://127.0.0.1:9/v1/sms", "GESI_SMS_TOKEN": "t0ken-for-tests"}
PHONE_HINT = {
    "id": "Kami tidak mengirim pesan singkat (SMS). Petugas mungkin menelepon Anda jika ada "
    "pertanyaan.",
    "en": "We do not send text messages (SMS). Staff may call you if they have a question.",
}
SMS_HINT = {
    "id": "Untuk pesan singkat (SMS).",
    "en": "For text messages (SMS).",
}
EMAIL_ONLY = {
    "id": "Kami mengirim email saat laporan Anda diperiksa, dijawab, dan selesai.",
    "en": "We send an email when your report is checked, answered and closed.",
}
PIN_EMAIL_ONLY = {
    "id": "Jika Anda memberi alamat email, kami juga mengirim PIN ke sana.",
    "en": "If you gave an email address, we also send the PIN there.",
}
PIN_SMS_TOO = {
    "id": "Jika Anda memberi alamat email atau nomor telepon, kami juga mengirim PIN ke sana.",
    "en": "If you gave an email address or phone number, we also send the PIN there.",
}
ALL_SENT = {
    "id": "Semua pesan sudah terkirim",
    "en": "Every message was delivered",
}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def gateway_client(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    """The app with an SMS gateway set up (nothing is sent in these tests)."""
    app = create_app(make_settings(tmp_path / "gw", database_url, **GATEWAY))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def _contact_and_done(client: TestClient, lang: str) -> tuple[str, str]:
    client.get(f"/?lang={lang}")
    answer_all(client)
    contact = text_of(client.get("/report/contact?return=check").text)
    assert send(client).status_code == 303
    done = text_of(client.get("/report/done").text)
    return contact, done


@pytest.mark.parametrize("lang", ["id", "en"])
def test_without_a_gateway_the_journey_promises_email_only(
    client: TestClient, settings: Settings, lang: str
) -> None:
    factories.seed(settings.database_url)
    contact, done = _contact_and_done(client, lang)
    assert PHONE_HINT[lang] in contact
    assert EMAIL_ONLY[lang] in contact
    assert SMS_HINT[lang] not in contact
    assert PIN_EMAIL_ONLY[lang] in done
    assert PIN_SMS_TOO[lang] not in done


@pytest.mark.parametrize("lang", ["id", "en"])
def test_with_a_gateway_the_journey_promises_sms(
    gateway_client: TestClient, database_url: str, lang: str
) -> None:
    factories.seed(database_url)
    contact, done = _contact_and_done(gateway_client, lang)
    assert SMS_HINT[lang] in contact
    assert PHONE_HINT[lang] not in contact
    assert EMAIL_ONLY[lang] not in contact
    assert PIN_SMS_TOO[lang] in done


def _add(database_url: str, report_id: int, *rows: tuple[OutboxChannel, OutboxStatus]) -> None:
    async def go(session: AsyncSession) -> None:
        session.add_all(
            Outbox(
                report_id=report_id, channel=channel, locale="id", kind="verified",
                recipient="+6281234567890" if channel is OutboxChannel.SMS else "a@example.org",
                subject="Diverifikasi", body="Laporan diperiksa.", status=status,
                attempts=0, next_attempt_at=utcnow() + dt.timedelta(hours=1),
                last_error="no SMS gateway (GESI_SMS_URL)"
                if status is OutboxStatus.NO_GATEWAY else None,
            )
            for channel, status in rows
        )  # fmt: skip

    factories.run(database_url, go)


def _statuses(database_url: str) -> list[OutboxStatus]:
    async def go(session: AsyncSession) -> list[OutboxStatus]:
        return list(await session.scalars(select(Outbox.status).order_by(Outbox.id)))

    found: list[OutboxStatus] = factories.run(database_url, go)
    return found


@pytest.mark.parametrize(
    ("lang", "count", "heading", "how"),
    [
        ("id", "2 SMS untuk pelapor tidak terkirim.", "SMS tidak dikirim: belum ada gateway SMS",
         "pengelola server mengisi GESI_SMS_URL dan GESI_SMS_TOKEN (lihat docs/sms-gateway.md)"),
        ("en", "2 SMS to reporters were not sent.", "SMS are not sent: no SMS gateway is set up",
         "the server administrator sets GESI_SMS_URL and GESI_SMS_TOKEN (see docs/sms-gateway.md)"),
    ],
)  # fmt: skip
def test_without_a_gateway_the_admin_sees_the_sms_not_sent_and_how_to_fix_it(
    client: TestClient, database_url: str, lang: str, count: str, heading: str, how: str
) -> None:
    make_team(database_url)
    report = report_in(database_url, Status.DITERIMA)
    sign_in(client, "admin")
    empty = text_of(client.get(f"/staff/notifications?lang={lang}").text)
    assert heading in empty  # no gateway is said even before any SMS is due
    assert ALL_SENT[lang] in empty
    sent = (OutboxChannel.EMAIL, OutboxStatus.SENT)
    no_gateway = (OutboxChannel.SMS, OutboxStatus.NO_GATEWAY)
    _add(database_url, report.id, sent, no_gateway, no_gateway)
    page = text_of(client.get(f"/staff/notifications?lang={lang}").text)
    assert heading in page
    assert count in page
    assert how in page
    assert ALL_SENT[lang] not in page
    assert "+6281234567890" not in page and "0812" not in page
    assert 'action="/staff/notifications/resend-sms"' not in page
    # Sending them again needs a gateway first: nothing changes.
    response = client.post(
        "/staff/notifications/resend-sms", data={"csrftoken": token(client)}, follow_redirects=False
    )
    assert response.status_code == 404
    assert _statuses(database_url).count(OutboxStatus.NO_GATEWAY) == 2


@pytest.mark.parametrize(
    ("lang", "heading", "done"),
    [
        ("id", "2 SMS tidak terkirim: saat itu belum ada gateway SMS",
         "SMS akan dikirim dalam satu menit"),
        ("en", "2 SMS were not sent: there was no SMS gateway then",
         "The SMS will be sent in the next minute"),
    ],
)  # fmt: skip
def test_once_a_gateway_is_set_up_the_admin_sends_the_sms_not_sent(
    gateway_client: TestClient, database_url: str, lang: str, heading: str, done: str
) -> None:
    team = make_team(database_url)
    report = report_in(database_url, Status.DITERIMA)
    no_gateway = (OutboxChannel.SMS, OutboxStatus.NO_GATEWAY)
    _add(database_url, report.id, no_gateway, no_gateway, (OutboxChannel.EMAIL, OutboxStatus.SENT))
    sign_in(gateway_client, "admin")
    page = gateway_client.get(f"/staff/notifications?lang={lang}").text
    assert heading in text_of(page)
    assert ALL_SENT[lang] not in text_of(page)
    response = gateway_client.post(
        "/staff/notifications/resend-sms",
        data={"csrftoken": token(gateway_client)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/notifications?resent=1"
    assert _statuses(database_url) == [
        OutboxStatus.PENDING,
        OutboxStatus.PENDING,
        OutboxStatus.SENT,
    ]
    [entry] = audit_entries(database_url, "notification_retried")
    assert entry.actor_id == team.ids["admin"]
    assert entry.before == {"status": "no_gateway", "count": 2}
    after = text_of(gateway_client.get(f"/staff/notifications?lang={lang}&resent=1").text)
    assert done in after
    assert heading not in after
    sign_in(gateway_client, "verifikator")
    assert (
        gateway_client.post(
            "/staff/notifications/resend-sms",
            data={"csrftoken": token(gateway_client)},
            follow_redirects=False,
        ).status_code
        == 403
    )


@pytest.mark.parametrize("with_gateway", [False, True], ids=["no gateway", "gateway"])
def test_staff_intake_promises_the_pin_by_sms_only_with_a_gateway(
    client: TestClient, gateway_client: TestClient, database_url: str, with_gateway: bool
) -> None:
    staff = gateway_client if with_gateway else client
    make_team(database_url)
    sign_in(staff, "verifikator")
    sent = send_intake(staff, {**FORM, "form_token": form_token(staff)}, lang="id")
    assert sent.status_code == 303
    _code, page = done_code(staff, lang="id")
    said = text_of(page.text)
    by_sms = "Jika pelapor memberi alamat email atau nomor telepon, PIN juga dikirim ke sana."
    email_only = "Jika pelapor memberi alamat email, PIN juga dikirim ke sana. SMS tidak dikirim"
    assert (by_sms in said) is with_gateway
    assert (email_only in said) is not with_gateway
