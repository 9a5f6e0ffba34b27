"""The report state machine: the only place that decides which status may follow which.

Every change is appended to the report's history with who, which agency, when and why.
"""

from __future__ import annotations

import datetime as dt

from gesi_app.db.base import utcnow
from gesi_app.reports.models import Report, ReportEvent, Status

S = Status
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.DITERIMA: frozenset({S.TERVERIFIKASI, S.DITUNDA, S.BUKAN_WEWENANG, S.DIARSIPKAN}),
    S.TERVERIFIKASI: frozenset({S.DITINDAKLANJUTI, S.DITUNDA, S.BUKAN_WEWENANG, S.DIARSIPKAN}),
    S.DITINDAKLANJUTI: frozenset({S.SELESAI, S.TERVERIFIKASI, S.DITUNDA, S.DIARSIPKAN}),
    S.DITUNDA: frozenset({S.DITERIMA, S.TERVERIFIKASI, S.DIARSIPKAN}),
    S.SELESAI: frozenset(),
    S.BUKAN_WEWENANG: frozenset(),
    S.DIARSIPKAN: frozenset(),
}
REASON_REQUIRED = frozenset({S.DITUNDA, S.BUKAN_WEWENANG, S.DIARSIPKAN})
OPEN = frozenset({S.DITERIMA, S.TERVERIFIKASI, S.DITINDAKLANJUTI, S.DITUNDA})


class IllegalTransition(Exception):
    """That status cannot follow the report's current one; nothing was changed."""

    def __init__(self, current: Status, wanted: Status) -> None:
        super().__init__(f"{current.value} -> {wanted.value}")
        self.current = current
        self.wanted = wanted


class ReasonRequired(Exception):
    """This transition needs a reason; nothing was changed."""


def record_creation(
    report: Report, actor_kind: str, actor_id: int | None = None, now: dt.datetime | None = None
) -> None:
    report.history.append(
        ReportEvent(
            from_status=None,
            to_status=report.status,
            actor_kind=actor_kind,
            actor_id=actor_id,
            created_at=now or utcnow(),
        )
    )


def transition(
    report: Report,
    to: Status,
    *,
    actor_kind: str,
    actor_id: int | None = None,
    agency_id: int | None = None,
    reason: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    if to not in TRANSITIONS[report.status]:
        raise IllegalTransition(report.status, to)
    if to in REASON_REQUIRED and not (reason and reason.strip()):
        raise ReasonRequired(to.value)
    report.history.append(
        ReportEvent(
            from_status=report.status,
            to_status=to,
            actor_kind=actor_kind,
            actor_id=actor_id,
            agency_id=agency_id,
            reason=reason.strip() if reason else None,
            created_at=now or utcnow(),
        )
    )
    report.status = to
    if to is S.SELESAI:
        report.closed_at = now or utcnow()


def disposition(
    report: Report,
    agency_id: int,
    *,
    actor_id: int | None,
    answer_due: dt.date | None,
    now: dt.datetime | None = None,
) -> None:
    """Verified and routed to an agency (disposisi): the agency's answer deadline starts."""
    transition(
        report,
        S.TERVERIFIKASI,
        actor_kind="staff",
        actor_id=actor_id,
        agency_id=agency_id,
        now=now,
    )
    report.agency_id = agency_id
    report.answer_due = answer_due
