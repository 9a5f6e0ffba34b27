"""Delivery through a real SMTP server on loopback: sent, retried with backoff while the server
is down, given up after the last attempt (and kept), never logged with the address."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import aware, utcnow
from gesi_app.notifications.delivery import MAX_ATTEMPTS, deliver_due
from gesi_app.notifications.mail import EmailSender
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from gesi_app.notifications.sms import SmsSender
from gesi_app.reports.models import Status
from gesi_app.reports.workflow import transition
from tests.notifications_support import (
    BASE_URL,
    MAIL_FROM,
    free_port,
    in_session,
    load_report,
    new_report,
    notifying_sessions,
    outbox,
    smtp_sender,
    smtp_server,
)
from tests.sms_gateway_support import sms_gateway

NOW = utcnow()


def _verified_report(url: str, **overrides: object) -> str:
    """A report just verified (its messages queued at NOW); returns its tracking code."""

    async def work(session: AsyncSession) -> str:
        report = await load_report(session, await new_report(session, **overrides))
        transition(report, Status.TERVERIFIKASI, actor_kind="staff", now=NOW)
        return report.tracking_code

    code: str = asyncio.run(in_session(url, work))
    return code


def _deliver(
    url: str, sender: EmailSender | None, now: dt.datetime, sms: SmsSender | None = None
) -> int:
    async def work(session: AsyncSession) -> int:
        return await deliver_due(session, sender, sms, now)

    sent: int = asyncio.run(in_session(url, work))
    return sent


def _rows(url: str) -> dict[OutboxChannel, Outbox]:
    return {row.channel: row for row in asyncio.run(in_session(url, outbox))}


def test_email_goes_through_smtp_with_the_tracking_link(database_url: str) -> None:
    code = _verified_report(database_url, locale="en")
    port = free_port()
    with smtp_server(port) as inbox, sms_gateway() as gateway:
        sent = _deliver(database_url, smtp_sender(port), NOW, gateway.sender())
        assert sent == 2  # the email and the SMS
    assert len(gateway.received) == 1
    [message] = inbox.messages
    assert inbox.recipients == ["siti@example.org"]
    assert message["To"] == "siti@example.org"
    assert message["From"] == MAIL_FROM
    assert message["Subject"] == f"Your report {code} has been checked"
    body = message.get_content()
    assert f"{BASE_URL}/track/{code}" in body
    assert body.startswith(f"Your report {code} has been checked.")
    rows = _rows(database_url)
    for row in rows.values():
        assert (row.status, row.attempts, row.last_error) == (OutboxStatus.SENT, 1, None)
        assert row.sent_at is not None and aware(row.sent_at) == NOW
    # Sent is sent: a later run has nothing to do.
    with smtp_server(port) as inbox:
        assert _deliver(database_url, smtp_sender(port), NOW + dt.timedelta(hours=1)) == 0
    assert inbox.messages == []


def test_smtp_down_keeps_the_email_and_retries_when_it_is_back(database_url: str) -> None:
    code = _verified_report(database_url)
    port = free_port()  # nothing listens there yet
    with sms_gateway() as gateway:
        sent = _deliver(database_url, smtp_sender(port), NOW, gateway.sender())
    assert sent == 1  # only the SMS went
    email = _rows(database_url)[OutboxChannel.EMAIL]
    assert (email.status, email.attempts) == (OutboxStatus.PENDING, 1)
    assert aware(email.next_attempt_at) == NOW + dt.timedelta(minutes=1)
    assert email.last_error == "ConnectionRefusedError"
    with smtp_server(port) as inbox:
        assert _deliver(database_url, smtp_sender(port), NOW + dt.timedelta(seconds=30)) == 0
        assert _deliver(database_url, smtp_sender(port), NOW + dt.timedelta(minutes=1)) == 1
    assert [m["Subject"] for m in inbox.messages] == [f"Laporan Anda {code} sudah diperiksa"]
    email = _rows(database_url)[OutboxChannel.EMAIL]
    assert (email.status, email.attempts, email.last_error) == (OutboxStatus.SENT, 2, None)


def test_after_the_last_attempt_the_message_is_failed_and_kept(database_url: str) -> None:
    _verified_report(database_url)
    port = free_port()
    when = NOW
    for attempt in range(1, MAX_ATTEMPTS + 1):
        _deliver(database_url, smtp_sender(port), when)
        email = _rows(database_url)[OutboxChannel.EMAIL]
        assert email.attempts == attempt
        when = aware(email.next_attempt_at)
    assert email.status is OutboxStatus.FAILED
    assert email.last_error == "ConnectionRefusedError"
    with smtp_server(port) as inbox:
        assert _deliver(database_url, smtp_sender(port), when + dt.timedelta(days=30)) == 0
    assert inbox.messages == []
    assert _rows(database_url)[OutboxChannel.EMAIL].status is OutboxStatus.FAILED


def test_without_smtp_emails_wait_untouched(database_url: str) -> None:
    _verified_report(database_url)
    with sms_gateway() as gateway:
        assert _deliver(database_url, None, NOW + dt.timedelta(days=2), gateway.sender()) == 1
    rows = _rows(database_url)
    assert (rows[OutboxChannel.EMAIL].status, rows[OutboxChannel.EMAIL].attempts) == (
        OutboxStatus.PENDING,
        0,
    )
    assert rows[OutboxChannel.SMS].status is OutboxStatus.SENT


def test_without_smtp_nor_a_gateway_nothing_counts_as_sent(database_url: str) -> None:
    _verified_report(database_url)
    assert _deliver(database_url, None, NOW + dt.timedelta(days=2)) == 0
    rows = _rows(database_url)
    assert rows[OutboxChannel.EMAIL].status is OutboxStatus.PENDING
    assert rows[OutboxChannel.SMS].status is OutboxStatus.NO_GATEWAY


def test_an_anonymous_reporters_contact_never_reaches_the_log(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _verified_report(
        database_url,
        anonim=True,
        contact_email="rahasia@example.org",
        contact_phone="+6281299887766",
    )
    port = free_port()
    with sms_gateway() as gateway:
        _deliver(database_url, smtp_sender(port), NOW, gateway.sender(token="wrong"))  # refused
        with smtp_server(port) as inbox:
            _deliver(database_url, smtp_sender(port), NOW + dt.timedelta(minutes=5))
    assert inbox.recipients == ["rahasia@example.org"]
    assert [r.json["to"] for r in gateway.received] == ["+6281299887766"]
    ours = [r for r in caplog.records if r.name.startswith("gesi_app")]
    assert any("not sent" in r.getMessage() for r in ours)
    assert any("(sms) not sent" in r.getMessage() for r in ours)
    for record in ours:
        message = record.getMessage()
        assert "rahasia@example.org" not in message
        assert "81299887766" not in message


def test_two_deliverers_at_once_send_each_message_once(database_url: str) -> None:
    for number in range(45):  # more than one batch each
        _verified_report(
            database_url, contact_email=f"warga{number}@example.org", contact_phone=None
        )
    port = free_port()

    async def deliverer() -> int:
        async with notifying_sessions(database_url) as sessions, sessions() as session:
            return await deliver_due(session, smtp_sender(port), None, NOW)

    async def both() -> list[int]:
        return list(await asyncio.gather(deliverer(), deliverer()))

    with smtp_server(port) as inbox:
        counts = asyncio.run(both())
    assert sum(counts) == 45
    assert sorted(inbox.recipients) == sorted(f"warga{n}@example.org" for n in range(45))
    assert {row.status for row in asyncio.run(in_session(database_url, outbox))} == {
        OutboxStatus.SENT
    }
