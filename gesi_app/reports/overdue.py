"""Which reports are overdue: one WHERE clause shared by the staff queue and the escalations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, or_

from gesi_app.reports.models import Report, Status

S = Status


def overdue_clause(today: dt.date) -> ColumnElement[bool]:
    """Reports past their verification or answer deadline."""
    return or_(
        and_(Report.status == S.DITERIMA, Report.verify_due < today),
        and_(Report.status == S.TERVERIFIKASI, Report.answer_due < today),
    )
