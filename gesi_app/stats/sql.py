"""SQL that differs between SQLite and PostgreSQL: a stored UTC moment's local day and month.

Both are rendered with their constants inline (no bound parameters), so that the same
expression in SELECT and GROUP BY is the same text, which PostgreSQL requires. SQLite has no
time zone data: it shifts by the zone's offset now, which is exact for Indonesia's zones (no
daylight saving time: WIB, WITA, WIT)."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, func, literal_column

_ZONE = re.compile(r"^[A-Za-z0-9_+/-]{1,64}$")


def _offset_modifier(timezone: str) -> str:
    offset = dt.datetime.now(zoneinfo.ZoneInfo(timezone)).utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    return f"'{minutes:+d} minutes'"


def local_text(
    column: SQLColumnExpression[Any], timezone: str, dialect: str, *, month: bool = False
) -> ColumnElement[str]:
    """``column``'s local day ('YYYY-MM-DD') or month ('YYYY-MM') in ``timezone``, as text."""
    if _ZONE.match(timezone) is None:
        raise ValueError(f"not a time zone name: {timezone!r}")
    if dialect == "postgresql":
        pattern = "'YYYY-MM'" if month else "'YYYY-MM-DD'"
        local = func.timezone(literal_column(f"'{timezone}'"), column)
        return func.to_char(local, literal_column(pattern))
    pattern = "'%Y-%m'" if month else "'%Y-%m-%d'"
    return func.strftime(
        literal_column(pattern), column, literal_column(_offset_modifier(timezone))
    )


def kecamatan_of(column: SQLColumnExpression[Any]) -> ColumnElement[str]:
    """The kecamatan part of a Kemendagri code ('36.03.01' of '36.03.01.1001')."""
    return func.substr(column, literal_column("1"), literal_column("8"))
