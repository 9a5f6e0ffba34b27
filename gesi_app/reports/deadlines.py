"""Working-day deadlines (SP4N-LAPOR!: verify within 3, answer within 5, close after 10).

The numbers of days are settings (GESI_VERIFY_DAYS, GESI_ANSWER_DAYS, GESI_AUTOCLOSE_DAYS):
``Deadlines.from_settings`` makes them into one value when the app or a command starts
(``AppState.deadlines``), and everything that counts or mentions a deadline (tracking page,
notifications, audio prompts, jobs) is given that value; no module keeps its own copy.

Holidays come from the calendar kept in the database (gesi_app.calendar): lokal-id's national
holidays and cuti bersama plus local holidays admins add. For a year the calendar does not
cover the deadline is unknown (None) rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gesi_app.calendar.service import WorkingCalendar, add_working_days
from gesi_app.settings import Settings


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


# SP4N-LAPOR!'s numbers, the settings' defaults: for callers outside an app (tests, scripts).
STANDARD = Deadlines()


def working_days_after(calendar: WorkingCalendar, start: dt.date, days: int) -> dt.date | None:
    return add_working_days(calendar, start, days)
