"""Spoken staff answers: the agency's answer to a report, said in the reporter's language.

A staff answer is our own text (never a citizen's), so the web engine may speak it: the
tracking page prepares the file in the background with the whole engine chain (gTTS with its
timeout, then espeak-ng); a Listen request that arrives first gets espeak-ng at once, so the
reporter never meets an error page. A reporter's reply is never spoken.

The address is ``/audio/answers/{message id}-{key}.mp3`` where the key is an HMAC (secret key)
of (engine chain, language, message id, normalised text): only someone who was shown the
tracking page knows it, and an edited text or a new engine gets a new address.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.audio.catalogue import normalise
from gesi_app.audio.engines import Engine, EngineUnavailable, Espeak, build_engines
from gesi_app.audio.service import EXTENSION, KEY_LENGTH, NoEngine, store_atomically
from gesi_app.offload import run_blocking
from gesi_app.reports.models import Report, ReportMessage
from gesi_app.settings import LOCALES, Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpokenAnswer:
    """What an answer's file is made from: the message, its text, the reporter's language."""

    message_id: int
    lang: str
    body: str


class AnswerAudio:
    def __init__(self, settings: Settings) -> None:
        self.folder = settings.data_dir / "audio" / "answers"
        self.secret = settings.secret_key.encode()
        self.engines: tuple[Engine, ...] = build_engines(settings.tts_engines, settings.tts_timeout)
        self.offline = Espeak()
        self.enabled = self.offline.available() or self.folder.is_dir()
        self.chain_id = "+".join(f"{e.name}:{e.version}" for e in self.engines)

    def key(self, answer: SpokenAnswer) -> str:
        material = f"{self.chain_id}\0{answer.lang}\0{answer.message_id}\0{normalise(answer.body)}"
        digest = hmac.new(self.secret, material.encode(), hashlib.sha256).hexdigest()
        return digest[:KEY_LENGTH]

    def name(self, answer: SpokenAnswer) -> str:
        return f"{answer.message_id}-{self.key(answer)}.{EXTENSION}"

    def url(self, answer: SpokenAnswer) -> str | None:
        if not self.enabled or answer.lang not in LOCALES or not answer.body.strip():
            return None
        return f"/audio/answers/{self.name(answer)}"

    def matches(self, answer: SpokenAnswer, key: str) -> bool:
        return hmac.compare_digest(self.key(answer), key)

    def path(self, answer: SpokenAnswer) -> Path:
        return self.folder / self.name(answer)

    def _speak(self, answer: SpokenAnswer, engines: tuple[Engine, ...]) -> bytes:
        for engine in engines:
            if not engine.available():
                continue
            try:
                return engine.speak(normalise(answer.body), answer.lang)
            except EngineUnavailable:
                continue
        raise NoEngine(answer.lang)

    def _store(self, answer: SpokenAnswer, mp3: bytes) -> Path:
        return store_atomically(self.path(answer), mp3)

    def ensure(self, answer: SpokenAnswer) -> Path:
        """The answer's file, made now with espeak-ng when it is missing (no web wait)."""
        target = self.path(answer)
        if target.exists():
            return target
        return self._store(answer, self._speak(answer, (self.offline,)))

    async def prepare(self, answers: list[SpokenAnswer]) -> None:
        """Make the missing files with the whole chain (gTTS first) in a worker thread; for a
        background task, so it logs instead of raising."""
        await run_blocking(self.prepare_now, answers)

    def prepare_now(self, answers: list[SpokenAnswer]) -> None:
        for answer in answers:
            if answer.lang not in LOCALES or self.path(answer).exists():
                continue
            try:
                self._store(answer, self._speak(answer, self.engines))
            except (NoEngine, OSError) as exc:
                log.warning("answer %s: no audio (%s)", answer.message_id, exc)


async def spoken_answer(session: AsyncSession, message_id: int) -> SpokenAnswer | None:
    """An agency answer as it is spoken (in the reporter's language); None for anything else."""
    row = (
        await session.execute(
            select(ReportMessage.body, Report.locale)
            .join(Report, Report.id == ReportMessage.report_id)
            .where(ReportMessage.id == message_id, ReportMessage.author_kind == "agency")
        )
    ).first()
    return SpokenAnswer(message_id, row.locale, row.body) if row else None
