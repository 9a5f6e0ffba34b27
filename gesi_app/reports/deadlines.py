"""Working-day deadlines (SP4N-LAPOR!: verify within 3, answer within 5, close after 10).

The numbers of days are settings (GESI_VERIFY_DAYS, GESI_ANSWER_DAYS, GESI_AUTOCLOSE_DAYS):
``configure`` sets them once per process when the app or a command starts; everything that
counts or mentions a deadline (tracking page, notifications, audio prompts, jobs) reads them
here at the time it runs.

Holidays come from the calendar kept in the database (gesi_app.calendar): lokal-id's national
holidays and cuti bersama plus local holidays admins add. For a year the calendar does not
cover the deadline is unknown (None) rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gesi_app.calendar.service import WorkingCalendar, add_working_days
from gesi_app.settings import Settings

VERIFY_DAYS = 3
ANSWER_DAYS = 5
AUTO_CLOSE_DAYS = 10


@dataclass(frozen=True)
class Deadlines:
    """Working days staff have to verify and agencies to answer, and the days of silence after
    which an answered report closes by itself."""

    verify: int = 3
    answer: int = 5
    auto_close: int = 10

    def __post_init__(self) -> None:
        if min(self.verify, self.answer, self.auto_close) < 1:
            raise ValueError("deadlines are at least 1 working day")

    @classmethod
    def from_settings(cls, settings: Settings) -> Deadlines:
        return cls(settings.verify_days, settings.answer_days, settings.autoclose_days)


def configure(*, verify: int, answer: int, auto_close: int) -> None:
    """Use these numbers of working days in this process (from the settings)."""
    global VERIFY_DAYS, ANSWER_DAYS, AUTO_CLOSE_DAYS  # one per process
    if min(verify, answer, auto_close) < 1:
        raise ValueError("deadlines are at least 1 working day")
    VERIFY_DAYS, ANSWER_DAYS, AUTO_CLOSE_DAYS = verify, answer, auto_close


def working_days_after(calendar: WorkingCalendar, start: dt.date, days: int) -> dt.date | None:
    return add_working_days(calendar, start, days)
