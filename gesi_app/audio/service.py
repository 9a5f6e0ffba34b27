"""Audio prompts: content addresses, synthesis through the engine chain, the build, the files.

A prompt's address is a hash of (engine chain with versions, language, normalised text), so
changing an engine or upgrading espeak-ng changes every address and no stale file is ever
served under a cached URL. The address is computed in memory (cached), never on disk.

Rules:
- Only a prompt (a text of our own catalogue, see catalogue.py) is synthesised; anything else
  raises NotAPrompt, so the web engine never sees a citizen's words.
- The build tries the engines in order (``GESI_TTS_ENGINES``); a file made by a later engine
  gets a ``.fallback`` marker, and the next build tries the first engine again for it.
- A file missing when a page needs it is made at once with espeak-ng only (no waiting on the
  web); ``ensure`` raises NoEngine when espeak-ng is not installed either.
- A text that is several prompts one after another (a status and what happens next) has one
  address per prompt; the route joins the MP3 files, which MP3's frames allow.
- "Listen to this page" is the same: one address listing the keys of the page's question,
  hint, error and choices in order (at most MAX_PAGE_PARTS), topic names among them
  (audio/names.py). Every part is content-addressed, so the joined file is too: it is made
  from the prompt files on request and cached by browsers as immutable, never stored, so
  no combination of keys that someone asks for can fill the disk.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from gesi_app.audio.catalogue import normalise, prompt_texts
from gesi_app.audio.engines import Engine, EngineUnavailable, Espeak, build_engines
from gesi_app.audio.files import EXTENSION, KEY_LENGTH, MEDIA_TYPE, NoEngine, store_atomically
from gesi_app.audio.names import NameAudio
from gesi_app.reports.deadlines import Deadlines
from gesi_app.settings import LOCALES, Settings

__all__ = [
    "EXTENSION",
    "KEY_LENGTH",
    "MAX_PAGE_PARTS",
    "MAX_PARTS",
    "MEDIA_TYPE",
    "AudioService",
    "BuildResult",
    "NoEngine",
    "NotAPrompt",
    "store_atomically",
]

MAX_PARTS = 4
MAX_PAGE_PARTS = 48  # the longest journey page (topics: 2 + 12 topics + "or" + "I don't know")


class NotAPrompt(ValueError):
    """The text is not one of our prompts: it is never synthesised."""


@dataclass(frozen=True)
class BuildResult:
    prompts: int
    made: int
    kept: int
    failed: int
    seconds: float
    total_bytes: int
    by_engine: dict[str, int] = field(default_factory=dict)


class AudioService:
    def __init__(self, settings: Settings) -> None:
        self.folder = settings.data_dir / "audio"
        self.authority = settings.authority_name
        self.deadlines = Deadlines.from_settings(settings)
        self.engines: tuple[Engine, ...] = build_engines(settings.tts_engines, settings.tts_timeout)
        self.offline = Espeak()
        # Decided once at start: with no espeak-ng and no built files the controls are hidden
        # rather than pointing at files that cannot be made.
        self.enabled = self.offline.available() or self.folder.is_dir()
        self.names = NameAudio(self.folder / "names")
        self.key = lru_cache(maxsize=4096)(self._key)
        self.url = lru_cache(maxsize=4096)(self._url)
        # A page says the same questions, choices and errors on every request.
        self.split = lru_cache(maxsize=4096)(self._split)
        # Asked now, at start-up: an engine's version runs `espeak-ng --version`, which would
        # otherwise block the event loop in the first page that shows a Listen control.
        self.chain_id = "+".join(f"{engine.name}:{engine.version}" for engine in self.engines)

    def _key(self, lang: str, text: str) -> str:
        material = f"{self.chain_id}\0{lang}\0{normalise(text)}".encode()
        return hashlib.sha256(material).hexdigest()[:KEY_LENGTH]

    def prompts(self, lang: str) -> dict[str, str]:
        """key -> text of every prompt in ``lang``."""
        return self._prompts[lang]

    @cached_property
    def _prompts(self) -> dict[str, dict[str, str]]:
        texts = prompt_texts(self.authority, self.deadlines)
        return {lang: {self.key(lang, t): t for t in texts[lang]} for lang in LOCALES}

    def _split(self, lang: str, text: str) -> tuple[str, ...] | None:
        """``text`` as a run of prompts (fewest parts, at most MAX_PARTS), or None."""
        known = prompt_texts(self.authority, self.deadlines)[lang]
        words = normalise(text).split(" ")
        best: dict[int, list[str]] = {0: []}
        for end in range(1, len(words) + 1):
            for start in range(end):
                if start not in best or len(best[start]) >= MAX_PARTS:
                    continue
                piece = " ".join(words[start:end])
                if piece in known and (end not in best or len(best[start]) + 1 < len(best[end])):
                    best[end] = [*best[start], piece]
        found = best.get(len(words))
        return None if found is None else tuple(found)

    def _url(self, lang: str, text: str) -> str | None:
        if not self.enabled or lang not in LOCALES or not text:
            return None
        parts = self.split(lang, text)
        if not parts:
            return None
        return f"/audio/{lang}/{'-'.join(self.key(lang, p) for p in parts)}.{EXTENSION}"

    def parts(self, lang: str, text: str, name_ref: str | None = None) -> list[str]:
        """The address parts of one text: its prompts' keys, or a spoken name's part."""
        if not self.enabled or lang not in LOCALES or not text:
            return []
        if name_ref:
            part = self.names.part(lang, name_ref, text)
            return [part] if part else []
        return [self.key(lang, p) for p in self.split(lang, text) or ()]

    def page_url(self, lang: str, items: list[tuple[str, str | None]]) -> str | None:
        """The address of a page's texts said one after another: (text, name_ref) in order;
        the texts that are not ours are left out. None when nothing is left, or too much."""
        parts = [part for text, ref in items for part in self.parts(lang, text, ref)]
        if not parts or len(parts) > MAX_PAGE_PARTS:
            return None
        return f"/audio/{lang}/{'-'.join(parts)}.{EXTENSION}"

    def path(self, lang: str, key: str) -> Path:
        return self.folder / lang / f"{key}.{EXTENSION}"

    def resolve(self, lang: str, keys: list[str]) -> list[str]:
        """The prompt texts of ``keys``; NotAPrompt for any key that is not ours."""
        if lang not in LOCALES or not 0 < len(keys) <= MAX_PAGE_PARTS:
            raise NotAPrompt(lang)
        prompts = self.prompts(lang)
        try:
            return [prompts[key] for key in keys]
        except KeyError:
            raise NotAPrompt(lang) from None

    def synthesise(self, lang: str, text: str, engines: tuple[Engine, ...]) -> tuple[bytes, int]:
        """MP3 of a prompt and the index of the engine that spoke it."""
        if normalise(text) not in prompt_texts(self.authority, self.deadlines)[lang]:
            raise NotAPrompt(lang)
        for index, engine in enumerate(engines):
            if not engine.available():
                continue
            try:
                return engine.speak(normalise(text), lang), index
            except EngineUnavailable:
                continue
        raise NoEngine(lang)

    def _store(self, lang: str, key: str, mp3: bytes, fallback: bool) -> Path:
        target = store_atomically(self.path(lang, key), mp3)
        marker = target.with_suffix(".fallback")
        if fallback:
            marker.touch()
        else:
            marker.unlink(missing_ok=True)
        return target

    def ensure(self, lang: str, key: str) -> Path:
        """The prompt's file, made now with espeak-ng when it is missing."""
        target = self.path(lang, key)
        if target.exists():
            return target
        text = self.resolve(lang, [key])[0]
        mp3, _ = self.synthesise(lang, text, (self.offline,))
        first_is_offline = self.engines[0].name == self.offline.name
        return self._store(lang, key, mp3, fallback=not first_is_offline)

    def _build_one(self, lang: str, key: str, text: str, force: bool) -> tuple[str, int]:
        target = self.path(lang, key)
        retry = target.with_suffix(".fallback").exists() and self.engines[0].available()
        if target.exists() and not force and not retry:
            return "kept", target.stat().st_size
        try:
            mp3, index = self.synthesise(lang, text, self.engines)
        except NoEngine:
            if target.exists():
                return "kept", target.stat().st_size
            return "failed", 0
        self._store(lang, key, mp3, fallback=index > 0)
        return self.engines[index].name, len(mp3)

    def build(
        self,
        progress: Callable[[int, int], None] | None = None,
        workers: int | None = None,
        force: bool = False,
        only: Collection[tuple[str, str]] | None = None,
    ) -> BuildResult:
        """Make every prompt's file in every language (or the ``only`` (lang, key) pairs);
        keeps the ones already made."""
        started = time.perf_counter()
        jobs = [
            (lang, key, text)
            for lang in LOCALES
            for key, text in self.prompts(lang).items()
            if only is None or (lang, key) in only
        ]
        outcomes: Counter[str] = Counter()
        total_bytes = 0
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
            futures = [pool.submit(self._build_one, *job, force) for job in jobs]
            for done, future in enumerate(futures, start=1):
                outcome, size = future.result()
                outcomes[outcome] += 1
                total_bytes += size
                if progress:
                    progress(done, len(jobs))
        kept, failed = outcomes.pop("kept", 0), outcomes.pop("failed", 0)
        return BuildResult(
            prompts=len(jobs),
            made=sum(outcomes.values()),
            kept=kept,
            failed=failed,
            seconds=time.perf_counter() - started,
            total_bytes=total_bytes,
            by_engine=dict(outcomes),
        )
