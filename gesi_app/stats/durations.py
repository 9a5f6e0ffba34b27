"""Time taken, in working days, from counts of (start day, end day) pairs.

The calendar is the one deadlines use (weekends and every holiday stored are not working
days). A report verified on the day it was sent took 0 working days; one sent on Friday and
verified on Monday took 1. So "on time" means at most the deadline's days, the same count
``add_working_days`` makes the due date from. Days in a year the calendar does not cover
cannot be counted: such reports are left out and counted as "unknown".

Median: the middle value (the mean of the two middle values for an even number).
90th percentile: nearest rank, the smallest value that at least 90% of reports took or less.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from gesi_app.calendar.service import WorkingCalendar

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Timing:
    reports: int  # reports whose time is known
    unknown: int  # reports whose days the calendar does not cover
    median: float | None
    p90: int | None
    on_time: int | None  # reports within the deadline (None: no deadline given)
    deadline: int | None


def elapsed_working_days(
    calendar: WorkingCalendar, pairs: dict[tuple[dt.date, dt.date], int]
) -> tuple[dict[int, int], int]:
    """How many reports took each number of working days, and how many could not be counted."""
    if not pairs:
        return {}, 0
    first = min(start for start, _ in pairs)
    last = max(end for _, end in pairs)
    # cumulative[i]: working days from ``first`` up to and including first + i; None from the
    # first day not covered on.
    cumulative: list[int | None] = []
    running: int | None = 0
    day = first
    while day <= last:
        working = calendar.is_working_day(day)
        if running is not None:
            running = None if working is None else running + int(working)
        cumulative.append(running)
        day += _DAY
    taken: dict[int, int] = {}
    unknown = 0
    for (start, end), count in pairs.items():
        if end < start:
            unknown += count
            continue
        a = cumulative[(start - first).days]
        b = cumulative[(end - first).days]
        if a is None or b is None:
            unknown += count
            continue
        taken[b - a] = taken.get(b - a, 0) + count
    return taken, unknown


def _value_at(taken: list[tuple[int, int]], rank: int) -> int:
    """The value of the ``rank``-th report (1-based) when sorted by days taken."""
    seen = 0
    for days, count in taken:
        seen += count
        if seen >= rank:
            return days
    raise ValueError(rank)


def timing(
    calendar: WorkingCalendar,
    pairs: dict[tuple[dt.date, dt.date], int],
    deadline: int | None,
) -> Timing:
    counts, unknown = elapsed_working_days(calendar, pairs)
    taken = sorted(counts.items())
    n = sum(counts.values())
    if n == 0:
        return Timing(0, unknown, None, None, None if deadline is None else 0, deadline)
    if n % 2:
        median: float = _value_at(taken, n // 2 + 1)
    else:
        median = (_value_at(taken, n // 2) + _value_at(taken, n // 2 + 1)) / 2
    p90 = _value_at(taken, math.ceil(0.9 * n))
    on_time = None if deadline is None else sum(c for d, c in taken if d <= deadline)
    return Timing(n, unknown, median, p90, on_time, deadline)
