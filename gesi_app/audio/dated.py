"""Date sentences: a deadline said with its day ("... within 5 working days, by Friday
27 November 2026"), made at runtime.

These are our own sentences with our own values (a number of days, a date formatted by
Babel), so they are safe to speak, but there are too many to build ahead: each is made with
espeak-ng on first need and kept. The address names the sentence by its place in DATED, the
days and the day: ``/audio/dated/{lang}/{n}-{days}-{YYYY-MM-DD}.mp3``; nothing else can be
asked for, so no other text can reach an engine.

Anyone may ask without signing in, so only the names the tracking page itself can show are
made (``rendered``): the days are the ones in the settings for that sentence, and the day
lies in a window around today in the site's time zone (a coming deadline up to AHEAD_DAYS
ahead, a missed one up to PAST_DAYS back). Everything else is a 404 and writes nothing. The
folder keeps at most ``max_files`` sentences; the oldest go first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from babel.dates import format_date

from gesi_app import clock, i18n
from gesi_app.audio.catalogue import normalise
from gesi_app.audio.engines import EngineUnavailable, Espeak
from gesi_app.audio.service import EXTENSION, NoEngine, store_atomically
from gesi_app.reports.deadlines import STANDARD, Deadlines
from gesi_app.settings import LOCALES

DATED: tuple[str, ...] = (
    "The check takes up to %(days)s working days, by %(date)s.",
    "The agency answers within %(days)s working days, by %(date)s.",
    "Without a reply from you, the report closes after %(days)s working days, on %(date)s.",
    "We are late. The check was due by %(date)s.",
    "The agency is late. The answer was due by %(date)s.",
)
NAME = re.compile(r"^([0-9])-([0-9]{1,3})-([0-9]{4}-[0-9]{2}-[0-9]{2})\.mp3$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
OVERDUE = (3, 4)  # the sentences of a missed deadline: their day is today or before
AHEAD_DAYS = 120  # a coming deadline: working days plus long holidays, with room to spare
PAST_DAYS = 366  # a missed deadline stays on the page until the report moves on
SLACK_DAYS = 1  # a page made just before midnight, or in a neighbouring time zone
MAX_FILES = 1000


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


def days_of(index: int, deadlines: Deadlines) -> int:
    """The working days the tracking page says with this sentence (from the settings)."""
    if index in (0, 3):
        return deadlines.verify
    if index in (1, 4):
        return deadlines.answer
    return deadlines.auto_close


def rendered(index: int, days: int, day: dt.date, today: dt.date, deadlines: Deadlines) -> bool:
    """Whether the tracking page can show this sentence today (see the module's docstring)."""
    slack = dt.timedelta(days=SLACK_DAYS)
    if index in OVERDUE:
        first, last = today - dt.timedelta(days=PAST_DAYS), today
    else:
        first, last = today, today + dt.timedelta(days=AHEAD_DAYS)
    return days == days_of(index, deadlines) and first - slack <= day <= last + slack


class DatedAudio:
    def __init__(
        self,
        folder: Path,
        timezone: str = "Asia/Jakarta",
        max_files: int = MAX_FILES,
        deadlines: Deadlines = STANDARD,
    ) -> None:
        self.folder = folder
        self.deadlines = deadlines
        self.engine = Espeak()
        self.enabled = self.engine.available() or self.folder.is_dir()
        self.timezone = timezone
        self.max_files = max_files

    def today(self) -> dt.date:
        return clock.today(self.timezone)

    def url(self, msgid: str, days: int, day: dt.date | None) -> str | None:
        lang = i18n.get_locale()
        if not self.enabled or day is None or msgid not in DATED or lang not in LOCALES:
            return None
        index = DATED.index(msgid)
        if not rendered(index, days, day, self.today(), self.deadlines):
            return None  # the page keeps its text; there is just no file to listen to
        return f"/audio/dated/{lang}/{index}-{days}-{day.isoformat()}.{EXTENSION}"

    def path(self, lang: str, text: str) -> Path:
        key = hashlib.sha256(f"{self.engine.version}\0{lang}\0{text}".encode()).hexdigest()[:20]
        return self.folder / lang / f"{key}.{EXTENSION}"

    def ensure(self, lang: str, name: str) -> Path:
        """The sentence's file, made now with espeak-ng when missing; NotADatedPrompt for a
        name the tracking page would not show today."""
        index, days, day = parse(lang, name)
        if not rendered(index, days, day, self.today(), self.deadlines):
            raise NotADatedPrompt(name)
        text = sentence(lang, index, days, day)
        target = self.path(lang, text)
        if target.exists():
            return target
        try:
            mp3 = self.engine.speak(text, lang)
        except EngineUnavailable:
            raise NoEngine(lang) from None
        stored = store_atomically(target, mp3)
        self.trim(keep=stored)
        return stored

    def trim(self, keep: Path) -> None:
        """Over ``max_files``, remove the oldest files down to nine tenths of it (so that
        the folder is not listed again on each new file)."""
        files = list(self.folder.glob(f"*/*.{EXTENSION}"))
        if len(files) <= self.max_files:
            return
        files.sort(key=_made_at)
        for old in files[: len(files) - max(1, self.max_files * 9 // 10)]:
            if old != keep:
                old.unlink(missing_ok=True)


def _made_at(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:  # removed meanwhile by another request's trim
        return 0
