"""Tracking codes: readable aloud, no look-alike characters, forgiving of how people type."""

from __future__ import annotations

import re

import pytest

from gesi_app.reports import codes


def test_new_codes_have_the_shape_and_no_ambiguous_characters() -> None:
    for _ in range(500):
        code = codes.new_tracking_code()
        assert re.fullmatch(r"SRA-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}", code)
        assert not set(code) & set("01OIL")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("SRA-7K4Q-2M", "SRA-7K4Q-2M"),
        ("sra 7k4q 2m", "SRA-7K4Q-2M"),
        ("SRA7K4Q2M", "SRA-7K4Q-2M"),
        ("7k4q-2m", "SRA-7K4Q-2M"),
        ("  sra.7k4q.2m ", "SRA-7K4Q-2M"),
        ("SRA-7K4O-2M", None),  # O is never used
        ("SRA-7K4Q", None),
        ("", None),
        ("hello world", None),
    ],
)
def test_normalise_code(typed: str, expected: str | None) -> None:
    assert codes.normalise_code(typed) == expected


def test_pin_and_spelling() -> None:
    pin = codes.new_pin()
    assert re.fullmatch(r"\d{6}", pin)
    assert codes.spaced("SRA-7K4Q-2M") == "S R A 7 K 4 Q 2 M"
