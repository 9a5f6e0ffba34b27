"""Notification tests: a real SMTP server (aiosmtpd) on a free loopback port, and sessions
that queue notifications as the app's do."""

from __future__ import annotations

import contextlib
import email
import email.policy
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any, TypeVar

from aiosmtpd.controller import Controller
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from gesi_app.agencies.service import ensure_agency
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.notifications import service
from gesi_app.notifications.mail import SmtpConfig, SmtpSender
from gesi_app.notifications.messages import KEY_KINDS
from gesi_app.notifications.models import Outbox
from gesi_app.reports.deadlines import STANDARD
from gesi_app.reports.models import Report
from tests import factories

BASE_URL = "https://suara.tangerangkab.go.id"
MAIL_FROM = "Suara <no-reply@tangerangkab.go.id>"
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Inbox:
    messages: list[EmailMessage] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)

    async def handle_DATA(
        self, _server: Any, _session: Any, envelope: Any
    ) -> str:  # aiosmtpd calls it by this name
        self.recipients.extend(envelope.rcpt_tos)
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 OK"


@contextlib.contextmanager
def smtp_server(port: int) -> Iterator[Inbox]:
    """A real SMTP server listening on 127.0.0.1:``port`` while the block runs."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def smtp_sender(port: int) -> SmtpSender:
    return SmtpSender(
        SmtpConfig(
            host="127.0.0.1", port=port, user="", password="", starttls=False, mail_from=MAIL_FROM
        )
    )


@contextlib.asynccontextmanager
async def notifying_sessions(url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions that queue notifications on every status change, as the app's do."""
    engine = create_engine(url)
    sessions = session_factory(engine)
    service.install(sessions, BASE_URL, STANDARD)
    try:
        yield sessions
    finally:
        await engine.dispose()


async def in_session(url: str, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    async with notifying_sessions(url) as sessions, sessions() as session:
        result = await work(session)
        await session.commit()
        return result


async def add_agency(session: AsyncSession) -> int:
    agency = await ensure_agency(session, "dinkes", "Dinas Kesehatan", "Health Agency")
    return agency.id


async def load_report(session: AsyncSession, report_id: int) -> Report:
    report = await session.scalar(
        select(Report).where(Report.id == report_id).options(selectinload(Report.history))
    )
    assert report is not None
    return report


async def new_report(session: AsyncSession, **overrides: Any) -> int:
    """A new report, without the message with its PIN that sending it queued: these tests are
    about status messages (the PIN's message: tests/functional/test_reporter_key*.py)."""
    submitted = await factories.add_report(session, region_code=None, **overrides)
    await session.execute(delete(Outbox).where(Outbox.kind.in_(KEY_KINDS)))
    await session.commit()
    return submitted.report.id


async def outbox(session: AsyncSession) -> list[Outbox]:
    rows = await session.scalars(
        select(Outbox).order_by(Outbox.id).execution_options(populate_existing=True)
    )
    return list(rows)
