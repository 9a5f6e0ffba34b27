"""Which texts are audio prompts: every message a citizen meets, from our own code only.

The prompts are the msgids of the citizen templates (report, tracking, home, errors, public,
forums but not the facilitators' staff_* pages) and of the citizen features' Python modules
(questions, validation errors), in each language (the msgstr for Indonesian, the msgid for
English). Facilitators' pages and modules (``staff_*``) give none. A message with
placeholders is a prompt only when its values are ours and few: PARAMETERS names them and
their values, SILENT names the others, audio/dated.py the date sentences; a test fails for a
message named nowhere, so rewording one cannot silently drop its audio. Dates, tracking codes,
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
from gesi_app.i18n import easy
from gesi_app.reports import evidence
from gesi_app.reports import forms as report_forms
from gesi_app.reports.deadlines import Deadlines
from gesi_app.settings import LOCALES

PACKAGE_DIR = Path(__file__).resolve().parent.parent
CITIZEN_TEMPLATES = ("report", "tracking", "home", "errors", "public", "forums", "groups")
CITIZEN_MODULES = ("reports", "tracking", "home", "public", "forums", "groups")
STAFF_ONLY = "staff_"  # forums/staff_*.html and forums/routes/staff*.py: facilitators' pages
KEYWORDS: dict[str, object] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "lazy_gettext": None,
    "_l": None,
    "N_": None,  # easy-read texts (i18n/easy.py): each has its own audio
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
    "Your report is not for %(authority)s.": lambda _l, authority: [{"authority": authority}],
    "This is not a job for %(authority)s.": lambda _l, authority: [{"authority": authority}],
    "Visit the public service office of %(authority)s. A staff member can send a report for you.": (
        lambda _l, authority: [{"authority": authority}]
    ),
}


# msgid -> the deadline (from the settings) whose working days it says.
DEADLINE_DAYS: dict[str, Callable[[Deadlines], int]] = {
    "Staff check your report within %(days)s working days.": lambda d: d.verify,
    "When you send it, you get a tracking code. Staff check your report within %(days)s "
    "working days.": lambda d: d.verify,
    "Then they send it to the agency that can fix it. The agency answers within %(days)s "
    "working days.": lambda d: d.answer,
    "The check takes up to %(days)s working days.": lambda d: d.verify,
    "The agency answers within %(days)s working days.": lambda d: d.answer,
    "Without a reply from you, the report closes after %(days)s working days.": lambda d: (
        d.auto_close
    ),
    "The report closed because there was no reply for %(days)s working days.": lambda d: (
        d.auto_close
    ),
    # easy read (reports/easy_read.py)
    "We read your report within %(days)s working days.": lambda d: d.verify,
    "You get a tracking code. We read your report within %(days)s working days.": lambda d: (
        d.verify
    ),
    "Then we send it to the right office. The office answers within %(days)s working days.": (
        lambda d: d.answer
    ),
}


# Messages with placeholders that are never prompts: their values are dates, codes, names,
# addresses, lengths, times or what a person typed, or a number with no table row above.
# With PARAMETERS, DEADLINE_DAYS and audio.dated.DATED, every placeholder message of the
# citizen pages is named once, so a reworded or new one fails tests/unit/audio/test_catalogue.py
# instead of silently losing its audio.
SILENT: frozenset[str] = frozenset(
    (
        # Collective reports: a group's name and its own member counts.
        "%(num)s people",
        "Enter a number from 1 to %(max)s, the members your group registered",
        (
            "Your group registered %(total)s members: %(women)s women, %(youth)s young people "
            "and %(disability)s people with disabilities. You cannot count more than that."
        ),
        "Your group: %(group)s.",
        "Your group: %(group)s. Enter a number up to its registered members.",
        # A group's desk: its name and report codes.
        "Report %(code)s of %(group)s",
        "Reports of %(group)s",
        # The minutes document and its letterhead page: names, dates and numbers.
        "Logo of %(name)s",
        (
            "On this day, %(weekday)s the %(day)s of %(month)s in the year %(year)s, "
            "at %(place)s, %(agency)s held a Public Consultation Forum on %(title)s, "
            "with the following results."
        ),
        (
            "On this day, %(weekday)s the %(day)s of %(month)s in the year %(year)s, "
            "at %(place)s, a Public Consultation Forum was held on %(title)s, with the "
            "following results."
        ),
        "The minutes are closed with the number %(number)s.",
        "Use only these fields in the pattern: %(fields)s",
        # A forum follow-up's news to its participants (email and SMS, never spoken).
        "A follow-up of the forum %(forum)s has moved on",
        "Suara: a follow-up of your forum is now: %(state)s. %(link)s",
        (
            "The follow-up item “%(what)s”, agreed at the forum %(forum)s, is now: "
            "%(state)s.\n"
            "\n"
            "See what became of everything the forum agreed: %(link)s\n"
            "\n"
            "You get this message because you asked to be told when you joined the "
            "forum."
        ),
        # An agreed point's news to the forum's participants (email and SMS, never spoken).
        "A point agreed at the forum %(forum)s has moved on",
        "Suara: a point agreed at your forum is now: %(state)s. %(link)s",
        (
            "The point “%(what)s”, agreed at the forum %(forum)s, is now: %(state)s.\n"
            "\n"
            "See what became of everything the forum agreed: %(link)s\n"
            "\n"
            "You get this message because you asked to be told when you joined the "
            "forum."
        ),
        # Too many downloads: a time and a count.
        "You can download again after %(time)s.",
        (
            "Your connection downloaded %(count)s data files in the last hour. That is "
            "as many as one connection may download in an hour, so that the site stays "
            "fast for everyone."
        ),
        "%(desa)s, Kecamatan %(kecamatan)s",
        "%(min)s min",
        "%(min)s min %(sec)s s",
        "%(num)s new inputs",
        "%(num)s new inputs – show",
        "%(num)s waiting",
        "%(sec)s s",
        "All members: %(num)s",
        "All of %(topic)s",
        "Answer from %(agency)s",
        (
            "Counts of a group under %(num)s are not shown, so no one can be recognised. Groups "
            "come from what participants chose to tell about themselves."
        ),
        (
            "Counts under %(num)s are not shown, so no one can be recognised. A group whose share "
            "of inputs is lower than its share of attendance was heard less than it was present."
        ),
        "Dots, from 0 to %(max)s",
        "Each agenda item must be %(max)s characters or fewer",
        "Enter %(max)s agenda items or fewer",
        "Enter a whole number from 0 to %(max)s",
        "Enter a whole number of dots from 1 to %(max)s",
        "From: %(group)s",
        "Join at %(url)s with the code",
        "Kecamatan %(kecamatan)s",
        "Last updated at %(time)s.",
        "Make input %(num)s a tracked report",
        "Page %(page)s of %(pages)s",
        "People with disabilities: %(num)s",
        "Sign-language video, %(length)s",
        "Spelled out: %(letters)s",
        "Staff check your report within %(days)s working days, by %(date)s.",
        (
            "Tell %(authority)s about a problem, an idea or a question. Everyone can use Suara, "
            "also with a screen reader or on a simple phone."
        ),
        "The input must be %(max)s characters or fewer",
        "The name must be %(max)s characters or fewer",
        (
            "The photo is too large to open: it has more than %(max)s megapixels. Choose a smaller "
            "photo"
        ),
        "The place must be %(max)s characters or fewer",
        "The point must be %(max)s characters or fewer",
        "The statement must be %(max)s characters or fewer",
        "The title must be %(min)s to %(max)s characters",
        "Tracked report: %(code)s",
        "Voice message, %(length)s",
        "We read your report within %(days)s working days, by %(date)s.",
        "We received your sign-language video (%(length)s).",
        "We received your voice message (%(length)s).",
        "Women: %(num)s",
        "Write %(max)s characters or fewer",
        "You can try again after %(time)s.",
        "You rated the answer: %(score)s.",
        "You sent: %(what)s.",
        "Your name must be %(max)s characters or fewer",
        "Your report %(code)s",
        (
            "Your report is not public yet. It becomes public after staff check it, within "
            "%(days)s working days, by %(date)s."
        ),
        (
            "Your report is not public yet. It becomes public after staff check it, within "
            "%(days)s working days."
        ),
        "Your report is public since %(date)s, with the words staff checked.",
        "Young people: %(num)s",
        "fewer than %(num)s",
    )
)


def normalise(text: str) -> str:
    """The form of a text that is spoken: NFC, single spaces, no outer space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def placeholder_msgids() -> frozenset[str]:
    """The msgid of every message with placeholders in the citizen pages and modules."""
    return frozenset(msgid for _context, msgid in _messages() if "%(" in msgid)


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
        if path.name.startswith(STAFF_ONLY):
            continue
        options = JINJA_OPTIONS if method == "jinja2" else {}
        for _line, message, _comments, context in extract_from_file(
            method,
            str(path),
            keywords=KEYWORDS,  # type: ignore[arg-type]  # babel's keyword spec type
            options=options,
        ):
            if isinstance(message, str) and message:
                yield context, message


@functools.cache
def prompt_texts(authority: str, deadlines: Deadlines) -> dict[str, frozenset[str]]:
    """Every prompt by language, normalised. Computed once per process (about half a second)
    and again only if the deadline settings differ (texts mention the days)."""
    messages = sorted(set(_messages()), key=lambda item: (item[0] or "", item[1]))
    result: dict[str, frozenset[str]] = {}
    previous = i18n.get_locale()
    words = easy.set_active(None)  # the standard words, even when first asked in easy read
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
                elif msgid in DEADLINE_DAYS:
                    days = DEADLINE_DAYS[msgid](deadlines)
                    texts.add(normalise(i18n.gettext(msgid, days=days)))
            result[locale] = frozenset(t for t in texts if t)
    finally:
        i18n.set_locale(previous)
        easy.reset_active(words)
    return result
