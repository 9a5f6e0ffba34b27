"""The filters of /stats, read from the query string: period (from and to month), area,
agency and type. A bad value is an error shown at its field, with what was typed kept; every
good combination is a stable address (``query_of``)."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass

from gesi_app.i18n import gettext
from gesi_app.reports.models import ReportType

MONTH = re.compile(r"^\s*([0-9]{4})\s*[-/.]\s*([0-9]{1,2})\s*$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
FIELDS = ("from", "to", "area", "agency", "type")
MAX_TYPED = 50


@dataclass(frozen=True)
class Filters:
    """A chosen view of the statistics; None means "all"."""

    start: tuple[int, int] | None = None  # (year, month), from its first day
    end: tuple[int, int] | None = None  # (year, month), to its last day
    area: str | None = None  # a kecamatan or desa code
    agency: str | None = None  # an agency's slug
    type: ReportType | None = None

    @property
    def active(self) -> bool:
        return any((self.start, self.end, self.area, self.agency, self.type))

    def bounds(self, timezone: str) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The period as UTC moments: from the start month's first local midnight, up to
        (not including) the first local midnight after the end month."""
        zone = zoneinfo.ZoneInfo(timezone)

        def midnight(year: int, month: int) -> dt.datetime:
            return dt.datetime(year, month, 1, tzinfo=zone).astimezone(dt.UTC)

        start = midnight(*self.start) if self.start else None
        end = None
        if self.end:
            year, month = self.end
            end = midnight(year + month // 12, month % 12 + 1)
        return start, end


@dataclass(frozen=True)
class Parsed:
    filters: Filters | None  # None when a value is wrong
    typed: dict[str, str]
    errors: dict[str, str]


def _month(value: str) -> tuple[int, int] | None:
    match = MONTH.match(value)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return year, month


def parse(
    params: Mapping[str, str], area_codes: frozenset[str], agency_slugs: frozenset[str]
) -> Parsed:
    """The filters in ``params``; each wrong value gives an error in the page's language."""
    typed = {name: params.get(name, "").strip()[:MAX_TYPED] for name in FIELDS}
    errors: dict[str, str] = {}
    months: dict[str, tuple[int, int] | None] = {}
    for name in ("from", "to"):
        months[name] = _month(typed[name]) if typed[name] else None
        if typed[name] and months[name] is None:
            errors[name] = (
                gettext("Enter the first month as year and month, for example 2026-01")
                if name == "from"
                else gettext("Enter the last month as year and month, for example 2026-12")
            )
    start, end = months["from"], months["to"]
    if start and end and end < start:
        errors["to"] = gettext("The last month must be the same as the first month or after it")
    if typed["area"] and typed["area"] not in area_codes:
        errors["area"] = gettext("Choose an area from the list")
    if typed["agency"] and typed["agency"] not in agency_slugs:
        errors["agency"] = gettext("Choose an agency from the list")
    kind = next((t for t in ReportType if t.value == typed["type"]), None)
    if typed["type"] and kind is None:
        errors["type"] = gettext("Choose a type of report from the list")
    if errors:
        return Parsed(None, typed, errors)
    filters = Filters(
        start=start,
        end=end,
        area=typed["area"] or None,
        agency=typed["agency"] or None,
        type=kind,
    )
    return Parsed(filters, query_of(filters), {})


def query_of(filters: Filters) -> dict[str, str]:
    """The query string of these filters, only those chosen, in one order: a stable address."""
    query = {
        "from": "{:04d}-{:02d}".format(*filters.start) if filters.start else "",
        "to": "{:04d}-{:02d}".format(*filters.end) if filters.end else "",
        "area": filters.area or "",
        "agency": filters.agency or "",
        "type": filters.type.value if filters.type else "",
    }
    return {name: value for name, value in query.items() if value}
