"""What the reporter's key needs besides its hash (``Report.pin_hash``): a count of wrong PINs
per report. (The one-time receipt that carries a new PIN to the confirmation page is the
report journey's: ``gesi_app.reports.receipts``.)

It lives apart from the report: nothing public reads it, and the guard row is made only when
someone first gets a PIN wrong.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base


class ReporterKeyGuard(Base):
    """Wrong PINs for one report, from any address: enough of them and the PIN waits."""

    __tablename__ = "reporter_key_guards"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    failures: Mapped[int] = mapped_column(default=0)  # wrong PINs since the last wait
    lockouts: Mapped[int] = mapped_column(default=0)  # waits so far: each one is longer
    locked_until: Mapped[dt.datetime | None]
