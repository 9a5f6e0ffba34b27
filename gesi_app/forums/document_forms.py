"""The document pages' forms: the letterhead, the signers and a line of the attendance list.
Each parse gives typed data or field errors (translated), and keeps what was typed."""

from __future__ import annotations

import re

from starlette.datastructures import FormData

from gesi_app.forums.forms import text
from gesi_app.forums.letterhead import LetterheadData, LogoRefused
from gesi_app.forums.models import Accommodation, Audience
from gesi_app.forums.numbering import FIELDS, pattern_problem
from gesi_app.forums.signing import ORGANISER, PUBLIC, PUBLIC_SIGNERS, NewAttendee, Signer
from gesi_app.i18n import gettext as _

Fields = dict[str, str]
LIMITS = {"authority": 200, "address": 300, "contact": 200, "code": 30, "pattern": 100}
CODE = re.compile(r"^[A-Za-z0-9.\-]+$")
NIP = re.compile(r"^\d{18}$")
SIGNER_SLOTS = (ORGANISER, *(f"{PUBLIC}{n}" for n in range(1, PUBLIC_SIGNERS + 1)))
NAME_MAX, POSITION_MAX, ORIGIN_MAX = 100, 150, 150


def _too_long(limit: int) -> str:
    return _("Write %(max)s characters or fewer", max=limit)


def parse_letterhead(form: FormData) -> tuple[LetterheadData | None, Fields, Fields]:
    kept = {name: text(form, name) for name in LIMITS}
    errors: Fields = {}
    for name, limit in LIMITS.items():
        if len(kept[name]) > limit:
            errors[name] = _too_long(limit)
    if not kept["authority"]:
        errors["authority"] = _("Enter the name of the authority")
    if not kept["code"]:
        errors["code"] = _("Enter a short code for the authority, such as SETDA")
    elif "code" not in errors and not CODE.match(kept["code"]):
        errors["code"] = _("Use only letters, numbers, dots and hyphens in the code")
    problem = pattern_problem(kept["pattern"]) if kept["pattern"] else "empty"
    if "pattern" not in errors and problem:
        fields = ", ".join("{" + f + "}" for f in FIELDS)
        errors["pattern"] = {
            "empty": _("Enter the pattern of the numbers"),
            "missing": _("Write {seq}, {agency} and {year} in the pattern"),
            "adjacent": _(
                "Put a character such as / between two fields, so that no two numbers read the same"
            ),
        }.get(problem) or _("Use only these fields in the pattern: %(fields)s", fields=fields)
    if errors:
        return None, kept, errors
    return LetterheadData(**kept), kept, {}


def logo_message(refused: LogoRefused) -> str:
    return {
        "empty": _("The logo file is empty. Choose another file"),
        "large": _("The logo must be smaller than 2 MB"),
        "type": _("The logo must be a picture (JPG, PNG or WebP)"),
        "pixels": _("The logo is too large to open. Choose a smaller picture"),
        "broken": _("The logo cannot be opened. Try another file"),
    }[refused.reason]


def parse_provided(form: FormData) -> list[Accommodation]:
    """The accommodations ticked as provided; anything else sent is ignored."""
    ticked = {v for v in form.getlist("provided") if isinstance(v, str)}
    return [a for a in Accommodation if a.value in ticked]


def parse_signers(form: FormData) -> tuple[list[Signer] | None, Fields, Fields]:
    """One organiser and up to PUBLIC_SIGNERS representatives; a line left empty is left out.
    A name needs a position; a NIP is 18 digits when given."""
    kept = {
        f"{slot}_{part}": text(form, f"{slot}_{part}")
        for slot in SIGNER_SLOTS
        for part in ("name", "position", "nip")
    }
    errors: Fields = {}
    signers: list[Signer] = []
    for slot in SIGNER_SLOTS:
        name, position = kept[f"{slot}_name"], kept[f"{slot}_position"]
        nip = kept[f"{slot}_nip"].replace(" ", "")
        if not (name or position or nip):
            continue
        if not name:
            errors[f"{slot}_name"] = _("Enter the name of the person who signs")
        elif len(name) > NAME_MAX:
            errors[f"{slot}_name"] = _too_long(NAME_MAX)
        if not position:
            errors[f"{slot}_position"] = _("Enter their position, such as Head of Division")
        elif len(position) > POSITION_MAX:
            errors[f"{slot}_position"] = _too_long(POSITION_MAX)
        if nip and not NIP.match(nip):
            errors[f"{slot}_nip"] = _("Enter the NIP as 18 digits, or leave it empty")
        role = ORGANISER if slot == ORGANISER else PUBLIC
        signers.append(Signer(role, name, position, nip))
    if errors:
        return None, kept, errors
    return signers, kept, {}


def parse_attendee(form: FormData) -> tuple[NewAttendee | None, Fields, Fields, list[str]]:
    kept = {"name": text(form, "name"), "origin": text(form, "origin")}
    groups = [v for v in form.getlist("segments") if isinstance(v, str) and v in set(Audience)]
    consent = text(form, "consent") == "yes"
    errors: Fields = {}
    if not kept["name"]:
        errors["name"] = _("Enter the person's name")
    elif len(kept["name"]) > NAME_MAX:
        errors["name"] = _too_long(NAME_MAX)
    if len(kept["origin"]) > ORIGIN_MAX:
        errors["origin"] = _too_long(ORIGIN_MAX)
    if groups and not consent:
        errors["consent"] = _("Tick that the person agreed, or leave the groups empty")
    if errors:
        return None, kept, errors, groups
    new = NewAttendee(kept["name"], kept["origin"], tuple(Audience(g) for g in groups), consent)
    return new, kept, {}, groups
