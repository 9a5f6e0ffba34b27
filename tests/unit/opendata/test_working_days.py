"""Time to answer in working days, with the holiday calendar (exact numbers)."""

from __future__ import annotations

import datetime as dt

import pytest

from gesi_app.calendar.service import WorkingCalendar, add_working_days
from gesi_app.opendata.service import answer_working_days

D = dt.date
# May 2026 with Ascension (Thu 14) and its cuti bersama (Fri 15).
CALENDAR = WorkingCalendar(frozenset({D(2026, 5, 14), D(2026, 5, 15)}), frozenset({2026}))


@pytest.mark.parametrize(
    ("sent", "answered", "days"),
    [
        (D(2026, 5, 13), D(2026, 5, 13), 0),  # the same day
        (D(2026, 5, 13), D(2026, 5, 14), 0),  # on the holiday: still no working day
        (D(2026, 5, 13), D(2026, 5, 18), 1),  # over the holidays and the weekend
        (D(2026, 5, 13), D(2026, 5, 19), 2),
        (D(2026, 5, 11), D(2026, 5, 12), 1),
        (D(2026, 5, 16), D(2026, 5, 18), 1),  # sent on a Saturday, answered on Monday
        (D(2026, 5, 4), D(2026, 5, 11), 5),
        (D(2026, 5, 13), None, None),
        (None, D(2026, 5, 13), None),
        (D(2026, 12, 30), D(2027, 1, 4), None),  # 2027's holidays are not known
    ],
)
def test_answer_working_days(
    sent: dt.date | None, answered: dt.date | None, days: int | None
) -> None:
    assert answer_working_days(CALENDAR, sent, answered) == days


@pytest.mark.parametrize("deadline", [1, 3, 5])
def test_answered_on_the_due_date_counts_the_deadlines_days(deadline: int) -> None:
    """The same count as the deadline itself (add_working_days)."""
    due = add_working_days(CALENDAR, D(2026, 5, 13), deadline)
    assert answer_working_days(CALENDAR, D(2026, 5, 13), due) == deadline
