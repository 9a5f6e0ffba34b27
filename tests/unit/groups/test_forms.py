"""Validation of a group's answers: input -> exact messages (both languages) or normalised
answers; the bounds of member counts; messages that spell out the bounds agree with them."""

from __future__ import annotations

import pytest
from starlette.datastructures import FormData

from gesi_app.groups import forms
from gesi_app.i18n import set_locale

MEMBERS = {
    "members_total": "40",
    "members_women": "20",
    "members_youth": "0",
    "members_disability": "40",
}


def form(**data: str) -> FormData:
    return FormData(list(data.items()))


ERRORS = [
    # parser input, field, Indonesian, English
    (forms.parse_name, {"name": " "}, "name", "Tulis nama kelompok", "Enter the name of the group"),
    (
        forms.parse_name,
        {"name": "ab"},
        "name",
        "Tulis nama paling sedikit 3 karakter",
        "Write a name of at least 3 characters",
    ),
    (
        forms.parse_name,
        {"name": "a" * 121},
        "name",
        "Tulis nama paling banyak 120 karakter",
        "Write a name of 120 characters or fewer",
    ),
    (
        forms.parse_kind,
        {"kind": "DISABILITY"},
        "kind",
        "Pilih jenis kelompok",
        "Choose the kind of group",
    ),
    (
        forms.parse_speaks_for,
        {"speaks_for": "Tuli"},
        "speaks_for",
        "Tulis paling sedikit 10 karakter tentang untuk siapa kelompok bicara",
        "Write at least 10 characters about who the group speaks for",
    ),
    (
        forms.parse_speaks_for,
        {"speaks_for": "x" * 301},
        "speaks_for",
        "Tulis paling banyak 300 karakter tentang untuk siapa kelompok bicara",
        "Write 300 characters or fewer about who the group speaks for",
    ),
]


@pytest.mark.parametrize(("parser", "data", "field", "indonesian", "english"), ERRORS)
def test_each_error_in_both_languages(
    parser: object, data: dict[str, str], field: str, indonesian: str, english: str
) -> None:
    for locale, message in (("id", indonesian), ("en", english)):
        set_locale(locale)
        parsed = parser(form(**data))  # type: ignore[operator]
        assert parsed.errors == {field: message}
        assert parsed.answers == {}
    set_locale("id")


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"members_total": "0"},
            {"members_total": "Enter the number of members as a whole number from 1 to 100,000"},
        ),
        (
            {"members_total": "100001"},
            {"members_total": "Enter the number of members as a whole number from 1 to 100,000"},
        ),
        (
            {"members_total": "-3"},
            {"members_total": "Enter the number of members as a whole number from 1 to 100,000"},
        ),
        (
            {"members_total": "4.5"},
            {"members_total": "Enter the number of members as a whole number from 1 to 100,000"},
        ),
        (
            {"members_total": "٣"},
            {"members_total": "Enter the number of members as a whole number from 1 to 100,000"},
        ),
        (
            {"members_total": "9" * 400},
            {"members_total": "Enter the number of members as a whole number from 1 to 100,000"},
        ),
        ({"members_total": ""}, {"members_total": "Enter how many members the group has"}),
        (
            {"members_women": "41"},
            {"members_women": "The number of women cannot be more than all members"},
        ),
        (
            {"members_youth": "-1"},
            {"members_youth": "Enter the number of young people as a whole number, like 12"},
        ),
        (
            {"members_youth": ""},
            {"members_youth": "Enter how many members are young people. Enter 0 if none"},
        ),
        (
            {"members_disability": "41"},
            {
                "members_disability": "The number of people with disabilities cannot be more than all members"
            },
        ),
        (
            {"members_women": "", "members_disability": "x"},
            {
                "members_women": "Enter how many members are women. Enter 0 if none",
                "members_disability": "Enter the number of people with disabilities as a whole number, like 12",
            },
        ),
    ],
)
def test_member_counts_have_sane_bounds(changes: dict[str, str], errors: dict[str, str]) -> None:
    set_locale("en")
    typed = {**MEMBERS, **changes}
    parsed = forms.parse_members(form(**typed))
    set_locale("id")
    assert parsed.errors == errors
    assert parsed.typed == typed  # every number comes back as it was typed
    assert parsed.answers == {}


def test_member_counts_are_stored_as_numbers() -> None:
    parsed = forms.parse_members(form(**{**MEMBERS, "members_total": " 1 000 "}))
    assert parsed.errors == {}
    # Spaces between digits are read ("1 000"), and segments may add up past the total:
    # a person counts in every segment that fits them.
    assert parsed.answers == {
        "members_total": 1000,
        "members_women": 20,
        "members_youth": 0,
        "members_disability": 40,
    }
    largest = forms.parse_members(form(**{**MEMBERS, "members_total": "100000"}))
    assert largest.answers["members_total"] == forms.MEMBERS_MAX


def test_representative_contact_is_validated_and_normalised() -> None:
    set_locale("en")
    parsed = forms.parse_representative(
        form(rep_name=" Sari ", rep_email=" Sari@Example.ORG ", rep_phone="0812-3456-7890")
    )
    assert parsed.answers == {
        "rep_name": "Sari",
        "rep_email": "sari@example.org",
        "rep_phone": "+6281234567890",
    }
    neither = forms.parse_representative(form(rep_name="Sari", rep_email="", rep_phone=""))
    assert neither.errors == {
        "rep_email": "Enter an email address or a phone number, so we can reach you"
    }
    long_name = forms.parse_representative(form(rep_name="a" * 121, rep_phone="081234567890"))
    assert long_name.errors == {"rep_name": "Write a name of 120 characters or fewer"}
    assert long_name.typed["rep_name"] == "a" * 121
    set_locale("id")


def test_places_must_be_offered_ones() -> None:
    assert forms.parse_area(form(kecamatan="36.03.01"), ["36.03.01"]).answers == {
        "kecamatan": "36.03.01"
    }
    assert forms.parse_area(form(kecamatan="36.03.99"), ["36.03.01"]).errors
    assert forms.parse_village(form(desa="whole"), []).answers == {"desa": "whole"}
    assert forms.parse_village(form(desa="36.03.01.1001"), ["36.03.01.1002"]).errors


def test_messages_that_spell_out_a_bound_agree_with_it() -> None:
    set_locale("en")
    spelled = {
        "Write a name of at least 3 characters": forms.NAME_MIN,
        "Write a name of 120 characters or fewer": forms.NAME_MAX,
        "Write at least 10 characters about who the group speaks for": forms.SPEAKS_FOR_MIN,
        "Write 300 characters or fewer about who the group speaks for": forms.SPEAKS_FOR_MAX,
        "Enter the number of members as a whole number from 1 to 100,000": forms.MEMBERS_MAX,
    }
    set_locale("id")
    for message, bound in spelled.items():
        assert f"{bound:,}" in message or str(bound) in message
    assert forms.REP_NAME_MAX == forms.NAME_MAX
