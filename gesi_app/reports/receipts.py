"""One-time receipts: how a new report's PIN reaches the confirmation page and nothing else.

The PIN is never put in Starlette's session cookie (signed, not encrypted: anyone holding the
cookie could read it). The report journey ends with a redirect (so a reload does not send the
report twice), so the PIN waits on the server in a receipt row; the browser's session holds
only the receipt's random id. The first view of the confirmation page takes the PIN and
deletes the row in one statement; after that the PIN is only in the reporter's hands. A
receipt nobody opened is deleted after ``KEEP_FOR``.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import utcnow
from gesi_app.reports.models import Report, ReportReceipt

KEEP_FOR = dt.timedelta(minutes=30)


async def issue(
    session: AsyncSession, report: Report, pin: str, now: dt.datetime | None = None
) -> str:
    """Keep ``pin`` for one view; return the receipt's id (the caller commits)."""
    now = now or utcnow()
    await session.execute(delete(ReportReceipt).where(ReportReceipt.created_at < now - KEEP_FOR))
    receipt = ReportReceipt(
        id=secrets.token_urlsafe(32), report_id=report.id, pin=pin, created_at=now
    )
    session.add(receipt)
    return receipt.id


async def redeem(
    session: AsyncSession, receipt_id: str | None, now: dt.datetime | None = None
) -> str | None:
    """The PIN of this receipt, once: the row is deleted (and committed) as it is read."""
    if not receipt_id:
        return None
    row = (
        await session.execute(
            delete(ReportReceipt)
            .where(ReportReceipt.id == receipt_id)
            .returning(ReportReceipt.pin, ReportReceipt.created_at)
        )
    ).first()
    await session.commit()
    if row is None:
        return None
    pin, created_at = row
    if created_at.tzinfo is None:
        created_at = created_at.replace(tzinfo=dt.UTC)
    return pin if created_at >= (now or utcnow()) - KEEP_FOR else None
