"""Messages not delivered: the admin sees failed and waiting messages with the recipient
masked and never the body, and "retry now" makes one due at once (audited)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.db.base import utcnow
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from gesi_app.reports.models import Status
from tests import factories
from tests.casework_support import audit_entries, report_in
from tests.staff_support import make_team, sign_in, token

BODY = "Laporan Anda tentang rumah Bu Siti di Jl. Melati 7 sudah dijawab."


def add_messages(database_url: str, report_id: int) -> dict[str, int]:
    later = utcnow() + dt.timedelta(hours=2)

    async def go(session: AsyncSession) -> dict[str, int]:
        rows = {
            "failed": Outbox(
                report_id=report_id, channel=OutboxChannel.EMAIL, recipient="siti@example.org",
                locale="id", kind="answered", subject="Dijawab", body=BODY,
                status=OutboxStatus.FAILED, attempts=12, last_error="SMTPRecipientsRefused 550",
            ),
            "waiting": Outbox(
                report_id=report_id, channel=OutboxChannel.SMS, recipient="+6281234567890",
                locale="id", kind="verified", subject="Diverifikasi", body=BODY,
                status=OutboxStatus.PENDING, attempts=2, next_attempt_at=later,
                last_error="ConnectionRefusedError",
            ),
            "fresh": Outbox(
                report_id=report_id, channel=OutboxChannel.EMAIL, recipient="fresh@example.org",
                locale="id", kind="closed", subject="Selesai", body=BODY,
            ),
            "sent": Outbox(
                report_id=report_id, channel=OutboxChannel.EMAIL, recipient="sent@example.org",
                locale="id", kind="closed", subject="Selesai", body=BODY,
                status=OutboxStatus.SENT, attempts=1,
            ),
        }  # fmt: skip
        session.add_all(rows.values())
        await session.flush()
        return {name: row.id for name, row in rows.items()}

    ids: dict[str, int] = factories.run(database_url, go)
    return ids


def load(database_url: str, outbox_id: int) -> Outbox:
    async def go(session: AsyncSession) -> Outbox | None:
        return await session.scalar(select(Outbox).where(Outbox.id == outbox_id))

    row: Outbox = factories.run(database_url, go)
    return row


def aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def retry(client: TestClient, outbox_id: int) -> object:
    return client.post(
        f"/staff/notifications/{outbox_id}/retry",
        data={"csrftoken": token(client)},
        follow_redirects=False,
    )


def test_admin_sees_failed_and_waiting_messages_masked_and_without_their_body(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    report = report_in(database_url, Status.DITERIMA)
    add_messages(database_url, report.id)
    sign_in(client, "admin")
    assert 'href="/staff/notifications"' in client.get("/staff?lang=en").text
    page = client.get("/staff/notifications?lang=en").text
    assert report.tracking_code in page
    assert "s***@example.org" in page
    assert "0812****7890" in page
    assert "Failed, no more tries" in page
    assert "Waiting for another try" in page
    assert "SMTPRecipientsRefused 550" in page
    for private in ("siti@example.org", "+6281234567890", "081234567890", "Jl. Melati", BODY):
        assert private not in page
    assert "f***@example.org" not in page  # not tried yet: not a problem
    assert page.count("Retry now<span") == 2


def test_retry_now_makes_a_message_due_at_once_and_is_audited(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    report = report_in(database_url, Status.DITERIMA)
    ids = add_messages(database_url, report.id)
    sign_in(client, "admin")
    before = utcnow()
    response = retry(client, ids["failed"])
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"] == "/staff/notifications?retried=1"  # type: ignore[attr-defined]
    row = load(database_url, ids["failed"])
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 12)
    assert before - dt.timedelta(seconds=1) <= aware(row.next_attempt_at) <= utcnow()
    [entry] = audit_entries(database_url, "notification_retried")
    assert entry.actor_id == team.ids["admin"]
    assert entry.before == {"status": "failed", "attempts": 12}
    assert entry.after == {"status": "pending", "attempts": 12}
    assert retry(client, ids["waiting"]).status_code == 303  # type: ignore[attr-defined]
    waiting = load(database_url, ids["waiting"])
    assert aware(waiting.next_attempt_at) <= utcnow()


def test_a_sent_or_unknown_message_cannot_be_retried(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    report = report_in(database_url, Status.DITERIMA)
    ids = add_messages(database_url, report.id)
    sign_in(client, "admin")
    assert retry(client, ids["sent"]).status_code == 404  # type: ignore[attr-defined]
    assert retry(client, 9999).status_code == 404  # type: ignore[attr-defined]
    assert load(database_url, ids["sent"]).status is OutboxStatus.SENT
    assert audit_entries(database_url, "notification_retried") == []
    sign_in(client, "verifikator")
    assert retry(client, ids["failed"]).status_code == 403  # type: ignore[attr-defined]
    assert load(database_url, ids["failed"]).status is OutboxStatus.FAILED
