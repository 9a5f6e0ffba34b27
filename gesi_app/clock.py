"""The clock: now in UTC and today in the site's time zone, written once.

Every "what day is it here?" question goes through `today`, so the rule (convert the UTC
moment to the site's zone, then take the date) has one spelling. A low floor: it imports
nothing of the app.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo


def now() -> dt.datetime:
    """The current moment, timezone-aware in UTC (what we store)."""
    return dt.datetime.now(dt.UTC)


def today(timezone: str, now: dt.datetime | None = None) -> dt.date:
    """The date in `timezone` (an IANA name) at `now` (default: this moment)."""
    moment = dt.datetime.now(dt.UTC) if now is None else now
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(zoneinfo.ZoneInfo(timezone)).date()
