"""Delivery from the periodic jobs and from ``gesi-app jobs run``; ``gesi-app check`` says when
emails wait because SMTP is not configured."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import jobs
from gesi_app.cli import main
from gesi_app.notifications.delivery import Senders
from gesi_app.notifications.models import OutboxStatus
from gesi_app.reports.models import Status
from gesi_app.reports.workflow import transition
from tests import factories
from tests.notifications_support import (
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


def _verified(url: str) -> None:
    async def work(session: AsyncSession) -> None:
        report = await load_report(session, await new_report(session))
        transition(report, Status.TERVERIFIKASI, actor_kind="staff")

    asyncio.run(in_session(url, work))


def test_run_jobs_delivers_and_counts(database_url: str, tmp_path: Path) -> None:
    _verified(database_url)
    port = free_port()

    async def run() -> dict[str, int]:
        async with notifying_sessions(database_url) as sessions:
            senders = Senders(email=smtp_sender(port), sms=gateway.sender())
            return await jobs.run_jobs(sessions, tmp_path, hasher=factories.HASHER, senders=senders)

    with smtp_server(port) as inbox, sms_gateway() as gateway:
        assert asyncio.run(run())["notifications_sent"] == 2
    assert inbox.recipients == ["siti@example.org"]
    assert [r.json["to"] for r in gateway.received] == ["+6281234567890"]


def test_the_apps_delivery_loop_sends_without_waiting_for_the_hourly_jobs(
    sqlite_url: str, tmp_path: Path
) -> None:
    _verified(sqlite_url)
    port = free_port()

    async def run() -> None:
        async with notifying_sessions(sqlite_url) as sessions:
            senders = Senders(email=smtp_sender(port), sms=gateway.sender())
            async with jobs.periodic(
                sessions, tmp_path, dt.timedelta(hours=1), hasher=factories.HASHER, senders=senders
            ):
                for _ in range(200):
                    rows = await in_session(sqlite_url, outbox)
                    if {r.status for r in rows} == {OutboxStatus.SENT}:
                        return
                    await asyncio.sleep(0.05)
                raise AssertionError("notifications were not delivered")

    with smtp_server(port) as inbox, sms_gateway() as gateway:
        asyncio.run(run())
    assert len(inbox.messages) == 1
    assert len(gateway.received) == 1


@pytest.fixture
def cli_env(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("GESI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GESI_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("GESI_SECRET_KEY", "test-secret-key-that-is-long-enough-0123456789")
    return sqlite_url


def test_check_says_when_emails_wait_for_smtp(
    cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "email not configured (GESI_SMTP_HOST): emails to reporters will wait" in out
    _verified(cli_env)
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert "notifications: 2 waiting, 0 failed" in captured.out
    assert (
        "problem: email not configured (GESI_SMTP_HOST): 1 emails to reporters are waiting"
        in captured.err
    )


def test_jobs_command_sends_email_through_the_configured_server(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _verified(cli_env)
    port = free_port()
    monkeypatch.setenv("GESI_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("GESI_SMTP_PORT", str(port))
    monkeypatch.setenv("GESI_SMTP_STARTTLS", "false")
    monkeypatch.setenv("GESI_MAIL_FROM", "Suara <no-reply@tangerangkab.go.id>")
    with smtp_server(port) as inbox, sms_gateway() as gateway:
        monkeypatch.setenv("GESI_SMS_URL", gateway.url)
        monkeypatch.setenv("GESI_SMS_TOKEN", gateway.token)
        assert main(["jobs", "run"]) == 0
    assert "notifications_sent: 2\n" in capsys.readouterr().out
    assert inbox.recipients == ["siti@example.org"]
    assert [r.json["to"] for r in gateway.received] == ["+6281234567890"]
    assert main(["check"]) == 0
    assert "notifications: 0 waiting, 0 failed" in capsys.readouterr().out


def test_check_counts_the_sms_not_sent_without_a_gateway(
    cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "SMS not configured (GESI_SMS_URL, docs/sms-gateway.md): SMS to reporters" in out
    _verified(cli_env)
    assert main(["jobs", "run"]) == 0
    assert "notifications_sent: 0\n" in capsys.readouterr().out
    main(["check"])
    out = capsys.readouterr().out
    assert (
        "SMS not configured (GESI_SMS_URL, docs/sms-gateway.md): 1 SMS to reporters were not sent"
        in out
    )
