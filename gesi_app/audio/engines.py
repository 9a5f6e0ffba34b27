"""Text-to-speech engines and the MP3 encoder: gTTS (web, with a timeout) and espeak-ng (offline).

Every engine returns MP3 bytes in one format (mono, 22.05 kHz, 32 kbit/s from lame), so that
prompts can be joined by concatenating files. gTTS's own MP3 is decoded and encoded again for
that reason, which also proves that its answer really was audio.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

ESPEAK_VOICES = {"id": "id", "en": "en"}
ESPEAK_WORDS_PER_MINUTE = "150"  # a little slower than espeak's 175: clearer for new listeners
# -q 7: lame's fast algorithm; for a voice at 32 kbit/s it sounds the same and takes half the time.
LAME_ARGS = ("--quiet", "-q", "7", "-m", "m", "--resample", "22.05", "-b", "32")
SUBPROCESS_SECONDS = 60


class EngineUnavailable(RuntimeError):
    """This engine cannot speak now (not installed, no network, bad answer)."""


class Engine(Protocol):
    name: str

    @property
    def version(self) -> str: ...

    def available(self) -> bool: ...

    def speak(self, text: str, lang: str) -> bytes:
        """MP3 bytes of ``text`` spoken in ``lang``; raises EngineUnavailable."""
        ...


def _run(args: list[str], data: bytes) -> bytes:
    try:
        # Our own binaries found by shutil.which; the text goes on stdin, never as an argument.
        done = subprocess.run(  # noqa: S603
            args, input=data, capture_output=True, check=True, timeout=SUBPROCESS_SECONDS
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineUnavailable(f"{args[0]} failed: {exc.__class__.__name__}") from None
    return done.stdout


def encode_mp3(wav: bytes) -> bytes:
    """Our one web format: lame reads WAV on stdin and writes MP3 on stdout."""
    lame = shutil.which("lame")
    if lame is None:
        raise EngineUnavailable("lame is not installed")
    mp3 = _run([lame, *LAME_ARGS, "-", "-"], wav)
    if not mp3:
        raise EngineUnavailable("lame wrote nothing")
    return mp3


def decode_mp3(mp3: bytes) -> bytes:
    """WAV bytes of an MP3 (lame --decode); raises EngineUnavailable when it is not audio."""
    lame = shutil.which("lame")
    if lame is None:
        raise EngineUnavailable("lame is not installed")
    # lame needs a seekable input to decode reliably, so go through a temporary file.
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.mp3"
        source.write_bytes(mp3)
        wav = _run([lame, "--quiet", "--decode", str(source), "-"], b"")
    if len(wav) <= 44:  # a WAV header and no samples
        raise EngineUnavailable("the MP3 holds no audio")
    return wav


@functools.cache
def espeak_version() -> str:
    """'1.51' from 'eSpeak NG text-to-speech: 1.51  Data at: ...', or 'missing'."""
    binary = shutil.which("espeak-ng")
    if binary is None:
        return "missing"
    try:
        out = subprocess.run(  # noqa: S603  # espeak-ng --version, no input
            [binary, "--version"], capture_output=True, text=True, check=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "missing"
    words = out.split(":", 1)[-1].split()
    return words[0] if words else "unknown"


@dataclass
class Espeak:
    """espeak-ng, offline: -v id or -v en, text on stdin (never an argument), WAV on stdout."""

    name: str = "espeak"

    @property
    def version(self) -> str:
        return espeak_version()

    def available(self) -> bool:
        return shutil.which("espeak-ng") is not None and shutil.which("lame") is not None

    def speak(self, text: str, lang: str) -> bytes:
        binary = shutil.which("espeak-ng")
        if binary is None:
            raise EngineUnavailable("espeak-ng is not installed")
        args = [binary, "-v", ESPEAK_VOICES[lang], "-s", ESPEAK_WORDS_PER_MINUTE, "--stdout"]
        wav = _run([*args, "--stdin"], text.encode("utf-8"))
        return encode_mp3(wav)


@dataclass
class Gtts:
    """Google Translate's voice through gTTS, only while its web endpoint answers.

    Always with a timeout. After one failure it rests for ``rest_seconds``, so a build on a
    machine without internet pays the timeout once, not once per prompt. The caller must
    give it only our own texts (prompts, staff answers): see service.synthesise.
    """

    timeout: float
    rest_seconds: float = 600.0
    name: str = "gtts"
    _down_until: float = field(default=0.0, repr=False)

    @property
    def version(self) -> str:
        from gtts.version import __version__  # type: ignore[import-untyped]  # no hints

        return str(__version__)

    def available(self) -> bool:
        return time.monotonic() >= self._down_until

    def speak(self, text: str, lang: str) -> bytes:
        from gtts import gTTS, gTTSError  # type: ignore[import-untyped]  # no type hints

        if not self.available():
            raise EngineUnavailable("gTTS did not answer a moment ago")
        buffer = io.BytesIO()
        try:
            gTTS(text, lang=lang, lang_check=False, timeout=self.timeout).write_to_fp(buffer)
            return encode_mp3(decode_mp3(buffer.getvalue()))
        # Any failure of the web client (its own errors, a changed answer format) means
        # "not now": the next engine speaks.
        except (gTTSError, EngineUnavailable, AssertionError, TypeError, ValueError) as exc:
            self._down_until = time.monotonic() + self.rest_seconds
            raise EngineUnavailable(f"gTTS: {exc.__class__.__name__}") from None


def build_engines(names: tuple[str, ...], timeout: float) -> tuple[Engine, ...]:
    engines: list[Engine] = []
    for name in names:
        engines.append(Gtts(timeout=timeout) if name == "gtts" else Espeak())
    return tuple(engines)
