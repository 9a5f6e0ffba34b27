"""The [brackets] of a response template: filled from the report where the report knows the
answer, and found again when an answer still has one, so it is never sent half-written.

A template's placeholder may be written in either language ("[tanggal]" or "[date]"): admins
write both texts and may mix them. A placeholder the report cannot answer (``[apa]``, the
office's opening hours) stays for the officer to fill; ``left_over`` finds it, and any other
word in brackets, before the answer is sent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from babel.dates import format_date
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import clock
from gesi_app.agencies.models import Agency
from gesi_app.categories.models import Category
from gesi_app.regions.models import Region
from gesi_app.reports.models import Report

# Each value the report can give, and the names a template may use for it (lower case).
NAMES: dict[str, tuple[str, ...]] = {
    "today": ("tanggal", "date", "hari ini", "today", "tanggal hari ini", "today's date"),
    "code": ("kode", "kode lacak", "code", "tracking code"),
    "agency": ("instansi", "opd", "agency"),
    "topic": ("topik", "topic"),
    "area": ("wilayah", "lokasi", "tempat", "area", "place", "location"),
    "district": ("kecamatan", "district"),
    "village": ("desa", "kelurahan", "desa/kelurahan", "village"),
    "deadline": ("batas waktu", "deadline"),
    "reported_on": ("tanggal laporan", "report date", "date of the report"),
}
# Placeholders the report never answers: the seeded templates' own, in both languages.
OFFICER_ONLY = (
    "apa",
    "what",
    "informasi",
    "information",
    "kantor",
    "office",
    "hari dan jam",
    "days and hours",
    "tanggal perbaikan",
    "repair date",
    "nama",
    "name",
)
VILLAGE = 4  # Region.level of a desa/kelurahan
KNOWN = frozenset(name for names in NAMES.values() for name in names) | frozenset(OFFICER_ONLY)

# Any [words] (letters, spaces, a few marks) or an ellipsis in brackets: "[…]", "[...]".
# Numbers alone ("[1]") are a footnote, not a blank to fill.
_BRACKETS = re.compile(r"\[\s*([^\[\]\n]{0,60}?)\s*\]")
_BLANK = re.compile(r"[^\W\d_]|…|\.\.\.|^$")


@dataclass(frozen=True)
class ReportFacts:
    """What the report says, as text in the page's language; None where it does not say."""

    values: Mapping[str, str | None]


def _key(name: str) -> str | None:
    lowered = " ".join(name.lower().split())
    for key, names in NAMES.items():
        if lowered in names:
            return key
    return None


def fill(text: str, facts: ReportFacts) -> str:
    """The text with each placeholder the report answers replaced by the answer."""

    def replace(match: re.Match[str]) -> str:
        key = _key(match.group(1))
        value = facts.values.get(key) if key else None
        return value if value else match.group(0)

    return _BRACKETS.sub(replace, text)


def left_over(text: str) -> list[str]:
    """The placeholders still in ``text``, as written (each once, in order): a known name in
    brackets, or any bracketed words or ellipsis."""
    found: list[str] = []
    for match in _BRACKETS.finditer(text):
        inside = " ".join(match.group(1).lower().split())
        if (inside in KNOWN or _BLANK.search(inside)) and match.group(0) not in found:
            found.append(match.group(0))
    return found


def date_words(day: dt.date | None, locale: str) -> str | None:
    """A date as people write it: "7 Desember 2026", "December 7, 2026"."""
    return format_date(day, "long", locale=locale) if day else None


async def facts_of(
    session: AsyncSession, report: Report, locale: str, today: dt.date, timezone: str
) -> ReportFacts:
    """What a template may take from ``report``: today's date, its code, agency, topic,
    place and answer deadline, in ``locale``."""
    agency = await session.get(Agency, report.agency_id) if report.agency_id else None
    topic = await session.get(Category, report.category_id) if report.category_id else None
    place = await session.get(Region, report.region_code) if report.region_code else None
    district, village = None, None
    if place is not None and place.level >= VILLAGE:
        parent = await session.get(Region, place.parent_code) if place.parent_code else None
        district, village = (parent.name if parent else None), place.name
    elif place is not None:
        district = place.name
    reported = clock.local_date(report.created_at, timezone) if report.created_at else None
    return ReportFacts(
        {
            "today": date_words(today, locale),
            "code": report.tracking_code,
            "agency": agency.name(locale) if agency else None,
            "topic": topic.name(locale) if topic else None,
            "area": ", ".join(n for n in (village, district) if n) or None,
            "district": district,
            "village": village,
            "deadline": date_words(report.answer_due, locale),
            "reported_on": date_words(reported, locale),
        }
    )
