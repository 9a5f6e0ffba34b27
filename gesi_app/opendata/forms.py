"""Reading the filters of an export from its query string: period (``from``, ``to``), ``area``,
``agency`` and ``type``, the same as the statistics page.

Unlike the public reports list, a bad value is an error (400), never dropped: a script that
asked for one agency's reports and got everyone's would publish wrong figures without noticing.
Parameters we do not know are ignored (a cache-busting ``?v=2`` changes nothing).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from gesi_app.i18n import gettext
from gesi_app.reports.models import ReportType

EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2999, 12, 31)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")  # a whole month, as /stats writes its period
_AREA = re.compile(r"^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$")  # 36.03, 36.03.01, 36.03.01.1001
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


@dataclass(frozen=True)
class ExportFilters:
    """What the export keeps; None means "all". The period counts the day a report was sent,
    in the site's time zone, both ends included."""

    start: dt.date | None = None
    end: dt.date | None = None
    area: str | None = None  # a Kemendagri code: kabupaten, kecamatan or desa
    agency: str | None = None  # an agency's slug
    type: ReportType | None = None

    def query(self) -> dict[str, str]:
        """The query string of these filters (only those chosen)."""
        values = {
            "from": self.start.isoformat() if self.start else "",
            "to": self.end.isoformat() if self.end else "",
            "area": self.area or "",
            "agency": self.agency or "",
            "type": self.type.value if self.type else "",
        }
        return {k: v for k, v in values.items() if v}


@dataclass(frozen=True)
class FilterError:
    parameter: str
    message: str


def _date(text: str, *, last: bool = False) -> dt.date | None:
    """A day (2026-11-30), or a month (2026-11) meaning its first day, or its ``last``."""
    month = _MONTH.match(text)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        if not 1 <= number <= 12:
            return None
        first = dt.date(year, number, 1)
        day = (
            (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1) if last else first
        )
        return day if EARLIEST <= day <= LATEST else None
    if not _DATE.match(text):
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None


def parse(params: Mapping[str, str]) -> tuple[ExportFilters, list[FilterError]]:
    """The filters in ``params``, and an error for each value we cannot read."""
    errors: list[FilterError] = []
    # Each name written out: the fuzz tests find the parameters the app reads in its source.
    values = {
        "from": params.get("from", "").strip(),
        "to": params.get("to", "").strip(),
        "area": params.get("area", "").strip(),
        "agency": params.get("agency", "").strip(),
        "type": params.get("type", "").strip(),
    }
    start = _date(values["from"]) if values["from"] else None
    if values["from"] and start is None:
        errors.append(FilterError("from", bad_date("from")))
    end = _date(values["to"], last=True) if values["to"] else None
    if values["to"] and end is None:
        errors.append(FilterError("to", bad_date("to")))
    if start and end and start > end:
        errors.append(
            FilterError("to", gettext("The end of the period (to) is before its start (from).")),
        )
    area = values["area"] or None
    if area and not _AREA.match(area):
        errors.append(FilterError("area", unknown("area")))
    agency = values["agency"] or None
    if agency and not _SLUG.match(agency):
        errors.append(FilterError("agency", unknown("agency")))
    report_type = next((t for t in ReportType if t.value == values["type"]), None)
    if values["type"] and report_type is None:
        errors.append(FilterError("type", unknown("type")))
    return ExportFilters(start, end, area, agency, report_type), errors


def bad_date(parameter: str) -> str:
    return gettext(
        "%(parameter)s must be a date written as year-month-day, for example 2026-11-30, "
        "or a month written as year-month, for example 2026-11.",
        parameter=parameter,
    )


def unknown(parameter: str) -> str:
    """The message for an area, agency or type that does not exist."""
    if parameter == "area":
        return gettext(
            "area must be the Kemendagri code of an area we serve, for example 36.03.01."
        )
    if parameter == "agency":
        return gettext("agency must be the code of one of our agencies, for example dinkes.")
    return gettext("type must be pengaduan, aspirasi or permintaan_informasi.")
