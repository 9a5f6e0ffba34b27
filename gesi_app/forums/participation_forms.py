"""Parsing the join, input and quick-capture forms: typed data, or errors and what was typed."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Generic, TypeVar

from lokal import parse_phone
from starlette.datastructures import FormData

from gesi_app.forums.forms import text
from gesi_app.forums.participation import INPUT_LIMIT, NewInput, Speaker
from gesi_app.i18n import gettext as _
from gesi_app.web.forms import EMAIL_ADDRESS
from gesi_app.web.numbers import parse_int

NAME_MAX = 100
ANSWERS = {"yes": True, "no": False, "skip": None, "": None}
GENDERS = {"woman": True, "man": False, "skip": None, "": None}
T = TypeVar("T")


@dataclass(frozen=True)
class Joined:
    name: str | None
    speaker: Speaker
    contact: str | None = None  # an email address (lower case) or a phone number (E.164)
    wants_news: bool = False


def parse_contact(kept: dict[str, str]) -> tuple[str | None, dict[str, str]]:
    """The email address or phone number to tell a participant at, when they ticked the box."""
    contact, wants = kept["contact"], kept["news"] == "yes"
    if not contact:
        if wants:
            return None, {"contact": _("Enter an email address or a phone number to be told")}
        return None, {}
    if not wants:
        return None, {"news": _("Tick the box to be told, or leave the email or phone empty")}
    if "@" in contact:
        if len(contact) > 254 or not EMAIL_ADDRESS.match(contact):
            return None, {"contact": _("Enter an email address like nama@contoh.id")}
        return contact.lower(), {}
    info = parse_phone(contact)
    if not info.valid or not info.e164:
        error = _(
            "Enter an email address like nama@contoh.id or a phone number like 0812 3456 7890"
        )
        return None, {"contact": error}
    return info.e164, {}


@dataclass(frozen=True)
class Parsed(Generic[T]):  # Python 3.11 has no [T] syntax
    value: T | None
    kept: dict[str, str]
    errors: dict[str, str]


def parse_join(form: FormData) -> Parsed[Joined]:
    names = ("name", "gender", "youth", "disability", "consent", "contact", "news")
    kept = {n: text(form, n) for n in names}
    contact, errors = parse_contact(kept)
    if len(kept["name"]) > NAME_MAX:
        errors["name"] = _("Your name must be %(max)s characters or fewer", max=NAME_MAX)
    if kept["gender"] not in GENDERS:
        errors["gender"] = _("Choose woman, man or prefer not to say")
    for name in ("youth", "disability"):
        if kept[name] not in ANSWERS:
            errors[name] = _("Choose yes, no or prefer not to say")
    if errors:
        return Parsed(None, kept, errors)
    speaker = Speaker(
        woman=GENDERS[kept["gender"]],
        youth=ANSWERS[kept["youth"]],
        disability=ANSWERS[kept["disability"]],
    )
    if speaker.given and kept["consent"] != "yes":
        errors["consent"] = _(
            "Tick the box to agree, or choose prefer not to say for the questions about you"
        )
        return Parsed(None, kept, errors)
    return Parsed(Joined(kept["name"] or None, speaker, contact, contact is not None), kept, {})


def parse_input(form: FormData, agenda_ids: Collection[int]) -> Parsed[NewInput]:
    kept = {n: text(form, n) for n in ("agenda_item", "text")}
    errors: dict[str, str] = {}
    item = parse_int(kept["agenda_item"])
    if item not in agenda_ids:
        errors["agenda_item"] = _("Choose the agenda item")
    if not kept["text"]:
        errors["text"] = _("Write the input")
    elif len(kept["text"]) > INPUT_LIMIT:
        errors["text"] = _("The input must be %(max)s characters or fewer", max=INPUT_LIMIT)
    if errors or item is None:
        return Parsed(None, kept, errors)
    return Parsed(NewInput(item, kept["text"]), kept, {})


def parse_speaker(form: FormData) -> Parsed[Speaker]:
    """Quick capture: what the facilitator chose about the speaker (all optional)."""
    kept = {n: text(form, n) for n in ("gender", "youth", "disability")}
    if kept["gender"] not in GENDERS:
        return Parsed(None, kept, {"gender": _("Choose woman, man or not known")})
    speaker = Speaker(
        woman=GENDERS[kept["gender"]],
        youth=True if kept["youth"] == "yes" else None,
        disability=True if kept["disability"] == "yes" else None,
    )
    return Parsed(speaker, kept, {})
