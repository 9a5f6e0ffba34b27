"""Easy read: the report questions in short sentences with common words, and a picture for
each question. Shown when the person turned easy read on in their display settings.

Each text is its own catalogue entry, so both languages can say it simply. A question
without an easy text here is already short and plain; the difficulty questions keep the
Washington Group's exact words, because their answers are only comparable when asked the
same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from babel.support import LazyProxy

from gesi_app.i18n import lazy_gettext as _l
from gesi_app.reports.journey import WG_DOMAINS

if TYPE_CHECKING:
    from gesi_app.reports.summary import Row

PICTOGRAMS: dict[str, LazyProxy] = {
    "megaphone": _l("Picture of a megaphone"),
    "list": _l("Picture of a list"),
    "pencil": _l("Picture of a pencil"),
    "speech": _l("Picture of a speech bubble"),
    "calendar": _l("Picture of a calendar"),
    "pin": _l("Picture of a map pin"),
    "house": _l("Picture of a house"),
    "camera": _l("Picture of a camera"),
    "eye-slash": _l("Picture of an eye with a line through it"),
    "lock": _l("Picture of a lock"),
    "person": _l("Picture of a person"),
    "envelope": _l("Picture of an envelope"),
}


@dataclass(frozen=True)
class EasyRead:
    pictogram: str  # a name in PICTOGRAMS: static/img/easy/<name>.svg
    label: LazyProxy | None = None  # None: the question's own words are already easy
    hint: LazyProxy | None = None


@dataclass(frozen=True)
class Pictogram:
    name: str
    alt: str


EASY: dict[str, EasyRead] = {
    "type": EasyRead("megaphone", _l("What kind of report is it?"), _l("Choose one.")),
    "topic": EasyRead("list", _l("What is it about?"), _l("Choose one.")),
    "subtopic": EasyRead("list", _l("Which one fits best?")),
    "title": EasyRead(
        "pencil",
        _l("Give your report a short name."),
        _l("For example: Broken street light."),
    ),
    "details": EasyRead(
        "speech",
        _l("What happened?"),
        _l("Tell us what you saw. Tell us who it hurts. Do not write your ID number."),
    ),
    "when": EasyRead("calendar", _l("When did it happen?")),
    "where": EasyRead("pin", _l("Where is it? Choose the district."), _l("Choose from the list.")),
    "village": EasyRead("pin", _l("Which village is it in?")),
    "landmark": EasyRead(
        "house",
        _l("What is near the place? (optional)"),
        _l("For example: the market or the mosque."),
    ),
    "evidence": EasyRead("camera", _l("Add a photo or a paper (optional)")),
    "anonymous": EasyRead(
        "eye-slash",
        _l("Hide your name?"),
        _l("Yes: nobody sees your name. Not the office. Not the public."),
    ),
    "confidential": EasyRead(
        "lock",
        _l("Keep your report secret?"),
        _l("Yes: only staff see your report. It is not on the public list."),
    ),
    "about-you": EasyRead(
        "person",
        _l("Answer some questions about you?"),
        _l("This helps us hear everyone. We keep your answers apart. You can skip them."),
    ),
    "gender": EasyRead("person"),
    "age": EasyRead("person", _l("How old are you?"), _l("Young people are 16 to 30.")),
    **{f"difficulty-{d}": EasyRead("person") for d in WG_DOMAINS},
    "disability-kind": EasyRead(
        "person",
        _l("What is your disability? (optional)"),
        _l("Choose all that fit. Or choose none."),
    ),
    "contact": EasyRead("envelope", _l("How can we send you news? (optional)")),
}


def easy_texts(slug: str, label: str, hint: str | None) -> tuple[str, str | None, Pictogram]:
    """The easy-read label, hint and picture of a question (its own words where easy)."""
    easy = EASY[slug]
    return (
        str(easy.label) if easy.label else label,
        str(easy.hint) if easy.hint else hint,
        Pictogram(easy.pictogram, str(PICTOGRAMS[easy.pictogram])),
    )


# "Check your answers": the row labels in easy words, keyed by the plain label (the same
# catalogue entry as in summary.py). Rows not here are already easy, or are the Washington
# Group's exact words.
EASY_ROW_LABELS: tuple[tuple[LazyProxy, LazyProxy], ...] = (
    (_l("Type of report"), _l("Kind of report")),
    (_l("Topic"), _l("What it is about")),
    (_l("Title"), _l("Short name")),
    (_l("District (kecamatan)"), _l("District")),
    (_l("Village (desa or kelurahan)"), _l("Village")),
    (_l("Landmark"), _l("Near the place")),
    (_l("Evidence"), _l("Photos and papers")),
    (_l("Keep from the public"), _l("Keep it secret")),
    (_l("Questions about you"), _l("Answer questions about you")),
    (_l("Kind of disability"), _l("Your disability")),
)


def easy_rows(rows: list[Row]) -> list[Row]:
    """The rows of "Check your answers" with easy-read labels, in the page's language."""
    easy = {str(plain): str(simple) for plain, simple in EASY_ROW_LABELS}
    return [replace(row, label=easy.get(row.label, row.label)) for row in rows]
