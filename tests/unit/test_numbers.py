"""The one integer parser: ASCII digits only, bounded length, inside the range."""

from __future__ import annotations

import datetime as dt

import pytest

from gesi_app.web.numbers import ID_MAX, parse_date, parse_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0", 0), ("7", 7), ("007", 7), (str(ID_MAX), ID_MAX), ("2147483648", None)],
)
def test_ascii_digits_inside_the_range(text: str, expected: int | None) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "²",
        "٣",
        "१२",
        "０",
        "-1",
        "+1",
        " 1",
        "1 ",
        "1.5",
        "1e3",
        "0x10",
        "1_000",
        "9" * 30,
        "9" * 5000,
        "\x00",
        "-",
        None,
    ],
)
def test_anything_else_is_none(text: str | None) -> None:
    assert parse_int(text) is None


def test_a_minus_only_where_the_range_allows_it() -> None:
    assert parse_int("-5", minimum=-10, maximum=10) == -5
    assert parse_int("-11", minimum=-10, maximum=10) is None
    assert parse_int("--5", minimum=-10, maximum=10) is None
    assert parse_int("5", minimum=1, maximum=3) is None


def test_a_date_from_three_boxes() -> None:
    assert parse_date("17", "8", "2026") == dt.date(2026, 8, 17)
    assert parse_date("31", "4", "2026") is None
    assert parse_date("٣", "8", "2026") is None
    assert parse_date("1", "1", "9" * 5000) is None


def test_clamp_gives_the_nearest_end_of_the_range() -> None:
    assert parse_int("0", minimum=1, maximum=10, clamp=True) == 1
    assert parse_int("11", minimum=1, maximum=10, clamp=True) == 10
    assert parse_int("9" * 5000, minimum=1, maximum=10, clamp=True) == 10
    assert parse_int("-" + "9" * 50, minimum=-5, maximum=5, clamp=True) == -5
    assert parse_int("²", minimum=1, maximum=10, clamp=True) is None
