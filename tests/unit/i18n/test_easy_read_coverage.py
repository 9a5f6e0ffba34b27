"""Easy read covers every citizen page: each message has easy words, or a reviewed reason to keep
its own.

A **citizen template** is a template a member of the public sees (CITIZEN_TEMPLATES below: the
start page, display settings, help, error pages, the report journey from its start to the
confirmation, tracking, public reports, a forum's participant pages and the page frame and
form components they are built from). A **citizen module** is a Python module whose messages
reach those pages: question labels, choices, check-your-answers rows, and every error of their
forms and parsers (CITIZEN_MODULES). A **message** is every singular msgid Babel extracts from
those files (``_``, ``gettext``, ``ngettext``, ``pgettext``, ``lazy_gettext``, ``_l``).

Each message must be a key of a feature's easy-read table (``EASY`` in
``<feature>/easy_read.py``: easy words and/or a picture) or be listed in that feature's
``ALREADY_EASY`` under one of the reasons of ``i18n.easy.REASONS``. A new or reworded message
fails here until someone writes its easy words or says why it needs none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from gesi_app import i18n
from gesi_app.app import easy_read_registry
from gesi_app.audio import catalogue
from gesi_app.forums import easy_read as forums_easy
from gesi_app.groups import easy_read as groups_easy
from gesi_app.home import easy_read as home_easy
from gesi_app.i18n.easy import REASONS
from gesi_app.public import easy_read as public_easy
from gesi_app.reports import easy_read as reports_easy
from gesi_app.reports.deadlines import STANDARD
from gesi_app.tracking import easy_read as tracking_easy

PACKAGE = Path(catalogue.PACKAGE_DIR)
CITIZEN_TEMPLATES = (
    # the frame and components every citizen page is built from
    "layouts/base.html",
    "components/forms.html",
    "errors/error.html",
    # home, display settings, help
    "home/index.html",
    "home/preferences.html",
    "home/help.html",
    # the report journey: start, every question, check your answers, done
    "report/start.html",
    "report/question.html",
    "report/when.html",
    "report/details.html",
    "report/evidence.html",
    "report/contact.html",
    "report/check.html",
    "report/on_behalf_count.html",
    "report/_publication.html",
    "report/done.html",
    # following a report
    "tracking/track.html",
    "tracking/locked.html",
    "tracking/report.html",
    "tracking/_type.html",
    "tracking/_status_name.html",
    "tracking/_status.html",
    "tracking/_status_easy.html",
    "tracking/_timeline.html",
    "tracking/_conversation.html",
    "tracking/_evidence.html",
    "tracking/_reply.html",
    "tracking/_rating.html",
    # public reports
    "public/list.html",
    "public/_results.html",
    "public/report.html",
    "public/_support.html",
    "public/_cosign.html",
    "components/collective.html",
    # a forum's participant pages: join, forum, voice, dots, statements, board
    "forums/list.html",
    "forums/forum.html",
    "forums/_forum_facts.html",
    "forums/voice.html",
    "forums/dots.html",
    "forums/statements.html",
    "forums/board.html",
    "forums/not_found.html",
    # community groups: the directory, a group, registering one
    "groups/list.html",
    "groups/group.html",
    "groups/_members.html",
    "groups/not_found.html",
    "groups/register_start.html",
    "groups/question.html",
    "groups/check.html",
    "groups/done.html",
)
CITIZEN_MODULES = (
    "web/errors.py",  # titles of the error pages
    "home/forms.py",
    "reports/questions.py",  # question labels, hints and choices
    "reports/summary.py",  # check-your-answers rows
    "reports/collective_forms.py",  # a group representative's collective questions
    "reports/forms.py",
    "reports/evidence.py",
    "reports/recordings.py",
    "reports/routes/details.py",
    "reports/routes/evidence.py",
    "reports/routes/journey.py",
    "tracking/forms.py",
    "tracking/routes.py",
    "public/forms.py",
    "public/labels.py",
    "public/cosign_forms.py",
    "forums/labels.py",
    "forums/participation_forms.py",
    "forums/vote_forms.py",
    "forums/routes/public.py",
    "forums/routes/voice.py",
    "forums/routes/votes.py",
    "groups/forms.py",
    "groups/labels.py",
    "groups/summary.py",
    "groups/routes/register.py",
    "groups/routes/public.py",
)
FEATURES = (home_easy, reports_easy, tracking_easy, public_easy, forums_easy, groups_easy)
REGISTRY = easy_read_registry()
ALREADY_EASY = {
    msgid: reason
    for feature in FEATURES
    for reason, msgids in feature.ALREADY_EASY.items()
    for msgid in msgids
}


def messages(relative: str) -> list[str]:
    """Every singular msgid of one citizen file, in order."""
    method = "jinja2" if relative.endswith(".html") else "python"
    path = PACKAGE / ("templates" if method == "jinja2" else "") / relative
    assert path.exists(), relative
    options = catalogue.JINJA_OPTIONS if method == "jinja2" else {}
    found = []
    for _line, message, _comments, _context in extract_from_file(
        method,
        str(path),
        keywords=catalogue.KEYWORDS,  # type: ignore[arg-type]  # babel's keyword spec type
        options=options,
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.append(msgid)
    return found


ALL_MESSAGES = {m for f in CITIZEN_TEMPLATES + CITIZEN_MODULES for m in messages(f)}


@pytest.mark.parametrize("relative", CITIZEN_TEMPLATES + CITIZEN_MODULES)
def test_every_message_has_easy_words_or_a_reason_to_keep_its_own(relative: str) -> None:
    missing = [m for m in messages(relative) if m not in REGISTRY.entries and m not in ALREADY_EASY]
    assert missing == [], (
        f"{relative}: give these an easy-read text (EASY in <feature>/easy_read.py) or, if "
        "already easy, list them in ALREADY_EASY with a reason"
    )


def test_the_tables_name_only_messages_of_citizen_pages() -> None:
    """A reworded message leaves its old entry behind: it fails here instead of lying unused."""
    assert sorted(set(REGISTRY.entries) - ALL_MESSAGES) == []
    assert sorted(set(ALREADY_EASY) - ALL_MESSAGES) == []


def test_a_message_is_either_rewritten_or_kept_never_both() -> None:
    assert sorted(set(REGISTRY.entries) & set(ALREADY_EASY)) == []
    assert set(ALREADY_EASY.values()) <= set(REASONS)


def test_every_picture_is_a_pictogram_file() -> None:
    pictures = {e.picture for e in REGISTRY.entries.values() if e.picture}
    folder = PACKAGE / "static" / "img" / "easy"
    assert sorted(p for p in pictures if not (folder / f"{p}.svg").exists()) == []


def test_easy_sentences_are_short() -> None:
    """GLOSSARY: one idea per sentence, at most about 10 words (we allow 12)."""
    long = [
        sentence
        for text in REGISTRY.easy_texts()
        for sentence in re.split(r"(?<=[.?!:])\s+", text)
        if len(sentence.split()) > 12
    ]
    assert long == []


def test_every_easy_text_is_in_indonesian_and_has_audio() -> None:
    prompts = catalogue.prompt_texts("Pemerintah Kabupaten Tangerang", STANDARD)
    untranslated, silent = [], []
    for msgid in REGISTRY.easy_texts():
        if i18n.translations("id").gettext(msgid) == msgid and msgid not in {"PIN"}:
            untranslated.append(msgid)
        if "%(" not in msgid and catalogue.normalise(msgid) not in prompts["en"]:
            silent.append(msgid)
    assert untranslated == []
    assert silent == []
