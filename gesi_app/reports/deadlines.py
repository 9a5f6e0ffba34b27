"""Working-day deadlines (SP4N-LAPOR!: verify within 3, answer within 5, close after 10).

National holidays and cuti bersama come from lokal-id. For a year it does not carry yet the
deadline is unknown (None) rather than guessed.
"""

from __future__ import annotations

import datetime as dt

from lokal import add_working_days

VERIFY_DAYS = 3
ANSWER_DAYS = 5
AUTO_CLOSE_DAYS = 10


def working_days_after(start: dt.date, days: int) -> dt.date | None:
    try:
        result = add_working_days(start, days)
    except ValueError:  # no holiday calendar for that year yet
        return None
    assert isinstance(result, dt.date)
    return result
