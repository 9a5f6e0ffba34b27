"""The outcome forms' validation: input -> exact messages (both languages) or typed values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from starlette.datastructures import FormData

from gesi_app.forums import outcome_forms as forms
from gesi_app.forums.models import PointState
from gesi_app.forums.outcomes import NewFollowUp, NewPoint
from gesi_app.i18n import set_locale

TODAY = dt.date(2026, 11, 23)
INPUTS, THEMES, AGENCIES = {11, 12, 13}, {5}, {"3"}


def form(data: dict[str, Any]) -> FormData:
    return FormData([(k, x) for k, v in data.items() for x in (v if isinstance(v, list) else [v])])


PARSERS: dict[str, Callable[[FormData], forms.Parsed[Any]]] = {
    "theme": forms.parse_theme,
    "assign": lambda f: forms.parse_assign(f, INPUTS, THEMES),
    "merge": lambda f: forms.parse_merge(f, INPUTS),
    "point": lambda f: forms.parse_point(f, AGENCIES),
    "follow_up": lambda f: forms.parse_follow_up(f, AGENCIES, TODAY),
}

ERRORS = [
    # parser, input, {field: (Indonesian, English)}
    ("theme", {}, {"theme_title": ("Masukkan nama tema", "Enter the name of the theme")}),
    (
        "theme",
        {"theme_title": "x" * 101},
        {
            "theme_title": (
                "Nama paling banyak 100 karakter",
                "The name must be 100 characters or fewer",
            )
        },
    ),
    (
        "assign",
        {"inputs": ["99", "x"], "theme": "6"},
        {
            "inputs": ("Centang paling sedikit satu masukan", "Tick at least one input"),
            "theme": ("Pilih tema dari daftar", "Choose the theme from the list"),
        },
    ),
    (
        "merge",
        {"duplicate": "11", "into": "11"},
        {
            "into": (
                "Pilih masukan yang berbeda dari masukan yang mengulanginya",
                "Choose a different input from the one that repeats it",
            )
        },
    ),
    (
        "merge",
        {"duplicate": "99", "into": ""},
        {
            "duplicate": (
                "Pilih masukan yang mengulangi masukan lain",
                "Choose the input that repeats another",
            ),
            "into": ("Pilih masukan yang diulanginya", "Choose the input it repeats"),
        },
    ),
    (
        "point",
        {"point": "  "},
        {"point": ("Masukkan butir yang disepakati", "Enter the point that was agreed")},
    ),
    (
        "follow_up",
        {"what": "Jalan", "owner": "3", "due_day": "22", "due_month": "11", "due_year": "2026"},
        {
            "due_day": (
                "Tanggal tenggat harus hari ini atau sesudahnya",
                "The due date must be today or later",
            )
        },
    ),
    (
        "follow_up",
        {"what": "Jalan", "owner": "4", "due_day": "1", "due_month": "1", "due_year": ""},
        {
            "owner": (
                "Pilih perangkat daerah yang akan melaksanakannya",
                "Choose the agency that will do it",
            ),
            "due_year": ("Tanggal harus berisi tahun", "The date must include a year"),
        },
    ),
]

POINT_ERRORS = [
    (
        "point",
        {"point": "Setuju", "point_owner": "9", "point_due_day": "31", "point_due_month": "2",
         "point_due_year": "2027", "point_state": "maybe"},
        {
            "point_owner": ("Pilih instansi dari daftar", "Choose the agency from the list"),
            "point_due_day": (
                "Tulis tanggal yang benar, misalnya 17 8 2026",
                "Enter a real date, for example 17 8 2026",
            ),
            "point_state": (
                "Pilih posisinya dari daftar",
                "Choose where it stands from the list",
            ),
        },
    ),
    (
        "point",
        {"point": "Setuju", "point_due_day": "3", "point_due_year": "2027"},
        {"point_due_month": ("Tanggal harus berisi bulan", "The date must include a month")},
    ),
]  # fmt: skip
ERRORS += POINT_ERRORS


@pytest.mark.parametrize(("parser", "data", "errors"), ERRORS)
def test_errors(parser: str, data: dict[str, Any], errors: dict[str, tuple[str, str]]) -> None:
    for index, locale in enumerate(("id", "en")):
        set_locale(locale)
        parsed = PARSERS[parser](form(data))
        assert parsed.value is None
        assert parsed.errors == {field: messages[index] for field, messages in errors.items()}
    set_locale("id")


def test_values() -> None:
    assert forms.parse_theme(form({"theme_title": " Jalan "})).value == "Jalan"
    assign = forms.parse_assign(form({"inputs": ["11", "13", "99"], "theme": "5"}), INPUTS, THEMES)
    assert assign.value == ([11, 13], 5)
    out = forms.parse_assign(form({"inputs": "12", "theme": "none"}), INPUTS, THEMES)
    assert out.value == ([12], None)  # out of any theme
    assert forms.parse_merge(form({"duplicate": "12", "into": "11"}), INPUTS).value == (12, 11)
    typed = {
        "what": "Perbaiki",
        "owner": "3",
        "due_day": "23",
        "due_month": "11",
        "due_year": "2026",
    }
    parsed = forms.parse_follow_up(form(typed), AGENCIES, TODAY)
    assert parsed.value == NewFollowUp("Perbaiki", 3, TODAY)
    assert parsed.kept == typed
    plain = forms.parse_point(form({"point": " Setuju "}), AGENCIES)
    assert plain.value == NewPoint("Setuju")  # owner, date and state stay unset
    full = {
        "point": "Setuju",
        "point_owner": "3",
        "point_due_day": "1",
        "point_due_month": "1",
        "point_due_year": "2026",  # in the past: a point is often updated late
        "point_state": "in_progress",
    }
    point = forms.parse_point(form(full), AGENCIES).value
    assert point == NewPoint("Setuju", 3, dt.date(2026, 1, 1), PointState.IN_PROGRESS)
