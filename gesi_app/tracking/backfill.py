"""Reports sent before every report had a PIN: give each one with a contact its key by message.

A periodic job (jobs.py): idempotent, and safe with several processes at once. A report gets
its PIN only if it still has none (a conditional update), and its message is queued in the
same transaction, so a PIN is never set without the message that tells it. Reports without
an email or phone get their PIN from staff when the reporter asks (casework/reporter_keys.py).
"""

from __future__ import annotations

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.notifications.service import can_notify, enqueue_key
from gesi_app.passwords import Hasher
from gesi_app.reports import codes
from gesi_app.reports.models import Report, ReporterContact

BATCH = 100  # per run: Argon2 is slow by design; the next run takes the rest


async def issue_missing_keys(session: AsyncSession, hasher: Hasher, *, limit: int = BATCH) -> int:
    """Give up to ``limit`` reports without a PIN, whose reporter can be reached, a PIN sent
    to them; return how many. Nothing on a session that cannot queue messages."""
    if not can_notify(session):
        return 0
    reports = (
        await session.scalars(
            select(Report)
            .join(ReporterContact, ReporterContact.report_id == Report.id)
            .where(
                Report.pin_hash.is_(None),
                or_(ReporterContact.email.is_not(None), ReporterContact.phone.is_not(None)),
            )
            .order_by(Report.id)
            .limit(limit)
        )
    ).all()
    given = 0
    for report in reports:
        pin = codes.new_pin()
        taken = await session.execute(
            update(Report)
            .where(Report.id == report.id, Report.pin_hash.is_(None))
            .values(pin_hash=await hasher.hash_off_loop(pin))
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # type: ignore[attr-defined]  # another process was first
            await session.rollback()
            continue
        await enqueue_key(session, report, pin, kind="reporter_key_new")
        await session.commit()
        given += 1
    return given
