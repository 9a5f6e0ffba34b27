"""Validation of a community group's answers: form input -> answers to store, or errors.

One parser per question of the registration journey; the staff form joins them. Errors are
translated, say what to do, and never discard what was typed: the raw text comes back with
the errors so the page shows it again. Numbers in messages are written out (no placeholder),
so every message has its audio; tests/unit/groups check they match the bounds.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from lokal import parse_phone
from starlette.datastructures import FormData

from gesi_app.groups.models import GroupKind
from gesi_app.i18n import gettext as _
from gesi_app.web.forms import EMAIL_ADDRESS, field_text
from gesi_app.web.numbers import parse_int

NAME_MIN, NAME_MAX = 3, 120
SPEAKS_FOR_MIN, SPEAKS_FOR_MAX = 10, 300
REP_NAME_MAX = 120
EMAIL_MAX = 254
MEMBERS_MAX = 100_000
WHOLE = "whole"  # the village question's answer "the whole district"
COUNTS = ("members_total", "members_women", "members_youth", "members_disability")
SEGMENTS = COUNTS[1:]

Form = FormData | Mapping[str, str]


@dataclass
class Parsed:
    answers: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)  # what to show again on error


def _text(form: Form, name: str) -> str:
    if isinstance(form, FormData):
        return field_text(form, name)
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def parse_name(form: Form) -> Parsed:
    value = _text(form, "name")
    if not value:
        error = _("Enter the name of the group")
    elif len(value) < NAME_MIN:
        error = _("Write a name of at least 3 characters")
    elif len(value) > NAME_MAX:
        error = _("Write a name of 120 characters or fewer")
    else:
        return Parsed(answers={"name": value})
    return Parsed(errors={"name": error}, typed={"name": value})


def parse_kind(form: Form) -> Parsed:
    value = _text(form, "kind")
    if value not in {k.value for k in GroupKind}:
        return Parsed(errors={"kind": _("Choose the kind of group")})
    return Parsed(answers={"kind": value})


def parse_area(form: Form, kecamatan: Collection[str]) -> Parsed:
    value = _text(form, "kecamatan")
    if value not in kecamatan:
        return Parsed(errors={"kecamatan": _("Choose the district (kecamatan) of the group")})
    return Parsed(answers={"kecamatan": value})


def parse_village(form: Form, desa: Collection[str]) -> Parsed:
    value = _text(form, "desa")
    if value != WHOLE and value not in desa:
        message = _("Choose the village (desa or kelurahan), or choose the whole district")
        return Parsed(errors={"desa": message})
    return Parsed(answers={"desa": value})


def _messages(name: str) -> tuple[str, str, str]:
    """(empty, not a number in range, more than all members) for one count field."""
    if name == "members_total":
        return (
            _("Enter how many members the group has"),
            _("Enter the number of members as a whole number from 1 to 100,000"),
            "",
        )
    if name == "members_women":
        return (
            _("Enter how many members are women. Enter 0 if none"),
            _("Enter the number of women as a whole number, like 12"),
            _("The number of women cannot be more than all members"),
        )
    if name == "members_youth":
        return (
            _("Enter how many members are young people. Enter 0 if none"),
            _("Enter the number of young people as a whole number, like 12"),
            _("The number of young people cannot be more than all members"),
        )
    return (
        _("Enter how many members have a disability. Enter 0 if none"),
        _("Enter the number of people with disabilities as a whole number, like 12"),
        _("The number of people with disabilities cannot be more than all members"),
    )


def parse_members(form: Form) -> Parsed:
    """The members counted by segment: a total of 1 to MEMBERS_MAX, each segment 0 to the
    total. A person counts in every segment that fits them, so segments may add up to more
    than the total."""
    typed = {name: _text(form, name) for name in COUNTS}
    errors: dict[str, str] = {}
    counts: dict[str, int] = {}
    for name in COUNTS:
        empty, bad, over = _messages(name)
        text = typed[name].replace(" ", "")
        if not text:
            errors[name] = empty
            continue
        number = parse_int(text, minimum=1 if name == "members_total" else 0, maximum=MEMBERS_MAX)
        if number is None:
            errors[name] = bad
            continue
        total = counts.get("members_total")
        if name != "members_total" and total is not None and number > total:
            errors[name] = over
            continue
        counts[name] = number
    if errors:
        return Parsed(errors=errors, typed=typed)
    return Parsed(answers=dict(counts))


def parse_speaks_for(form: Form) -> Parsed:
    value = _text(form, "speaks_for")
    if not value:
        error = _("Say who the group speaks for")
    elif len(value) < SPEAKS_FOR_MIN:
        error = _("Write at least 10 characters about who the group speaks for")
    elif len(value) > SPEAKS_FOR_MAX:
        error = _("Write 300 characters or fewer about who the group speaks for")
    else:
        return Parsed(answers={"speaks_for": value})
    return Parsed(errors={"speaks_for": error}, typed={"speaks_for": value})


def parse_representative(form: Form) -> Parsed:
    """The representative's name, and an email address or a phone number (or both)."""
    typed = {k: _text(form, k) for k in ("rep_name", "rep_email", "rep_phone")}
    name, email, phone = typed["rep_name"], typed["rep_email"], typed["rep_phone"]
    errors: dict[str, str] = {}
    if not name:
        errors["rep_name"] = _("Enter your name")
    elif len(name) > REP_NAME_MAX:
        errors["rep_name"] = _("Write a name of 120 characters or fewer")
    if email and (len(email) > EMAIL_MAX or not EMAIL_ADDRESS.match(email)):
        errors["rep_email"] = _("Enter an email address like nama@contoh.id")
    normalised_phone = None
    if phone:
        info = parse_phone(phone)
        if not info.valid or not info.e164:
            errors["rep_phone"] = _("Enter a phone number like 0812 3456 7890")
        else:
            normalised_phone = info.e164
    if not email and not phone:
        errors["rep_email"] = _("Enter an email address or a phone number, so we can reach you")
    if errors:
        return Parsed(errors=errors, typed=typed)
    return Parsed(
        answers={
            "rep_name": name,
            "rep_email": email.lower() or None,
            "rep_phone": normalised_phone,
        }
    )
