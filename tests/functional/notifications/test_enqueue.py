"""Queueing: a committed status change has its messages, in the reporter's language, one per
channel they gave; nothing without a contact, nothing for the reporter's own reply."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.notifications.messages import SMS_LIMIT
from gesi_app.notifications.models import OutboxChannel, OutboxStatus
from gesi_app.notifications.service import enqueue_for_transition
from gesi_app.reports.deadlines import STANDARD
from gesi_app.reports.models import Status
from gesi_app.reports.workflow import transition
from tests.notifications_support import (
    BASE_URL,
    add_agency,
    in_session,
    load_report,
    new_report,
    notifying_sessions,
    outbox,
)

S = Status
PATHS = {
    "verified": [S.TERVERIFIKASI],
    "answered": [S.TERVERIFIKASI, S.DITINDAKLANJUTI],
    "closed": [S.TERVERIFIKASI, S.DITINDAKLANJUTI, S.SELESAI],
}
CASES = [
    (
        "verified",
        "en",
        "Your report {code} has been checked",
        "Your report {code} has been checked and sent to Health Agency.",
    ),
    (
        "verified",
        "id",
        "Laporan Anda {code} sudah diperiksa",
        "Laporan Anda {code} sudah diperiksa dan dikirim ke Dinas Kesehatan.",
    ),
    (
        "answered",
        "en",
        "Your report {code} has an answer",
        "Your report {code} has an answer from Health Agency.",
    ),
    (
        "answered",
        "id",
        "Laporan Anda {code} sudah dijawab",
        "Laporan Anda {code} sudah dijawab oleh Dinas Kesehatan.",
    ),
    ("closed", "en", "Your report {code} is closed", "Your report {code} is closed."),
    ("closed", "id", "Laporan Anda {code} sudah selesai", "Laporan Anda {code} sudah selesai."),
]


def _move(url: str, report_id: int, statuses: list[Status], agency_id: int | None) -> None:
    async def work(session: AsyncSession) -> None:
        report = await load_report(session, report_id)
        for status in statuses:
            transition(report, status, actor_kind="staff", agency_id=agency_id)
            if status is S.TERVERIFIKASI:
                report.agency_id = agency_id

    asyncio.run(in_session(url, work))


@pytest.mark.parametrize(("kind", "locale", "subject", "first_line"), CASES)
def test_each_transition_queues_email_and_sms_in_the_reporters_language(
    database_url: str, kind: str, locale: str, subject: str, first_line: str
) -> None:
    async def setup(session: AsyncSession) -> tuple[int, int]:
        return await add_agency(session), await new_report(session, locale=locale)

    agency_id, report_id = asyncio.run(in_session(database_url, setup))
    _move(database_url, report_id, PATHS[kind], agency_id)
    code = asyncio.run(in_session(database_url, lambda s: load_report(s, report_id))).tracking_code
    rows = asyncio.run(in_session(database_url, outbox))
    mine = [r for r in rows if r.kind == kind]
    assert [(r.channel, r.recipient) for r in mine] == [
        (OutboxChannel.EMAIL, "siti@example.org"),
        (OutboxChannel.SMS, "+6281234567890"),
    ]
    email, sms = mine
    assert email.subject == subject.format(code=code)
    assert email.body.splitlines()[0] == first_line.format(code=code)
    assert f"{BASE_URL}/track/{code}" in email.body
    assert f"{BASE_URL}/track/{code}" in sms.body
    assert len(sms.body) <= SMS_LIMIT
    assert {r.locale for r in mine} == {locale}
    assert {r.status for r in mine} == {OutboxStatus.PENDING}
    assert {r.attempts for r in mine} == {0}
    # Every earlier step of the path was told too, once, in order.
    kinds = [r.kind for r in rows if r.channel is OutboxChannel.EMAIL]
    assert kinds == list(PATHS)[: list(PATHS).index(kind) + 1]


def test_nothing_is_queued_without_a_contact(database_url: str) -> None:
    async def work(session: AsyncSession) -> None:
        report_id = await new_report(session, contact_email=None, contact_phone=None)
        report = await load_report(session, report_id)
        transition(report, S.TERVERIFIKASI, actor_kind="staff")

    asyncio.run(in_session(database_url, work))
    assert asyncio.run(in_session(database_url, outbox)) == []


def test_email_only_gets_email_only_and_no_agency_reads_plainly(database_url: str) -> None:
    async def work(session: AsyncSession) -> str:
        report = await load_report(session, await new_report(session, contact_phone=None))
        transition(report, S.TERVERIFIKASI, actor_kind="staff")
        return report.tracking_code

    code = asyncio.run(in_session(database_url, work))
    [row] = asyncio.run(in_session(database_url, outbox))
    assert row.channel is OutboxChannel.EMAIL
    assert row.body.splitlines()[0] == f"Laporan Anda {code} sudah diperiksa."


def test_statuses_the_reporter_is_not_told_about_and_their_own_reply(database_url: str) -> None:
    async def work(session: AsyncSession) -> None:
        report = await load_report(session, await new_report(session))
        transition(report, S.DITUNDA, actor_kind="staff", reason="Menunggu data")
        transition(report, S.DITERIMA, actor_kind="staff")
        transition(report, S.TERVERIFIKASI, actor_kind="staff")
        transition(report, S.DITINDAKLANJUTI, actor_kind="staff")
        # The reporter replies to the answer: reopened, but they know that already.
        transition(report, S.TERVERIFIKASI, actor_kind="reporter", reason="Balasan")

    asyncio.run(in_session(database_url, work))
    rows = asyncio.run(in_session(database_url, outbox))
    assert [(r.kind, r.channel.value) for r in rows] == [
        ("verified", "email"),
        ("verified", "sms"),
        ("answered", "email"),
        ("answered", "sms"),
    ]


def test_a_rolled_back_transition_leaves_no_message(database_url: str) -> None:
    report_id = asyncio.run(in_session(database_url, new_report))

    async def work() -> None:
        async with notifying_sessions(database_url) as sessions, sessions() as session:
            report = await load_report(session, report_id)
            transition(report, S.TERVERIFIKASI, actor_kind="staff")
            await session.flush()  # the messages are written with the change...
            assert len(await outbox(session)) == 2
            await session.rollback()  # ...and go with it

    asyncio.run(work())
    assert asyncio.run(in_session(database_url, outbox)) == []


def test_enqueue_by_hand_in_the_callers_transaction(database_url: str) -> None:
    async def work(session: AsyncSession) -> int:
        report = await load_report(session, await new_report(session, locale="en"))
        rows = await enqueue_for_transition(session, report, S.SELESAI, BASE_URL, STANDARD)
        assert await enqueue_for_transition(session, report, S.DITUNDA, BASE_URL, STANDARD) == []
        return len(rows)

    assert asyncio.run(in_session(database_url, work)) == 2
    subjects = [r.subject for r in asyncio.run(in_session(database_url, outbox))]
    assert len(subjects) == 2 and subjects[0].endswith(" is closed")
