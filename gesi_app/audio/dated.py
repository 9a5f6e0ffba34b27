"""Date sentences: a deadline said with its day ("... within 5 working days, by Friday
27 November 2026"), made at runtime.

These are our own sentences with our own values (a number of days, a date formatted by
Babel), so they are safe to speak, but there are too many to build ahead: each is made with
espeak-ng on first need and kept. The address names the sentence by its place in DATED, the
days and the day: ``/audio/dated/{lang}/{n}-{days}-{YYYY-MM-DD}.mp3``; nothing else can be
asked for, so no other text can reach an engine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from babel.dates import format_date

from gesi_app.audio.catalogue import normalise
from gesi_app.audio.engines import EngineUnavailable, Espeak
from gesi_app.audio.service import EXTENSION, NoEngine, store_atomically
from gesi_app.settings import LOCALES
from gesi_app.web import i18n

DATED: tuple[str, ...] = (
    "The check takes up to %(days)s working days, by %(date)s.",
    "The agency answers within %(days)s working days, by %(date)s.",
    "Without a reply from you, the report closes after %(days)s working days, on %(date)s.",
    "We are late. The check was due by %(date)s.",
    "The agency is late. The answer was due by %(date)s.",
)
NAME = re.compile(r"^([0-9])-([0-9]{1,3})-([0-9]{4}-[0-9]{2}-[0-9]{2})\.mp3$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


class NotADatedPrompt(ValueError):
    """The address does not name one of our date sentences."""


def sentence(lang: str, index: int, days: int, day: dt.date) -> str:
    """The sentence as the page says it, with the day in words (weekday, day, month, year)."""
    previous = i18n.get_locale()
    try:
        i18n.set_locale(lang)
        when = format_date(day, "full", locale=lang)
        return normalise(i18n.gettext(DATED[index], days=days, date=when))
    finally:
        i18n.set_locale(previous)


def parse(lang: str, name: str) -> tuple[int, int, dt.date]:
    match = NAME.match(name)
    if lang not in LOCALES or match is None:
        raise NotADatedPrompt(name)
    index, days = int(match.group(1)), int(match.group(2))
    try:
        day = dt.date.fromisoformat(match.group(3))
    except ValueError:
        raise NotADatedPrompt(name) from None
    if index >= len(DATED) or not 1 <= days <= 365 or not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise NotADatedPrompt(name)
    return index, days, day


class DatedAudio:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.engine = Espeak()
        self.enabled = self.engine.available() or self.folder.is_dir()

    def url(self, msgid: str, days: int, day: dt.date | None) -> str | None:
        lang = i18n.get_locale()
        if not self.enabled or day is None or msgid not in DATED or lang not in LOCALES:
            return None
        return f"/audio/dated/{lang}/{DATED.index(msgid)}-{days}-{day.isoformat()}.{EXTENSION}"

    def path(self, lang: str, text: str) -> Path:
        key = hashlib.sha256(f"{self.engine.version}\0{lang}\0{text}".encode()).hexdigest()[:20]
        return self.folder / lang / f"{key}.{EXTENSION}"

    def ensure(self, lang: str, name: str) -> Path:
        """The sentence's file, made now with espeak-ng when missing."""
        text = sentence(lang, *parse(lang, name))
        target = self.path(lang, text)
        if target.exists():
            return target
        try:
            mp3 = self.engine.speak(text, lang)
        except EngineUnavailable:
            raise NoEngine(lang) from None
        return store_atomically(target, mp3)


def dated_audio(app_state: object) -> DatedAudio:
    """The app's date-sentence service, made once (not per request: it looks for espeak-ng)."""
    service: DatedAudio | None = getattr(app_state, "dated_audio", None)
    if service is None:
        service = DatedAudio(app_state.audio.folder / "dated")  # type: ignore[attr-defined]
        app_state.dated_audio = service  # type: ignore[attr-defined]
    return service
