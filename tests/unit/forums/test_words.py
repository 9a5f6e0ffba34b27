"""The date in words of the minutes' opening, in Indonesian and English, year ends included."""

from __future__ import annotations

import datetime as dt

import pytest

from gesi_app.forums.words import DateInWords, date_in_words, time_with_zone


@pytest.mark.parametrize(
    ("day", "locale", "expected"),
    [
        (dt.date(2026, 12, 7), "id", ("Senin", "tujuh", "Desember", "dua ribu dua puluh enam")),
        (
            dt.date(2026, 12, 31),
            "id",
            ("Kamis", "tiga puluh satu", "Desember", "dua ribu dua puluh enam"),
        ),
        (dt.date(2027, 1, 1), "id", ("Jumat", "satu", "Januari", "dua ribu dua puluh tujuh")),
        (dt.date(2030, 8, 17), "id", ("Sabtu", "tujuh belas", "Agustus", "dua ribu tiga puluh")),
        (
            dt.date(2028, 2, 29),
            "id",
            ("Selasa", "dua puluh sembilan", "Februari", "dua ribu dua puluh delapan"),
        ),
        (dt.date(2026, 11, 11), "id", ("Rabu", "sebelas", "November", "dua ribu dua puluh enam")),
        (
            dt.date(2026, 12, 7),
            "en",
            ("Monday", "seventh", "December", "two thousand and twenty-six"),
        ),
        (
            dt.date(2026, 12, 31),
            "en",
            ("Thursday", "thirty-first", "December", "two thousand and twenty-six"),
        ),
        (
            dt.date(2027, 1, 1),
            "en",
            ("Friday", "first", "January", "two thousand and twenty-seven"),
        ),
    ],
)
def test_date_in_words(day: dt.date, locale: str, expected: tuple[str, str, str, str]) -> None:
    assert date_in_words(day, locale) == DateInWords(*expected)


def test_time_with_the_zone_name() -> None:
    moment = dt.datetime(2030, 8, 17, 9, 30)
    assert time_with_zone(moment, "Asia/Jakarta", "id") == "09.30 WIB"
    assert time_with_zone(moment, "Asia/Makassar", "en") == "09:30 WITA"
    assert time_with_zone(moment, "Asia/Jayapura", "id") == "09.30 WIT"
