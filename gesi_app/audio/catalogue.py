"""Which texts are audio prompts: every message a citizen meets, from our own code only.

The prompts are the msgids of the citizen templates (report, tracking, home, errors, public,
forums but not the facilitators' staff_* pages) and of the citizen features' Python modules
(questions, validation errors), in each language (the msgstr for Indonesian, the msgid for
English). A message with placeholders is a prompt
only when its values are ours and few: the table below names them. Dates, tracking codes,
topic and region names and anything a person typed are never prompts; where a sentence
carries a date, the template gives audio to its date-less sibling sentence.

Because the list comes from our catalogues, nothing a citizen wrote can become a prompt, so
nothing a citizen wrote can ever reach a web text-to-speech service.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.numbers import format_decimal

from gesi_app import i18n
from gesi_app.reports import deadlines, evidence
from gesi_app.reports import forms as report_forms
from gesi_app.settings import LOCALES

PACKAGE_DIR = Path(__file__).resolve().parent.parent
CITIZEN_TEMPLATES = ("report", "tracking", "home", "errors", "public", "forums")
CITIZEN_MODULES = ("reports", "tracking", "home", "public", "forums")
STAFF_ONLY = "staff_"  # forums/staff_*.html and forums/routes/staff*.py: facilitators' pages
KEYWORDS: dict[str, object] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "lazy_gettext": None,
    "_l": None,
}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trimmed": "true"}
Params = dict[str, object]


def _number(value: int) -> Callable[[str], object]:
    return lambda locale: format_decimal(value, locale=locale)


def _parts(locale: str) -> list[Params]:
    return [{"part": i18n.gettext(word)} for word in ("a day", "a month", "a year")]


# msgid -> the values its placeholders take (a function of the language, for numbers
# formatted by Babel and for translated parts), or of the authority's name.
PARAMETERS: dict[str, Callable[[str, str], list[Params]]] = {
    "Write a title of at least %(min)s characters": lambda _l, _a: [
        {"min": report_forms.TITLE_MIN}
    ],
    "Write a title of %(max)s characters or fewer": lambda _l, _a: [
        {"max": report_forms.TITLE_MAX}
    ],
    "Write at least %(min)s characters about what happened": lambda _l, _a: [
        {"min": report_forms.DETAILS_MIN}
    ],
    "Write %(max)s characters or fewer about what happened": lambda _l, _a: [
        {"max": report_forms.DETAILS_MAX}
    ],
    "Write a landmark of %(max)s characters or fewer": lambda _l, _a: [
        {"max": report_forms.LANDMARK_MAX}
    ],
    "Write a name of %(max)s characters or fewer": lambda _l, _a: [{"max": report_forms.NAME_MAX}],
    "Write a description of %(max)s characters or fewer": lambda _l, _a: [
        {"max": evidence.DESCRIPTION_MAX}
    ],
    "You can add up to %(max)s files": lambda _l, _a: [{"max": evidence.MAX_FILES}],
    "You added %(max)s files. That is the most you can add.": lambda _l, _a: [
        {"max": evidence.MAX_FILES}
    ],
    "Enter a date in %(year)s or later": lambda _l, _a: [{"year": report_forms.EARLIEST_YEAR}],
    "The date must include %(part)s": lambda locale, _a: _parts(locale),
    "You can write up to %(max)s characters.": lambda locale, _a: [
        {"max": _number(report_forms.DETAILS_MAX)(locale)}
    ],
    "Staff check your report within %(days)s working days.": lambda _l, _a: [
        {"days": deadlines.VERIFY_DAYS}
    ],
    "When you send it, you get a tracking code. Staff check your report within %(days)s "
    "working days.": lambda _l, _a: [{"days": deadlines.VERIFY_DAYS}],
    "Then they send it to the agency that can fix it. The agency answers within %(days)s "
    "working days.": lambda _l, _a: [{"days": deadlines.ANSWER_DAYS}],
    "The check takes up to %(days)s working days.": lambda _l, _a: [
        {"days": deadlines.VERIFY_DAYS}
    ],
    "The agency answers within %(days)s working days.": lambda _l, _a: [
        {"days": deadlines.ANSWER_DAYS}
    ],
    "Without a reply from you, the report closes after %(days)s working days.": lambda _l, _a: [
        {"days": deadlines.AUTO_CLOSE_DAYS}
    ],
    "The report closed because there was no reply for %(days)s working days.": lambda _l, _a: [
        {"days": deadlines.AUTO_CLOSE_DAYS}
    ],
    "Your report is not for %(authority)s.": lambda _l, authority: [{"authority": authority}],
    "This is not a job for %(authority)s.": lambda _l, authority: [{"authority": authority}],
    "Visit the public service office of %(authority)s. A staff member can send a report for you.": (
        lambda _l, authority: [{"authority": authority}]
    ),
}


def normalise(text: str) -> str:
    """The form of a text that is spoken: NFC, single spaces, no outer space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _messages() -> Iterator[tuple[str | None, str]]:
    """(context, msgid) of every singular message in the citizen templates and modules."""
    sources: list[tuple[str, Path]] = []
    for folder in CITIZEN_TEMPLATES:
        sources += [
            ("jinja2", p) for p in sorted((PACKAGE_DIR / "templates" / folder).rglob("*.html"))
        ]
    for package in CITIZEN_MODULES:
        sources += [("python", p) for p in sorted((PACKAGE_DIR / package).rglob("*.py"))]
    for method, path in sources:
        options = JINJA_OPTIONS if method == "jinja2" else {}
        for _line, message, _comments, context in extract_from_file(
            method,
            str(path),
            keywords=KEYWORDS,  # type: ignore[arg-type]  # babel's keyword spec type
            options=options,
        ):
            if isinstance(message, str) and message:
                yield context, message


def prompt_texts(authority: str) -> dict[str, frozenset[str]]:
    """Every prompt by language, normalised. Computed once per process (about half a second)
    and again only if the deadline settings differ (texts mention the days)."""
    days = (deadlines.VERIFY_DAYS, deadlines.ANSWER_DAYS, deadlines.AUTO_CLOSE_DAYS)
    return _prompt_texts(authority, days)


@functools.cache
def _prompt_texts(authority: str, _days: tuple[int, int, int]) -> dict[str, frozenset[str]]:
    messages = sorted(set(_messages()), key=lambda item: (item[0] or "", item[1]))
    result: dict[str, frozenset[str]] = {}
    previous = i18n.get_locale()
    try:
        for locale in LOCALES:
            i18n.set_locale(locale)
            texts: set[str] = set()
            for context, msgid in messages:
                if "%(" not in msgid:
                    text = i18n.pgettext(context, msgid) if context else i18n.gettext(msgid)
                    texts.add(normalise(text))
                elif msgid in PARAMETERS:
                    for params in PARAMETERS[msgid](locale, authority):
                        texts.add(normalise(i18n.gettext(msgid, **params)))
            result[locale] = frozenset(t for t in texts if t)
    finally:
        i18n.set_locale(previous)
    return result
