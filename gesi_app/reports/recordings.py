"""Voice messages and sign-language videos: the answer to "What happened?" without typing.

A recording is checked by its bytes (the container's magic bytes, then ffprobe reads its
streams and duration), capped in size and length, and stored like evidence: durably, by
content hash, as an Attachment of kind ``voice`` or ``sign_video`` on the draft. A draft has
at most one recording; a new one replaces the old.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.evidence import remove_attachment, write_durably
from gesi_app.reports.models import Attachment
from gesi_app.web.i18n import gettext as _

RECORDING_KINDS = ("voice", "sign_video")
MAX_VOICE_BYTES = 20 * 1024 * 1024
MAX_VIDEO_BYTES = 50 * 1024 * 1024
MAX_SECONDS = 5 * 60
PROBE_TIMEOUT = 30.0
FIELD = "recording"


@dataclass(frozen=True)
class Container:
    name: str  # ogg | webm | mp4 | mp3 | wav
    audio_type: str
    video_type: str | None  # None: this container is never a sign-language video for us
    extension: str


OGG = Container("ogg", "audio/ogg", None, "ogg")
WEBM = Container("webm", "audio/webm", "video/webm", "webm")
MP4 = Container("mp4", "audio/mp4", "video/mp4", "mp4")
MP3 = Container("mp3", "audio/mpeg", None, "mp3")
WAV = Container("wav", "audio/wav", None, "wav")


@dataclass(frozen=True)
class Probe:
    """What ffprobe found in a file: its streams and its length in seconds."""

    has_audio: bool
    has_video: bool
    seconds: float | None


@dataclass(frozen=True)
class Checked:
    kind: str  # voice | sign_video
    content_type: str
    extension: str
    seconds: int


class RecordingError(ValueError):
    """A recording cannot be accepted; the message says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def sniff(data: bytes) -> Container | None:
    """The container from the file's first bytes, or None when it is not one we accept."""
    if data.startswith(b"OggS"):
        return OGG
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM
    if data[4:8] == b"ftyp":
        return MP4
    if data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return MP3
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return WAV
    return None


def _seconds(value: Any) -> float | None:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return seconds if math.isfinite(seconds) and seconds > 0 else None


