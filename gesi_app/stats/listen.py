"""Listen to the headline sentences of /stats: our own sentences with numbers in them, said by
espeak-ng on this machine (never a web voice), made on first need and kept.

The text is made again from the filters in the address, as the page makes it: counts, shares
and the names of the three groups, nothing a citizen wrote. The folder keeps at most
``max_files`` files; the oldest go first."""

from __future__ import annotations

import hashlib
from pathlib import Path

from gesi_app.audio.catalogue import normalise
from gesi_app.audio.engines import EngineUnavailable, Espeak
from gesi_app.audio.files import EXTENSION, NoEngine, store_atomically

MAX_FILES = 500


class HeadlineAudio:
    def __init__(self, folder: Path, max_files: int = MAX_FILES) -> None:
        self.folder = folder
        self.engine = Espeak()
        self.max_files = max_files

    def available(self) -> bool:
        return self.engine.available()

    def path(self, lang: str, text: str) -> Path:
        material = f"{self.engine.version}\0{lang}\0{text}".encode()
        return self.folder / lang / f"{hashlib.sha256(material).hexdigest()[:20]}.{EXTENSION}"

    def ensure(self, lang: str, text: str) -> Path:
        """The file of ``text`` in ``lang``, made now when missing (blocking: run it off the
        event loop)."""
        spoken = normalise(text)
        target = self.path(lang, spoken)
        if target.exists():
            return target
        try:
            mp3 = self.engine.speak(spoken, lang)
        except EngineUnavailable:
            raise NoEngine(lang) from None
        stored = store_atomically(target, mp3)
        self._trim(keep=stored)
        return stored

    def _trim(self, keep: Path) -> None:
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
    except OSError:
        return 0
