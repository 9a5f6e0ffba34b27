"""Real recordings for the voice and sign-language tests: WAV from the wave module, Ogg/Opus
from espeak-ng and opusenc, a WebM video from ffmpeg. ffprobe reads them in the app."""

from __future__ import annotations

import io
import json
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


# Recordings as a phone would leave them: the place, the time, the owner and the device.
LOCATION = "+12.3456+098.7654/"
TAGS = {
    "location": LOCATION,
    "creation_time": "2026-11-20T07:15:00Z",
    "artist": "Budi Santoso",
    "title": "Rumah Budi",
    "comment": "Samsung SM-A525F",
}
# Tags a clean file may still have: what the container itself needs, and ffmpeg's own
# version-less name for the muxer (our tool, not the reporter's device).
NEUTRAL_TAGS = {
    "major_brand", "minor_version", "compatible_brands", "language", "handler_name",
    "vendor_id", "DURATION", "duration", "encoder",
}  # fmt: skip


def tagged(container: str, *, video: bool = True, seconds: int = 2) -> bytes:
    """A recording in ``container`` (mp4, webm, ogg, mp3) carrying TAGS on the file and its
    streams, a chapter, and (MP4) an encoder name, as phones and editors write them."""
    require_media_tools("ffmpeg")
    codecs = {
        "mp4": ["-c:v", "libx264", "-c:a", "aac"],
        "webm": ["-c:v", "libvpx", "-c:a", "libopus"],
        "ogg": ["-c:a", "libopus"],
        "mp3": ["-c:a", "libmp3lame"],
        "mp2": ["-c:a", "mp2"],
    }[container]
    metadata = [arg for key, value in TAGS.items() for arg in ("-metadata", f"{key}={value}")]
    with tempfile.TemporaryDirectory() as folder:
        chapters = Path(folder) / "chapters.txt"
        chapters.write_text(
            ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=Rumah Budi\n"
        )
        target = Path(folder) / f"media.{container}"
        inputs = ["-f", "lavfi", "-i", f"sine=duration={seconds}"]
        if video:
            inputs += ["-f", "lavfi", "-i", f"testsrc=duration={seconds}:size=160x120:rate=10"]
        subprocess.run(
            [
                "ffmpeg", "-v", "error", *inputs, "-i", str(chapters),
                "-map", "0", *(["-map", "1"] if video else []),
                "-map_chapters", str(2 if video else 1),
                *codecs, *metadata,
                "-metadata:s:a:0", f"title={TAGS['artist']}",
                "-metadata:s:a:0", f"creation_time={TAGS['creation_time']}",
                "-shortest", "-f", container, str(target),
            ],
            check=True,
        )  # fmt: skip
        return target.read_bytes()


def media_facts(data: bytes) -> dict[str, object]:
    """What ffprobe reads from a file: every tag (file and streams), chapters, stream types."""
    require_media_tools()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "media"
        path.write_bytes(data)
        out = subprocess.run(
            [
                "ffprobe", "-v", "error", "-of", "json", "-show_chapters",
                "-show_entries", "format=format_name:format_tags:stream=codec_type:stream_tags",
                str(path),
            ],
            capture_output=True, check=True,
        ).stdout  # fmt: skip
    info = json.loads(out)
    tags: dict[str, str] = dict(info["format"].get("tags", {}))
    for stream in info.get("streams", []):
        tags.update(stream.get("tags", {}))
    return {
        "format": info["format"]["format_name"],
        "tags": tags,
        "chapters": len(info.get("chapters", [])),
        "streams": sorted(s["codec_type"] for s in info.get("streams", [])),
    }


def assert_nothing_identifying(data: bytes) -> None:
    """No tag but NEUTRAL_TAGS, no chapter, no muxer version, none of TAGS' values.

    (An encoder may also sign the sound or picture stream itself, like ffmpeg's AAC encoder
    that made the test MP4: streams are copied, not re-encoded, so that stays; phones' hardware
    encoders do not sign them.)"""
    facts = media_facts(data)
    tags = facts["tags"]
    assert isinstance(tags, dict)
    assert set(tags) <= NEUTRAL_TAGS, tags
    assert tags.get("encoder", "Lavf") == "Lavf", tags  # no version, no device
    assert facts["chapters"] == 0
    for value in (*TAGS.values(), "12.3456", "Lavf59", "SM-A525F"):
        assert value.encode() not in data, value