async def _ffprobe(path: Path, *entries: str) -> dict[str, Any] | None:
    process = await asyncio.create_subprocess_exec(
        "ffprobe",
        "-v",
        "error",
        "-of",
        "json",
        *entries,
        str(path),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        out, _err = await asyncio.wait_for(process.communicate(), PROBE_TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()
        return None
    if process.returncode != 0:
        return None
    try:
        parsed = json.loads(out or b"{}")
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


async def probe(data: bytes) -> Probe | None:
    """Streams and duration of a media file, or None when ffprobe cannot read it.

    Browsers' MediaRecorder writes WebM without a duration in its header, so when the
    container does not say, the duration is the end of the last packet.
    """
    with tempfile.TemporaryDirectory(prefix="suara-probe-") as folder:
        path = Path(folder) / "media"
        path.write_bytes(data)
        info = await _ffprobe(
            path, "-show_entries", "format=duration:stream=codec_type:stream_disposition"
        )
        if info is None:
            return None
        streams = [s for s in info.get("streams", []) if isinstance(s, dict)]
        has_audio = any(s.get("codec_type") == "audio" for s in streams)
        has_video = any(
            s.get("codec_type") == "video" and not (s.get("disposition") or {}).get("attached_pic")
            for s in streams
        )
        seconds = _seconds((info.get("format") or {}).get("duration"))
        if seconds is None:
            packets = await _ffprobe(path, "-show_entries", "packet=pts_time,duration_time")
            ends = [
                (_seconds(p.get("pts_time")) or 0.0) + (_seconds(p.get("duration_time")) or 0.0)
                for p in (packets or {}).get("packets", [])
                if isinstance(p, dict)
            ]
            seconds = max(ends) if ends and max(ends) > 0 else None
    return Probe(has_audio=has_audio, has_video=has_video, seconds=seconds)


def max_bytes_message() -> str:
    return _("A voice message must be smaller than 20 MB, and a video smaller than 50 MB")


async def check_recording(data: bytes) -> Checked:
    """Validate one recording by its bytes; raises RecordingError with what to do."""
    if not data:
        raise RecordingError(_("Choose a recording to upload"))
    container = sniff(data)
    if container is None:
        raise RecordingError(
            _(
                "The recording must be a sound file (Ogg, WebM, MP4, M4A, MP3 or WAV) "
                "or a video (WebM or MP4)"
            )
        )
    if len(data) > MAX_VIDEO_BYTES:
        raise RecordingError(max_bytes_message())
    found = await probe(data)
    if found is None or not (found.has_audio or found.has_video):
        raise RecordingError(_("The recording cannot be opened. Try another file"))
    video = found.has_video and container.video_type is not None
    if not video and len(data) > MAX_VOICE_BYTES:
        raise RecordingError(max_bytes_message())
    if found.seconds is None:
        raise RecordingError(
            _("We cannot tell how long the recording is. Try another file or record again")
        )
    if found.seconds > MAX_SECONDS:
        raise RecordingError(_("The recording must be 5 minutes or shorter"))
    return Checked(
        kind="sign_video" if video else "voice",
        content_type=container.video_type
        if video and container.video_type
        else container.audio_type,
        extension=container.extension,
        seconds=max(1, round(found.seconds)),
    )


async def draft_recording(session: AsyncSession, draft_id: str) -> Attachment | None:
    return await session.scalar(
        select(Attachment)
        .where(Attachment.draft_id == draft_id, Attachment.kind.in_(RECORDING_KINDS))
        .order_by(Attachment.id.desc())
        .limit(1)
    )


def _filename(filename: str, checked: Checked) -> str:
    base = Path(filename.replace("\\", "/")).name.strip()
    return (base or f"{checked.kind}.{checked.extension}")[:200]


async def check_and_store(uploads_dir: Path, data: bytes) -> tuple[Checked, str]:
    """Check a recording and put its bytes durably on disk under their SHA-256 (the storage
    key); raises RecordingError and writes nothing when it is refused. Used by the report
    journey and by voice inputs at forums."""
    checked = await check_recording(data)
    digest = hashlib.sha256(data).hexdigest()
    write_durably(uploads_dir, digest, data)
    return checked, digest


async def set_recording(
    session: AsyncSession, uploads_dir: Path, draft_id: str, filename: str, data: bytes
) -> Attachment:
    """Check and store the draft's recording, replacing the one it had; the file is on disk
    before the row is added. Raises RecordingError and stores nothing when it is refused."""
    checked, digest = await check_and_store(uploads_dir, data)
    previous = await draft_recording(session, draft_id)
    attachment = Attachment(
        draft_id=draft_id,
        kind=checked.kind,
        content_type=checked.content_type,
        filename=_filename(filename, checked),
        storage_key=digest,
        size=len(data),
        sha256=digest,
        duration_seconds=checked.seconds,
    )
    session.add(attachment)
    await session.flush()
    if previous is not None:  # after the new row, so bytes the two share stay on disk
        await remove_attachment(session, uploads_dir, previous)
    return attachment


async def remove_recording(session: AsyncSession, uploads_dir: Path, draft_id: str) -> bool:
    """Remove the draft's recording, if it has one (the bytes too, unless shared)."""
    current = await draft_recording(session, draft_id)
    if current is None:
        return False
    await remove_attachment(session, uploads_dir, current)
    return True


def duration_text(seconds: int) -> str:
    """A duration as people say it: "1 min 20 s", "45 s", "2 min"."""
    minutes, rest = divmod(max(0, seconds), 60)
    if minutes and rest:
        return _("%(min)s min %(sec)s s", min=minutes, sec=rest)
    if minutes:
        return _("%(min)s min", min=minutes)
    return _("%(sec)s s", sec=rest)


def recording_summary(kind: str, seconds: int | None) -> str:
    """What a recording is, in words: for the description of a report told by recording,
    check your answers and the tracking page."""
    length = duration_text(seconds or 0)
    if kind == "sign_video":
        return _("Sign-language video, %(length)s", length=length)
    return _("Voice message, %(length)s", length=length)
