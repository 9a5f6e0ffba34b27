"""What every kind of audio file shares: its format, its key length, writing it whole."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

EXTENSION = "mp3"
MEDIA_TYPE = "audio/mpeg"
KEY_LENGTH = 20


class NoEngine(RuntimeError):
    """No engine could speak the prompt (espeak-ng not installed, web engine unreachable)."""


def store_atomically(target: Path, mp3: bytes) -> Path:
    """Write an audio file so that a reader sees the whole file or none."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(fd, "wb") as handle:
        handle.write(mp3)
    os.replace(tmp, target)
    return target
