"""Real recordings for the voice and sign-language tests: WAV from the wave module, Ogg/Opus
from espeak-ng and opusenc, a WebM video from ffmpeg. ffprobe reads them in the app."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import pytest


def require_media_tools(*tools: str) -> None:
    """The tools run for real: missing in CI is a failure, elsewhere a skip."""
    missing = [tool for tool in ("ffprobe", *tools) if shutil.which(tool) is None]
    if not missing:
        return
    message = f"recording tests need {', '.join(missing)} (Debian: ffmpeg, espeak-ng, opus-tools)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def wav(seconds: float, *, rate: int = 8000, width: int = 1, channels: int = 1) -> bytes:
    """Silence of the given length; 8 kHz 8-bit mono keeps 5 minutes under 3 MB."""
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(channels)
        file.setsampwidth(width)
        file.setframerate(rate)
        silence = (b"\x80" if width == 1 else b"\x00" * width) * channels
        file.writeframes(silence * int(seconds * rate))
    return out.getvalue()


def spoken_opus(text: str = "Lampu jalan di depan pasar mati sejak minggu lalu.") -> bytes:
    """A real Ogg/Opus voice message: espeak-ng speaks, opusenc encodes."""
    require_media_tools("espeak-ng", "opusenc")
    speech = subprocess.run(
        ["espeak-ng", "-v", "id", "--stdout", text], capture_output=True, check=True
    ).stdout
    return subprocess.run(
        ["opusenc", "--quiet", "-", "-"], input=speech, capture_output=True, check=True
    ).stdout


def webm_video(seconds: int = 2) -> bytes:
    """A real WebM video with sound, as a phone or MediaRecorder would send."""
    require_media_tools("ffmpeg")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "video.webm"
        subprocess.run(
            [
                "ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                f"testsrc=duration={seconds}:size=160x120:rate=10",
                "-f", "lavfi", "-i", f"sine=duration={seconds}",
                "-c:v", "libvpx", "-c:a", "libopus", "-shortest", str(target),
            ],
            check=True,
        )  # fmt: skip
        return target.read_bytes()
