"""Dates and times as the opening of a berita acara writes them: the day's name, and the day,
month and year in words ("Senin tanggal tujuh bulan Desember tahun dua ribu dua puluh enam").

Numbers become words through num2words (Indonesian and English), names of days and months
through Babel's locale data; nothing here is a hand-written table but the time-zone names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date, format_time
from num2words import num2words  # type: ignore[import-untyped]  # ships no type hints

# Indonesia's three zones as an Indonesian document names them.
ZONES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA"}
ZONES |= {"Asia/Jayapura": "WIT"}


@dataclass(frozen=True)
class DateInWords:
    weekday: str  # Senin / Monday
    day: str  # tujuh / seventh
    month: str  # Desember / December
    year: str  # dua ribu dua puluh enam / two thousand and twenty-six


def number_words(number: int, locale: str, *, ordinal: bool = False) -> str:
    lang = "en" if locale == "en" else "id"
    words: str = num2words(number, lang=lang, to="ordinal" if ordinal else "cardinal")
    return words


def date_in_words(day: dt.date, locale: str) -> DateInWords:
    """The parts of ``day`` in words; an English day is an ordinal ("the seventh")."""
    lang = "en" if locale == "en" else "id"
    return DateInWords(
        weekday=format_date(day, "EEEE", locale=lang),
        day=number_words(day.day, lang, ordinal=lang == "en"),
        month=format_date(day, "MMMM", locale=lang),
        year=number_words(day.year, lang),
    )


def time_with_zone(moment: dt.datetime, timezone: str, locale: str) -> str:
    """ "09.30 WIB" in Indonesian, "09:30 WIB" in English."""
    lang = "en" if locale == "en" else "id"
    clock = format_time(moment, "HH.mm" if lang == "id" else "HH:mm", locale=lang)
    return f"{clock} {ZONES.get(timezone, timezone)}"
