"""Validation of the collective questions: "on behalf of your group?" and the counts.

Bounds: the people spoken for are 1 to the group's registered members; each segment (women,
young people, people with disabilities) 0 to that number and to the group's registered count
of that segment; the people who signed it, if given, 0 to that number too. A person counts in
every segment that fits them, so segments may add up to more than the total.
"""

from __future__ import annotations

from collections.abc import Callable

from babel.numbers import format_decimal
from starlette.datastructures import FormData

from gesi_app.i18n import get_locale
from gesi_app.i18n import gettext as _
from gesi_app.reports.forms import Options, Parsed, _choice
from gesi_app.web.forms import field_text
from gesi_app.web.numbers import parse_int

COUNTS = ("behalf_total", "behalf_women", "behalf_youth", "behalf_disability", "behalf_signed")
SEGMENTS = ("behalf_women", "behalf_youth", "behalf_disability")


def parse_on_behalf(form: FormData, _o: Options) -> Parsed:
    return _choice(
        form,
        "on_behalf",
        ("yes", "no"),
        _("Choose yes to send it on behalf of your group, or no to send it for yourself"),
    )


def _messages(name: str, limit: int) -> tuple[str, str, str]:
    """(empty, not a whole number, more than allowed) for one count field."""
    if name == "behalf_total":
        return (
            _("Enter how many people you speak for"),
            _("Enter the number of people as a whole number, like 25"),
            _(
                "Enter a number from 1 to %(max)s, the members your group registered",
                max=format_decimal(limit, locale=get_locale()),
            ),
        )
    if name == "behalf_women":
        return (
            _("Enter how many of them are women. Enter 0 if none"),
            _("Enter the number of women as a whole number, like 12"),
            _("The number of women cannot be more than the people you speak for or your members"),
        )
    if name == "behalf_youth":
        return (
            _("Enter how many of them are young people. Enter 0 if none"),
            _("Enter the number of young people as a whole number, like 12"),
            _(
                "The number of young people cannot be more than the people you speak for "
                "or your members"
            ),
        )
    if name == "behalf_disability":
        return (
            _("Enter how many of them have a disability. Enter 0 if none"),
            _("Enter the number of people with disabilities as a whole number, like 12"),
            _(
                "The number of people with disabilities cannot be more than the people you "
                "speak for or your members"
            ),
        )
    return (
        "",
        _("Enter the number of people who signed as a whole number, like 12"),
        _("The number of people who signed cannot be more than the people you speak for"),
    )


def parse_on_behalf_count(form: FormData, o: Options) -> Parsed:
    typed = {name: field_text(form, name) for name in COUNTS}
    if o.members is None:  # not a representative of an approved group: nothing to accept
        return Parsed(errors={"behalf_total": _("Only a group's representative can answer this")})
    members = dict(zip(("behalf_total", *SEGMENTS), o.members, strict=True))
    errors: dict[str, str] = {}
    counts: dict[str, int | None] = {}
    for name in COUNTS:
        total = counts.get("behalf_total")
        # Signed: at most the people spoken for (unbounded here while that count is wrong).
        limit = members.get(name, total if total is not None else 10**9)
        empty, bad, over = _messages(name, members["behalf_total"])
        text = typed[name].replace(" ", "").replace(".", "")
        if not text:
            if name == "behalf_signed":
                counts[name] = None
            else:
                errors[name] = empty
            continue
        number = parse_int(text, minimum=0, maximum=10**9)
        if number is None:
            errors[name] = bad
            continue
        high = min(limit, total) if name != "behalf_total" and total is not None else limit
        if (name == "behalf_total" and number < 1) or number > high:
            errors[name] = over
            continue
        counts[name] = number
    if errors:
        return Parsed(errors=errors, typed=typed)
    return Parsed(answers={k: v for k, v in counts.items()})


COLLECTIVE_PARSERS: dict[str, Callable[[FormData, Options], Parsed]] = {
    "on-behalf": parse_on_behalf,
    "on-behalf-count": parse_on_behalf_count,
}
