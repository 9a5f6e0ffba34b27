"""Now and today in the site's time zone, written once.

A low floor: only the standard library. Deadlines count working days from the site's local
date, so every "today" and every "on which day was this sent" goes through here.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo


def now() -> dt.datetime:
    """The current time, aware, in UTC (what the database stores)."""
    return dt.datetime.now(dt.UTC)


def local_date(moment: dt.datetime, timezone: str) -> dt.date:
    """The date ``moment`` falls on in ``timezone``; a naive moment is UTC (SQLite gives those)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(zoneinfo.ZoneInfo(timezone)).date()


def today(timezone: str, now: dt.datetime | None = None) -> dt.date:
    """Today's date in ``timezone``, or the date of ``now`` there when a caller fixes the time."""
    return local_date(now if now is not None else dt.datetime.now(dt.UTC), timezone)
