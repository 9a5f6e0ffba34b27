"""Easy read ("mudah dibaca"): one registry from a standard message to its easy-read words.

A feature lists, in its ``easy_read.py``, the standard msgids of its citizen pages and errors
with an ``Easy`` each: the easy-read msgid (its own catalogue entry, so both languages say it
simply) and a pictogram. ``app.py`` joins every feature's table into one ``EasyRead`` and the
middleware in ``web/easy_read.py`` makes it active for a request whose person turned easy read
on. While it is active, ``gettext`` answers a registered msgid with the easy words, so every
template, macro and form error says the easy text without code of its own, and staff pages
(whose messages are not registered) stay as they are.

Easy texts are marked with ``N_`` (Babel's no-op keyword), so they are extracted into the
catalogue and into the audio prompts like any other message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar, Token
from dataclasses import dataclass, field


def N_(message: str) -> str:  # Babel's own keyword for "extract, do not translate"
    """Marks an easy-read msgid for extraction; it is translated when it is shown."""
    return message


@dataclass(frozen=True)
class Easy:
    """The easy-read form of one standard message.

    ``text`` None keeps the standard words (already easy, or words that must not change, such
    as the Washington Group questions) and only adds the picture.
    """

    text: str | None = None
    picture: str | None = None  # a pictogram: static/img/easy/<picture>.svg


@dataclass
class EasyRead:
    """Every feature's easy-read table joined: standard msgid -> Easy."""

    tables: Iterable[Mapping[str, Easy]]
    entries: dict[str, Easy] = field(init=False)
    _pictures: dict[str, dict[str, str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.entries = {}
        for table in self.tables:
            for msgid, easy in table.items():
                if msgid in self.entries and self.entries[msgid] != easy:
                    raise ValueError(f"two easy-read texts for {msgid!r}")
                self.entries[msgid] = easy

    def text(self, msgid: str) -> str:
        """The msgid to translate instead of ``msgid``: its easy text, or itself."""
        easy = self.entries.get(msgid)
        return easy.text if easy and easy.text else msgid

    def easy_texts(self) -> Iterator[str]:
        """Every easy-read msgid (for the catalogue and the audio prompts)."""
        yield from sorted({e.text for e in self.entries.values() if e.text})

    def picture_of(self, shown: str, locale: str, translate: Callable[[str], str]) -> str | None:
        """The pictogram beside a text as shown on a page in ``locale``, if it has one."""
        pictures = self._pictures.get(locale)
        if pictures is None:
            pictures = {}
            for msgid, easy in self.entries.items():
                if easy.picture and "%(" not in msgid:
                    words = " ".join(translate(easy.text or msgid).split())
                    pictures.setdefault(words, easy.picture)
            self._pictures[locale] = pictures
        return pictures.get(" ".join(str(shown).split()))


_active: ContextVar[EasyRead | None] = ContextVar("suara_easy_read", default=None)


def active() -> EasyRead | None:
    """The easy-read registry of this request, or None when easy read is off."""
    return _active.get()


def set_active(registry: EasyRead | None) -> Token[EasyRead | None]:
    """Easy read on (a registry) or off (None) from here on; the token undoes it."""
    return _active.set(registry)


def reset_active(token: Token[EasyRead | None]) -> None:
    _active.reset(token)


# Why a message of a citizen page may keep its words in easy read (the features' ALREADY_EASY
# tables name one of these for each such message; a reviewer checks the message fits it).
REASONS: dict[str, str] = {
    "short": "a label, button, heading or sentence of a few common words with one idea",
    "name": "a name people must recognise as it is: a status, a setting, a kind of disability "
    "(UU 8/2016), a segment or a service offered at a forum",
    "wg": "a Washington Group answer: comparable only when said in its exact words",
    "placeholder": "one short idea carrying a number, date, code or name; its audio is made for "
    "its exact words (audio/catalogue.py)",
    "easy-only": "written for easy read: its template shows it only when easy read is on",
    "plain-only": "shown only when easy read is off: its template says it in easy sentences of "
    "their own instead",
    "staff": "in a module citizen pages use, but shown only on facilitators' pages",
}
