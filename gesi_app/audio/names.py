"""Spoken names: topic names kept in the database, said by espeak-ng only.

Topic names are our own words (seeded by ``gesi-app demo``, renamed by admins on the topics
page), not a citizen's, so they may be spoken; but they are not in our message catalogue, so
they never go to the web voice: espeak-ng says them, offline.

A name's address part is ``t{topic id}_{key}``, where the key hashes (espeak-ng's version,
language, normalised name). A request names the row, and the route checks that the row's
current name in that language has that key (``current_names``), so an address cannot make
espeak-ng say anything else, and a renamed topic gets a new address (its old one is a 404).
The file is kept by key, so two rows with one name share it. Files are made on first need
(a renamed topic needs no build) and ahead by ``gesi-app audio build``.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.audio.catalogue import normalise
from gesi_app.audio.engines import EngineUnavailable, Espeak
from gesi_app.audio.files import EXTENSION, KEY_LENGTH, NoEngine, store_atomically
from gesi_app.categories.models import Category
from gesi_app.settings import LOCALES

PART = re.compile(rf"^t([0-9]{{1,9}})_([0-9a-f]{{{KEY_LENGTH}}})$")
TOPIC = "topic"


class NotAName(ValueError):
    """The address part does not name a row's current name."""


class NameAudio:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.engine = Espeak()
        self.enabled = self.engine.available() or self.folder.is_dir()

    def key(self, lang: str, text: str) -> str:
        material = f"{self.engine.name}:{self.engine.version}\0{lang}\0{normalise(text)}"
        return hashlib.sha256(material.encode()).hexdigest()[:KEY_LENGTH]

    def part(self, lang: str, ref: str, text: str) -> str | None:
        """The address part of a name, given its Choice's ``ref``; None when it has none."""
        kind, _, row_id = ref.partition(":")
        if not self.enabled or lang not in LOCALES or kind != TOPIC or not row_id.isdigit():
            return None
        if not normalise(text):
            return None
        return f"t{row_id}_{self.key(lang, text)}"

    def path(self, lang: str, key: str) -> Path:
        return self.folder / lang / f"{key}.{EXTENSION}"

    def ensure(self, lang: str, text: str) -> Path:
        """The name's file, made now with espeak-ng when it is missing."""
        target = self.path(lang, self.key(lang, text))
        if target.exists():
            return target
        try:
            mp3 = self.engine.speak(normalise(text), lang)
        except EngineUnavailable:
            raise NoEngine(lang) from None
        return store_atomically(target, mp3)

    async def current_names(self, session: AsyncSession, lang: str, parts: list[str]) -> list[str]:
        """The names the address ``parts`` stand for, checked against the database now."""
        wanted: list[tuple[int, str]] = []
        for part in parts:
            match = PART.match(part)
            if match is None or lang not in LOCALES:
                raise NotAName(part)
            wanted.append((int(match.group(1)), match.group(2)))
        rows = await session.execute(
            select(Category.id, Category.name_id, Category.name_en).where(
                Category.id.in_({row_id for row_id, _key in wanted})
            )
        )
        names = {row.id: (row.name_en if lang == "en" else row.name_id) for row in rows}
        texts: list[str] = []
        for row_id, key in wanted:
            text = names.get(row_id)
            if text is None or self.key(lang, text) != key:
                raise NotAName(f"t{row_id}")
            texts.append(text)
        return texts

    async def all_names(self, session: AsyncSession) -> list[tuple[str, str]]:
        """(language, name) of every topic, for the build."""
        found: set[tuple[str, str]] = set()
        for name_id, name_en in await session.execute(select(Category.name_id, Category.name_en)):
            found |= {("id", name_id), ("en", name_en)}
        return sorted(found)

    def build(self, names: list[tuple[str, str]]) -> int:
        """Make the file of every (language, name) that has none; the number made."""
        made = 0
        for lang, text in names:
            target = self.path(lang, self.key(lang, text))
            if lang in LOCALES and normalise(text) and not target.exists():
                self.ensure(lang, text)
                made += 1
        return made
