"""One integer parser for every number a request carries: form fields, query, headers, paths.

``str.isdigit()`` accepts '²' and '٣' (then ``int()`` raises), and ``int()`` of thousands of
digits raises too, or gives a number the database cannot hold. Every number a person or a
client sends goes through ``parse_int``: ASCII digits only, at most as many digits as the
range needs, and inside the range, or ``None`` (the caller shows its own message or a 404).
"""

from __future__ import annotations

import datetime as dt

from starlette.convertors import Convertor, register_url_convertor

ID_MAX = 2**31 - 1  # PostgreSQL's integer: the largest row id any table can hold
_ASCII_DIGITS = frozenset("0123456789")


def parse_int(
    text: str | None, *, minimum: int = 0, maximum: int = ID_MAX, clamp: bool = False
) -> int | None:
    """The whole number ``text`` spells in ASCII digits, within [minimum, maximum]; else None.

    A leading minus is read only where the range allows negatives. No other signs, spaces,
    separators or non-ASCII digits; the length is checked before ``int()`` ever sees the text.
    With ``clamp``, a number outside the range gives the nearest end instead of None (a page
    number past the last page shows the last page).
    """
    if not text:
        return None
    negative = text[0] == "-" and minimum < 0
    digits = text[1:] if negative else text
    if not digits or not _ASCII_DIGITS.issuperset(digits):
        return None
    if len(digits) > len(str(max(abs(minimum), abs(maximum)))):
        if not clamp:
            return None
        return minimum if negative else maximum
    value = -int(digits) if negative else int(digits)
    if clamp:
        return min(max(minimum, value), maximum)
    return value if minimum <= value <= maximum else None


def parse_date(day: str, month: str, year: str) -> dt.date | None:
    """The calendar date typed in three boxes (ASCII digits), or None when it is not one."""
    numbers = (
        parse_int(year, minimum=1, maximum=9999),
        parse_int(month, minimum=1, maximum=12),
        parse_int(day, minimum=1, maximum=31),
    )
    if None in numbers:
        return None
    try:
        return dt.date(*numbers)  # type: ignore[arg-type]  # no None left
    except ValueError:  # 31 April, 29 February of a common year
        return None


class RowIdConvertor(Convertor[int]):
    """``{name:int}`` in a route path: 1 to 9 ASCII digits, so it always fits a row id.

    A longer number matches no route (404) instead of reaching the database, where SQLite
    raises OverflowError and PostgreSQL refuses it as out of range.
    """

    regex = "[0-9]{1,9}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


def install_path_convertor() -> None:
    """Replace Starlette's unbounded ``int`` path convertor; called before any route exists."""
    register_url_convertor("int", RowIdConvertor())
