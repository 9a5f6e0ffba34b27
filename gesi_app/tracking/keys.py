"""The reporter's key: the tracking code names a report in public, the PIN proves who sent it.

Every report gets a PIN; only its Argon2 hash is stored (``Report.pin_hash``). Wrong PINs are
counted per report in the database, from any address and any process, so changing address
does not help a guesser: after ``FAILURES_ALLOWED`` wrong PINs the report's PIN waits
(``first_wait``, doubling with each wait, at most ``MAX_WAIT``). The count is one atomic
statement (an upsert), so requests at the same moment cannot slip past it.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import Insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import utcnow
from gesi_app.passwords import Hasher, verify_off_loop
from gesi_app.reports import codes
from gesi_app.reports.models import Report
from gesi_app.tracking.models import ReporterKeyGuard

FAILURES_ALLOWED = 10
FIRST_WAIT = dt.timedelta(hours=1)
MAX_WAIT = dt.timedelta(hours=24)


class KeyLocked(Exception):
    """Too many wrong PINs for this report: its PIN waits until ``until`` (UTC)."""

    def __init__(self, until: dt.datetime) -> None:
        super().__init__(until.isoformat())
        self.until = until


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def wait_after(lockouts: int) -> dt.timedelta:
    """How long the ``lockouts``-th wait lasts (1 for the first): 1 h, 2 h, 4 h … 24 h."""
    wait: dt.timedelta = FIRST_WAIT * 2 ** min(max(lockouts - 1, 0), 10)
    return min(wait, MAX_WAIT)


def fingerprint(report: Report) -> str:
    """A short tag of the report's current key, for the session's list of proven reports.

    It changes when the key changes (a new PIN from staff), so a browser that proved the
    old PIN has to prove the new one. It says nothing about the PIN: it is taken from the
    salted hash, never from the PIN.
    """
    if report.pin_hash is None:
        return ""
    return hashlib.sha256(report.pin_hash.encode()).hexdigest()[:16]


async def new_key(report: Report, hasher: Hasher) -> str:
    """Give the report a new PIN (the old one stops working); return it to be shown once."""
    pin = codes.new_pin()
    report.pin_hash = await hasher.hash_off_loop(pin)
    return pin


async def locked_until(
    session: AsyncSession, report: Report, now: dt.datetime | None = None
) -> dt.datetime | None:
    """When this report's PIN may be tried again, or None when it may be tried now."""
    until = await session.scalar(
        select(ReporterKeyGuard.locked_until).where(ReporterKeyGuard.report_id == report.id)
    )
    if until is None or _aware(until) <= (now or utcnow()):
        return None
    return _aware(until)


def _upsert(session: AsyncSession) -> Insert:
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    insert = module.insert(ReporterKeyGuard)
    count: Insert = insert.on_conflict_do_update(
        index_elements=[ReporterKeyGuard.report_id],
        set_={"failures": ReporterKeyGuard.failures + 1},
    )
    return count


async def _count_failure(session: AsyncSession, report: Report, now: dt.datetime) -> None:
    """One more wrong PIN; the one that reaches the limit starts a wait (and is committed)."""
    failures, lockouts = (
        await session.execute(
            _upsert(session)
            .values(report_id=report.id, failures=1, lockouts=0)
            .returning(ReporterKeyGuard.failures, ReporterKeyGuard.lockouts)
        )
    ).one()
    until: dt.datetime | None = None
    if failures >= FAILURES_ALLOWED:
        until = now + wait_after(lockouts + 1)
        # Only one of several requests at the limit starts the wait: the others find 0.
        await session.execute(
            update(ReporterKeyGuard)
            .where(
                ReporterKeyGuard.report_id == report.id,
                ReporterKeyGuard.failures >= FAILURES_ALLOWED,
            )
            .values(failures=0, lockouts=ReporterKeyGuard.lockouts + 1, locked_until=until)
            .execution_options(synchronize_session=False)
        )
    await session.commit()
    if until is not None:
        raise KeyLocked(until)


async def check_pin(
    session: AsyncSession, report: Report, pin: str, now: dt.datetime | None = None
) -> bool:
    """Whether ``pin`` is this report's PIN; a wrong one is counted (and committed).

    Raises KeyLocked while the report's PIN waits, without checking the PIN at all, and when
    this wrong PIN is the one that starts the wait.
    """
    now = now or utcnow()
    until = await locked_until(session, report, now)
    if until is not None:
        raise KeyLocked(until)
    if report.pin_hash is not None and await verify_off_loop(report.pin_hash, pin):
        await session.execute(
            update(ReporterKeyGuard)
            .where(ReporterKeyGuard.report_id == report.id, ReporterKeyGuard.failures > 0)
            .values(failures=0)
            .execution_options(synchronize_session=False)
        )
        await session.commit()
        return True
    await _count_failure(session, report, now)
    return False
