"""The prompt catalogue: every message with placeholders is named once, staff pages give none."""

from __future__ import annotations

import re

from gesi_app.audio import catalogue
from gesi_app.audio.dated import DATED
from gesi_app.reports.deadlines import STANDARD

AUTHORITY = "Pemerintah Kabupaten Tangerang"


def test_every_message_with_placeholders_is_spoken_or_named_silent() -> None:
    """A reworded message leaves its old msgid behind here and its new one unnamed: both fail,
    so no message loses its audio without a test saying so."""
    found = catalogue.placeholder_msgids()
    named = [*catalogue.PARAMETERS, *catalogue.DEADLINE_DAYS, *catalogue.SILENT, *DATED]
    assert len(named) == len(set(named)), "a message is named twice"
    assert sorted(found - set(named)) == [], (
        "new or reworded: add to PARAMETERS, DEADLINE_DAYS or SILENT"
    )
    assert sorted(set(named) - found) == [], "no longer in the citizen pages: reworded?"


def test_every_dated_sentence_a_template_asks_for_is_one_of_ours() -> None:
    templates = catalogue.PACKAGE_DIR / "templates"
    asked = {
        msgid
        for path in templates.rglob("*.html")
        for msgid in re.findall(r'dated_audio_url\("([^"]+)"', path.read_text())
    }
    assert asked
    assert sorted(asked - set(DATED)) == []


def test_the_facilitators_pages_give_no_prompts() -> None:
    texts = catalogue.prompt_texts(AUTHORITY, STANDARD)
    # Only on forums/staff_capture.html and forums/staff_*.py:
    assert "Quick capture" not in texts["en"]
    assert (
        catalogue.normalise(
            "Choose the agenda item and who is speaking, type what they say and press Enter. "
            "The choices stay for the next input."
        )
        not in texts["en"]
    )
    # The citizen pages still give theirs, in both languages.
    assert "Send report" in texts["en"]
    assert len(texts["id"]) > 500 and len(texts["en"]) > 500
