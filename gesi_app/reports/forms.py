"""Validation of each report question: form input -> (answers to store, errors by field id).

Errors are translated, say what to do, and never discard what the person typed: the raw
text is stored with the errors so the page shows it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from babel.support import LazyProxy
from lokal import parse_phone
from starlette.datastructures import FormData

from gesi_app.i18n import gettext as _
from gesi_app.i18n import lazy_gettext
from gesi_app.reports.journey import WG_DOMAINS, seen_key
from gesi_app.web.forms import EMAIL_ADDRESS, field_text
from gesi_app.web.numbers import parse_date

TITLE_MIN, TITLE_MAX = 5, 120
DETAILS_MIN, DETAILS_MAX = 10, 5000
LANDMARK_MAX = 200
NAME_MAX = 120
EARLIEST_YEAR = 2000
GENDERS = ("perempuan", "laki_laki", "prefer_not")
AGE_BANDS = ("under_16", "16_30", "31_59", "60_plus", "prefer_not")
WG_ANSWERS = ("1", "2", "3", "4", "prefer_not")
DISABILITY_KINDS = (
    "fisik",
    "intelektual",
    "mental",
    "sensorik_netra",
    "sensorik_rungu",
    "sensorik_wicara",
)


@dataclass(frozen=True)
class Options:
    """The choices a question offers, read from the database for this draft."""

    topics: Mapping[str, bool] = field(default_factory=dict)  # slug -> has sub-topics
    subtopics: Collection[str] = ()
    kecamatan: Collection[str] = ()
    desa: Collection[str] = ()
    anonymous: bool = False  # the contact step asks no name of an anonymous reporter
    today: dt.date | None = None  # in the site's time zone
    # A representative's approved group: its registered members (total, women, youth,
    # disability), the upper bounds of a collective report's counts. None for anyone else.
    members: tuple[int, int, int, int] | None = None


@dataclass
class Parsed:
    answers: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)  # what to show again on error


def _choice(form: FormData, name: str, allowed: Collection[str], message: str) -> Parsed:
    value = field_text(form, name)
    if value not in allowed:
        return Parsed(errors={name: message})
    return Parsed(answers={name: value})


def parse_type(form: FormData, _o: Options) -> Parsed:
    allowed = ("pengaduan", "aspirasi", "permintaan_informasi")
    return _choice(form, "type", allowed, _("Choose the type of report"))


def parse_topic(form: FormData, o: Options) -> Parsed:
    allowed = [*o.topics, "unknown"]
    parsed = _choice(form, "topic", allowed, _("Choose a topic, or choose I don't know"))
    if not parsed.errors:
        topic = parsed.answers["topic"]
        parsed.answers["_topic_has_children"] = bool(o.topics.get(topic))
    return parsed


def parse_subtopic(form: FormData, o: Options) -> Parsed:
    return _choice(form, "subtopic", o.subtopics, _("Choose the topic that fits best"))


def _bounded(
    form: FormData, name: str, low: int, high: int, messages: tuple[str, str, str]
) -> Parsed:
    value = field_text(form, name)
    empty, short, long = messages
    if not value:
        return Parsed(errors={name: empty}, typed={name: value})
    if len(value) < low:
        return Parsed(errors={name: short}, typed={name: value})
    if len(value) > high:
        return Parsed(errors={name: long}, typed={name: value})
    return Parsed(answers={name: value})


def parse_title(form: FormData, _o: Options) -> Parsed:
    return _bounded(
        form,
        "title",
        TITLE_MIN,
        TITLE_MAX,
        (
            _("Enter a title for your report"),
            _("Write a title of at least %(min)s characters", min=TITLE_MIN),
            _("Write a title of %(max)s characters or fewer", max=TITLE_MAX),
        ),
    )


def parse_details(form: FormData, _o: Options) -> Parsed:
    return _bounded(
        form,
        "details",
        DETAILS_MIN,
        DETAILS_MAX,
        (
            _("Tell us what happened"),
            _("Write at least %(min)s characters about what happened", min=DETAILS_MIN),
            _("Write %(max)s characters or fewer about what happened", max=DETAILS_MAX),
        ),
    )


def parse_date_parts(
    prefix: str, day: str, month: str, year: str, *, empty: str
) -> tuple[dt.date | None, dict[str, str]]:
    """A date typed as day, month and year fields (``<prefix>_day`` ...): the date, or one
    error on the field to fix. Shared by every form that asks for a date this way; whether it
    may lie in the past or the future is the caller's rule."""
    if not (day or month or year):
        return None, {f"{prefix}_day": empty}
    missing = [
        (part, label)
        for part, label, value in (
            ("day", _("a day"), day),
            ("month", _("a month"), month),
            ("year", _("a year"), year),
        )
        if not value
    ]
    if missing:
        part, label = missing[0]
        return None, {f"{prefix}_{part}": _("The date must include %(part)s", part=label)}
    when = parse_date(day, month, year)
    if when is None:
        return None, {f"{prefix}_day": _("Enter a real date, for example 17 8 2026")}
    if len(year) != 4:
        return None, {f"{prefix}_year": _("Enter the year with 4 digits, for example 2026")}
    return when, {}


