"""Shared by the audio tests: espeak-ng must be there in CI; decode an MP3 with a real tool."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import pytest

AUDIO_SRC = re.compile(
    r'<a class="audio-listen" href="([^"]+)" type="audio/mpeg" data-audio>([^<]+)</a>'
)
# A choice's control: its name, then the choice it speaks (hidden), e.g. ": Pengaduan".
CHOICE_SRC = re.compile(
    r'<a class="audio-listen" href="([^"]+)" type="audio/mpeg" data-audio>([^<]+)'
    r'<span class="visually-hidden">: ([^<]+)</span></a>'
)


def require_audio_tools() -> None:
    """espeak-ng and lame run for real: missing in CI is a failure, elsewhere a skip."""
    missing = [tool for tool in ("espeak-ng", "lame") if shutil.which(tool) is None]
    if not missing:
        return
    message = f"audio tests need {', '.join(missing)} (Debian packages espeak-ng, lame)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def mp3_seconds(data: bytes) -> float:
    """Duration of an MP3 as lame decodes it (0 when it is not audio)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.mp3"
        source.write_bytes(data)
        done = subprocess.run(
            ["lame", "--quiet", "--decode", str(source), "-"], capture_output=True, check=False
        )
    if done.returncode or len(done.stdout) <= 44:
        return 0.0
    with wave.open(io.BytesIO(done.stdout)) as wav:
        # lame writes the WAV to a pipe, so its header may not know the length: count bytes.
        frame_bytes = wav.getsampwidth() * wav.getnchannels()
        return (len(done.stdout) - 44) / frame_bytes / wav.getframerate()


def espeak_mp3(text: str, lang: str = "id") -> bytes:
    """A real small MP3 made with espeak-ng and lame, as a web voice would answer."""
    wav = subprocess.run(
        ["espeak-ng", "-v", lang, "--stdout", text], capture_output=True, check=True
    ).stdout
    return subprocess.run(
        ["lame", "--quiet", "-m", "m", "-b", "32", "-", "-"],
        input=wav,
        capture_output=True,
        check=True,
    ).stdout
