"""SMS through the HTTP gateway contract (docs/sms-gateway.md), against a real HTTP server on
loopback standing for the gateway: sent, refused for good (4xx, a wrong token), tried again
after a 5xx or a timeout with the same backoff as email, and the request carries only the
number, the text and our reference. Without a gateway, SMS are recorded as not sent."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import aware, utcnow
from gesi_app.notifications.delivery import deliver_due
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from gesi_app.notifications.sms import HttpSms, SmsConfig, SmsSender
from gesi_app.reports.models import Status
from gesi_app.reports.workflow import transition
from tests.notifications_support import BASE_URL, in_session, load_report, new_report, outbox
from tests.sms_gateway_support import TOKEN, Reply, sms_gateway

NOW = utcnow()
PRIVATE = ("Siti Rahma", "siti@example.org", "Jl. Melati 7", "Bu Siti", "Depan pasar")


def _verified(url: str, **overrides: object) -> str:
    async def work(session: AsyncSession) -> str:
        report = await load_report(session, await new_report(session, **overrides))
        transition(report, Status.TERVERIFIKASI, actor_kind="staff", now=NOW)
        return report.tracking_code

    code: str = asyncio.run(in_session(url, work))
    return code


def _deliver(url: str, sms: SmsSender | None, now: dt.datetime) -> int:
    async def work(session: AsyncSession) -> int:
        return await deliver_due(session, None, sms, now)

    sent: int = asyncio.run(in_session(url, work))
    return sent


def _sms(url: str) -> Outbox:
    rows = [r for r in asyncio.run(in_session(url, outbox)) if r.channel is OutboxChannel.SMS]
    [row] = rows
    return row


def test_an_sms_goes_to_the_gateway_with_only_the_number_the_text_and_our_reference(
    database_url: str,
) -> None:
    code = _verified(
        database_url,
        locale="en",
        contact_phone="0812-3456-7890",  # as typed; the gateway gets E.164
        title="Rumah Bu Siti di Jl. Melati 7 kebanjiran",
        description="Bu Siti di Jl. Melati 7 tidak bisa keluar rumah.",
    )
    with sms_gateway() as gateway:
        assert _deliver(database_url, gateway.sender(), NOW) == 1
    [request] = gateway.received
    assert request.path == "/v1/sms"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    row = _sms(database_url)
    assert request.json == {"to": "+6281234567890", "message": row.body, "reference": str(row.id)}
    # The text says what the reporter needs, and nothing else of them or the report.
    assert row.body.startswith(f"Report {code} was checked")
    assert f"{BASE_URL}/track/{code}" in row.body
    for private in PRIVATE:
        assert private.encode() not in request.raw
    assert (row.status, row.attempts, row.last_error) == (OutboxStatus.SENT, 1, None)
    assert row.sent_at is not None and aware(row.sent_at) == NOW


def test_a_4xx_is_a_permanent_failure_and_not_tried_again(database_url: str) -> None:
    _verified(database_url)
    with sms_gateway(Reply(422, b'{"error": "invalid number"}')) as gateway:
        assert _deliver(database_url, gateway.sender(), NOW) == 0
        assert _deliver(database_url, gateway.sender(), NOW + dt.timedelta(days=2)) == 0
    assert len(gateway.received) == 1
    row = _sms(database_url)
    assert (row.status, row.attempts, row.last_error) == (OutboxStatus.FAILED, 1, "HTTP 422")


def test_a_wrong_token_is_refused_for_good_and_named_without_the_token(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _verified(database_url)
    with sms_gateway() as gateway:
        assert _deliver(database_url, gateway.sender(token="wrong-token-123"), NOW) == 0
    [request] = gateway.received
    assert request.headers["Authorization"] == "Bearer wrong-token-123"
    row = _sms(database_url)
    assert row.status is OutboxStatus.FAILED
    assert row.last_error == "HTTP 401 (token refused: check GESI_SMS_TOKEN)"
    assert all("wrong-token-123" not in r.getMessage() for r in caplog.records)


def test_a_5xx_is_tried_again_with_the_email_backoff_then_sent(database_url: str) -> None:
    _verified(database_url)
    with sms_gateway(Reply(503), Reply(500)) as gateway:
        assert _deliver(database_url, gateway.sender(), NOW) == 0
        row = _sms(database_url)
        assert (row.status, row.attempts, row.last_error) == (OutboxStatus.PENDING, 1, "HTTP 503")
        assert aware(row.next_attempt_at) == NOW + dt.timedelta(minutes=1)
        # Not due yet: the gateway hears nothing.
        assert _deliver(database_url, gateway.sender(), NOW + dt.timedelta(seconds=30)) == 0
        assert len(gateway.received) == 1
        second = NOW + dt.timedelta(minutes=1)
        assert _deliver(database_url, gateway.sender(), second) == 0
        row = _sms(database_url)
        assert (row.attempts, row.last_error) == (2, "HTTP 500")
        assert aware(row.next_attempt_at) == second + dt.timedelta(minutes=2)
        assert _deliver(database_url, gateway.sender(), second + dt.timedelta(minutes=2)) == 1
    assert [r.json["reference"] for r in gateway.received] == [str(row.id)] * 3
    row = _sms(database_url)
    assert (row.status, row.attempts, row.last_error) == (OutboxStatus.SENT, 3, None)


def test_a_gateway_that_does_not_answer_in_time_is_tried_again(database_url: str) -> None:
    _verified(database_url)
    with sms_gateway(Reply(200, delay=1.5)) as gateway:
        started = time.monotonic()
        assert _deliver(database_url, gateway.sender(timeout=0.3), NOW) == 0
        assert time.monotonic() - started < 1.4  # gave up at the timeout, not at the answer
        row = _sms(database_url)
        assert (row.status, row.attempts, row.last_error) == (OutboxStatus.PENDING, 1, "timeout")
        assert aware(row.next_attempt_at) == NOW + dt.timedelta(minutes=1)
        later = NOW + dt.timedelta(minutes=1)
        assert _deliver(database_url, gateway.sender(timeout=0.3), later) == 1
    assert _sms(database_url).status is OutboxStatus.SENT


def test_a_gateway_that_is_down_is_tried_again(database_url: str) -> None:
    _verified(database_url)
    with sms_gateway() as gateway:
        sender = gateway.sender()
    assert _deliver(database_url, sender, NOW) == 0  # nothing listens there any more
    row = _sms(database_url)
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert row.last_error == "ConnectionRefusedError"


def test_a_2xx_without_an_id_is_not_counted_as_sent_nor_sent_twice(database_url: str) -> None:
    _verified(database_url)
    with sms_gateway(Reply(200, b'{"status": "ok"}')) as gateway:
        assert _deliver(database_url, gateway.sender(), NOW) == 0
        assert _deliver(database_url, gateway.sender(), NOW + dt.timedelta(days=1)) == 0
    assert len(gateway.received) == 1
    row = _sms(database_url)
    assert (row.status, row.last_error) == (OutboxStatus.FAILED, "HTTP 200 without an id")


def test_a_landline_is_never_sent_to_the_gateway(database_url: str) -> None:
    _verified(database_url, contact_phone="+62215551234")
    with sms_gateway() as gateway:
        assert _deliver(database_url, gateway.sender(), NOW) == 0
    assert gateway.received == []
    row = _sms(database_url)
    assert (row.status, row.last_error) == (OutboxStatus.FAILED, "landline number, no SMS")


def test_sending_leaves_the_event_loop_free(database_url: str) -> None:
    """While the gateway takes its time, other coroutines run: the POST is in a thread."""
    _verified(database_url)

    async def work(session: AsyncSession) -> tuple[int, int]:
        ticks = 0
        done = asyncio.Event()

        async def ticker() -> None:
            nonlocal ticks
            while not done.is_set():
                ticks += 1
                await asyncio.sleep(0.01)

        with sms_gateway(Reply(200, delay=0.5)) as gateway:
            task = asyncio.create_task(ticker())
            sent = await deliver_due(session, None, gateway.sender(), NOW)
            done.set()
            await task
        return sent, ticks

    sent, ticks = asyncio.run(in_session(database_url, work))
    assert sent == 1
    assert ticks >= 10


def test_without_a_gateway_an_sms_is_recorded_as_not_sent(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    _verified(database_url)
    assert _deliver(database_url, None, NOW - dt.timedelta(minutes=1)) == 0  # not due yet
    assert _sms(database_url).status is OutboxStatus.PENDING
    assert _deliver(database_url, None, NOW) == 0
    row = _sms(database_url)
    assert (row.status, row.attempts, row.sent_at) == (OutboxStatus.NO_GATEWAY, 0, None)
    assert row.last_error == "no SMS gateway (GESI_SMS_URL)"
    assert any("1 SMS not sent: no SMS gateway" in r.getMessage() for r in caplog.records)
    # Never counted as sent, and a later run leaves it alone.
    assert _deliver(database_url, None, NOW + dt.timedelta(days=1)) == 0
    assert _sms(database_url).status is OutboxStatus.NO_GATEWAY


def test_a_sender_name_is_sent_when_one_is_set(database_url: str) -> None:
    _verified(database_url)
    with sms_gateway() as gateway:
        sender = HttpSms(SmsConfig(url=gateway.url, token=TOKEN, timeout=2, sender="PEMKAB TNG"))
        assert _deliver(database_url, sender, NOW) == 1
    [request] = gateway.received
    assert set(request.json) == {"to", "message", "reference", "sender"}
    assert request.json["sender"] == "PEMKAB TNG"