def parse_when(form: FormData, o: Options) -> Parsed:
    kind = field_text(form, "when_kind")
    typed = {k: field_text(form, k) for k in ("when_kind", "when_day", "when_month", "when_year")}
    if kind not in ("date", "ongoing", "unknown"):
        return Parsed(errors={"when_kind": _("Choose when it happened")}, typed=typed)
    if kind != "date":
        return Parsed(answers={"when_kind": kind, "occurred_on": None})
    when, errors = parse_date_parts(
        "when",
        typed["when_day"],
        typed["when_month"],
        typed["when_year"],
        empty=_("Enter the date it happened"),
    )
    if when is None:
        return Parsed(errors=errors, typed=typed)
    if when > (o.today or dt.date.today()):
        return Parsed(errors={"when_day": _("The date must be today or in the past")}, typed=typed)
    if when.year < EARLIEST_YEAR:
        return Parsed(
            errors={"when_year": _("Enter a date in %(year)s or later", year=EARLIEST_YEAR)},
            typed=typed,
        )
    return Parsed(answers={"when_kind": "date", "occurred_on": when.isoformat()})


def parse_where(form: FormData, o: Options) -> Parsed:
    allowed = [*o.kecamatan, "unknown"]
    return _choice(
        form, "kecamatan", allowed, _("Choose the district (kecamatan), or choose I don't know")
    )


def parse_village(form: FormData, o: Options) -> Parsed:
    allowed = [*o.desa, "unknown"]
    message = _("Choose the village (desa or kelurahan), or choose I don't know")
    return _choice(form, "desa", allowed, message)


def parse_landmark(form: FormData, _o: Options) -> Parsed:
    value = field_text(form, "landmark")
    if len(value) > LANDMARK_MAX:
        message = _("Write a landmark of %(max)s characters or fewer", max=LANDMARK_MAX)
        return Parsed(errors={"landmark": message}, typed={"landmark": value})
    return Parsed(answers={"landmark": value or None, seen_key("landmark"): True})


def _yes_no(name: str, message: LazyProxy) -> Callable[[FormData, Options], Parsed]:
    def parse(form: FormData, _o: Options) -> Parsed:
        return _choice(form, name, ("yes", "no"), str(message))

    return parse


parse_anonymous = _yes_no("anonim", lazy_gettext("Choose yes to hide your name, or no"))
parse_confidential = _yes_no(
    "rahasia", lazy_gettext("Choose yes to keep your report from the public, or no")
)
parse_about_you = _yes_no(
    "about_consent", lazy_gettext("Choose yes to answer questions about you, or no to skip them")
)


def parse_gender(form: FormData, _o: Options) -> Parsed:
    return _choice(form, "gender", GENDERS, _("Choose an answer, or choose Prefer not to say"))


def parse_age(form: FormData, _o: Options) -> Parsed:
    return _choice(form, "age_band", AGE_BANDS, _("Choose an answer, or choose Prefer not to say"))


def _difficulty(domain: str) -> Callable[[FormData, Options], Parsed]:
    def parse(form: FormData, _o: Options) -> Parsed:
        return _choice(
            form, f"wg_{domain}", WG_ANSWERS, _("Choose an answer, or choose Prefer not to say")
        )

    return parse


def parse_disability_kind(form: FormData, _o: Options) -> Parsed:
    chosen = [v for v in form.getlist("disability_kinds") if isinstance(v, str)]
    unknown = [v for v in chosen if v not in DISABILITY_KINDS]
    if unknown:
        return Parsed(
            errors={"disability_kinds": _("Choose from the list, or leave them all empty")}
        )
    kinds = [k for k in DISABILITY_KINDS if k in chosen]
    return Parsed(answers={"disability_kinds": kinds, seen_key("disability-kind"): True})


def parse_contact(form: FormData, o: Options) -> Parsed:
    typed = {k: field_text(form, k) for k in ("contact_name", "contact_email", "contact_phone")}
    errors: dict[str, str] = {}
    name, email, phone = typed["contact_name"], typed["contact_email"], typed["contact_phone"]
    if o.anonymous:
        name = ""
    if len(name) > NAME_MAX:
        errors["contact_name"] = _("Write a name of %(max)s characters or fewer", max=NAME_MAX)
    if email and (len(email) > 254 or not EMAIL_ADDRESS.match(email)):
        errors["contact_email"] = _("Enter an email address like nama@contoh.id")
    normalised_phone = None
    if phone:
        info = parse_phone(phone)
        if not info.valid or not info.e164:
            errors["contact_phone"] = _("Enter a phone number like 0812 3456 7890")
        else:
            normalised_phone = info.e164
    if errors:
        return Parsed(errors=errors, typed=typed)
    return Parsed(
        answers={
            "contact_name": name or None,
            "contact_email": email.lower() or None,
            "contact_phone": normalised_phone,
            seen_key("contact"): True,
        }
    )


PARSERS: dict[str, Callable[[FormData, Options], Parsed]] = {
    "type": parse_type,
    "topic": parse_topic,
    "subtopic": parse_subtopic,
    "title": parse_title,
    "details": parse_details,
    "when": parse_when,
    "where": parse_where,
    "village": parse_village,
    "landmark": parse_landmark,
    "anonymous": parse_anonymous,
    "confidential": parse_confidential,
    "about-you": parse_about_you,
    "gender": parse_gender,
    "age": parse_age,
    **{f"difficulty-{d}": _difficulty(d) for d in WG_DOMAINS},
    "disability-kind": parse_disability_kind,
    "contact": parse_contact,
}
