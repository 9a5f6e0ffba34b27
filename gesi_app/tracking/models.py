"""What the reporter's key needs besides its hash (``Report.pin_hash``): a count of wrong PINs
per report, and the one-time receipt that carries a new PIN to the confirmation page.

Both live apart from the report: nothing public reads them, and the guard row is made only
when someone first gets a PIN wrong.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, utcnow


class ReporterKeyGuard(Base):
    """Wrong PINs for one report, from any address: enough of them and the PIN waits."""

    __tablename__ = "reporter_key_guards"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    failures: Mapped[int] = mapped_column(default=0)  # wrong PINs since the last wait
    lockouts: Mapped[int] = mapped_column(default=0)  # waits so far: each one is longer
    locked_until: Mapped[dt.datetime | None]


class ReportReceipt(Base):
    """A new report's PIN, kept on the server for the one confirmation page that shows it.

    The browser holds only the receipt's random id; the first view reads the PIN and
    deletes the row, and a receipt nobody opened is deleted after ``receipts.KEEP_FOR``.
    """

    __tablename__ = "report_receipts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    pin: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
