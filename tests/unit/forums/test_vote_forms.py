"""The prioritising forms' validation: input -> exact messages (both languages) or typed values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from starlette.datastructures import FormData

from gesi_app.forums import vote_forms as forms
from gesi_app.forums.vote_models import Answer
from gesi_app.i18n import set_locale

INPUTS = [11, 12]


def form(data: dict[str, str]) -> FormData:
    return FormData(list(data.items()))


PARSERS: dict[str, Callable[[FormData], forms.Parsed[Any]]] = {
    "dots": lambda f: forms.parse_dots(f, INPUTS, 3),
    "room": lambda f: forms.parse_dots(f, INPUTS, None),
    "open": lambda f: forms.parse_open(f, {1, 2}),
    "statement": forms.parse_statement,
    "answers": lambda f: forms.parse_answers(f, [7]),
}

ERRORS = [
    (
        "dots",
        {"dots-11": "2", "dots-12": "2"},
        {
            "dots-11": (
                "Anda punya 3 titik: kurangi sebagian agar jumlahnya 3 atau kurang",
                "You have 3 dots: take some away so they add up to 3 or fewer",
            )
        },
    ),
    (
        "dots",
        {"dots-11": "-1", "dots-12": "4"},
        {
            "dots-11": (
                "Tulis bilangan bulat dari 0 sampai 3",
                "Enter a whole number from 0 to 3",
            ),
            "dots-12": (
                "Tulis bilangan bulat dari 0 sampai 3",
                "Enter a whole number from 0 to 3",
            ),
        },
    ),
    (
        "room",
        {"dots-11": "10000"},
        {
            "dots-11": (
                "Tulis bilangan bulat dari 0 sampai 9999",
                "Enter a whole number from 0 to 9999",
            )
        },
    ),
    (
        "open",
        {"vote_on": "9", "dots": "0"},
        {
            "vote_on": (
                "Pilih butir agenda, atau semua masukan",
                "Choose an agenda item, or all inputs",
            ),
            "dots": (
                "Tulis jumlah titik berupa bilangan bulat dari 1 sampai 10",
                "Enter a whole number of dots from 1 to 10",
            ),
        },
    ),
    ("statement", {"statement": " "}, {"statement": ("Tulis pernyataan", "Write the statement")}),
    (
        "statement",
        {"statement": "x" * 141},
        {
            "statement": (
                "Pernyataan paling banyak 140 karakter",
                "The statement must be 140 characters or fewer",
            )
        },
    ),
    (
        "answers",
        {"statement-7": "maybe"},
        {
            "statement-7": (
                "Pilih setuju, tidak setuju atau lewati",
                "Choose agree, disagree or pass",
            )
        },
    ),
]


@pytest.mark.parametrize(("parser", "data", "errors"), ERRORS)
def test_errors(parser: str, data: dict[str, str], errors: dict[str, tuple[str, str]]) -> None:
    for n, locale in enumerate(("id", "en")):
        set_locale(locale)
        parsed = PARSERS[parser](form(data))
        assert parsed.value is None
        assert parsed.errors == {field: texts[n] for field, texts in errors.items()}
        assert parsed.kept == {**parsed.kept, **{k: v.strip() for k, v in data.items()}}
    set_locale("id")


def test_values() -> None:
    assert forms.parse_dots(form({"dots-11": "3", "dots-12": ""}), INPUTS, 3).value == {
        11: 3,
        12: 0,
    }
    assert forms.parse_dots(form({"dots-12": "250"}), INPUTS, None).value == {11: 0, 12: 250}
    assert forms.parse_open(form({"vote_on": "all"}), {1}).value == (None, 3)
    assert forms.parse_open(form({"vote_on": "1", "dots": "5"}), {1}).value == (1, 5)
    assert forms.parse_statement(form({"statement": " Buka malam "})).value == "Buka malam"
    assert forms.parse_answers(form({"statement-7": "pass"}), [7]).value == {7: Answer.PASS}
