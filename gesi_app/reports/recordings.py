"""Voice messages and sign-language videos: the answer to "What happened?" without typing.

A recording is checked by its bytes (the container's magic bytes, then ffprobe reads its
streams and duration), capped in size and length, stripped of its metadata, and stored like
evidence: durably, by content hash, as an Attachment of kind ``voice`` or ``sign_video`` on the
draft. A draft has at most one recording; a new one replaces the old.

Nothing identifying is kept: phones write the place (an MP4's ``location``, an iPhone's
location track), the time, the device and the owner's name into the container. ffmpeg copies
the sound and picture streams into a new file of the same container (``-c copy``: nothing is
re-encoded, so it takes a fraction of a second) with no global, stream or chapter metadata
(``-map_metadata -1 -map_chapters -1``), no data, subtitle or attachment streams and no cover
picture (only ``-map 0:V? -map 0:a?``), and no version strings of its own (``bitexact``). A
file ffmpeg cannot copy that way is refused. ffprobe and ffmpeg run as asyncio subprocesses
with a timeout; the bytes go to and from disk through offload.run_blocking.
"""

from __future__ import annotations

import asyncio
import json
import math
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.i18n import gettext as _
from gesi_app.offload import run_blocking
from gesi_app.reports.evidence import remove_attachment, store_durably
from gesi_app.reports.models import Attachment

RECORDING_KINDS = ("voice", "sign_video")
MAX_VOICE_BYTES = 20 * 1024 * 1024
MAX_VIDEO_BYTES = 50 * 1024 * 1024
MAX_SECONDS = 5 * 60
PROBE_TIMEOUT = 30.0
REMUX_TIMEOUT = 60.0  # copying streams of a 50 MB file takes well under a second
FIELD = "recording"


@dataclass(frozen=True)
class Container:
    name: str  # ogg | webm | mp4 | mp3 | wav
    audio_type: str
    video_type: str | None  # None: this container is never a sign-language video for us
    extension: str
    # ffmpeg muxers that write this container, tried in turn: WebM holds only VP8/VP9/AV1 with
    # Opus/Vorbis, so a browser's H.264 "webm" is written as Matroska (the same family);
    # an MP4 whose streams the mp4 muxer refuses (a phone's QuickTime file) is written as MOV.
    muxers: tuple[str, ...]


OGG = Container("ogg", "audio/ogg", None, "ogg", ("ogg",))
WEBM = Container("webm", "audio/webm", "video/webm", "webm", ("webm", "matroska"))
MP4 = Container("mp4", "audio/mp4", "video/mp4", "mp4", ("mp4", "mov"))
MP3 = Container("mp3", "audio/mpeg", None, "mp3", ("mp3",))
WAV = Container("wav", "audio/wav", None, "wav", ("wav",))


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


@asynccontextmanager
async def _on_disk(data: bytes) -> AsyncIterator[Path]:
    """The bytes in a private temporary folder (as ``media``), for ffprobe and ffmpeg."""
    with tempfile.TemporaryDirectory(prefix="suara-media-") as folder:
        path = Path(folder) / "media"
        await run_blocking(path.write_bytes, data)
        yield path


async def _probe_path(path: Path) -> Probe | None:
    """Streams and duration of a media file, or None when ffprobe cannot read it.

    Browsers' MediaRecorder writes WebM without a duration in its header, so when the
    container does not say, the duration is the end of the last packet.
    """
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


async def probe(data: bytes) -> Probe | None:
    """Streams and duration of a media file given as bytes, or None when unreadable."""
    async with _on_disk(data) as path:
        return await _probe_path(path)


async def _ffmpeg(*arguments: str) -> bool:
    """Run ffmpeg; True when it finished well within REMUX_TIMEOUT."""
    process = await asyncio.create_subprocess_exec(
        "ffmpeg",
        "-nostdin",
        "-v",
        "error",
        "-y",
        *arguments,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        await asyncio.wait_for(process.wait(), REMUX_TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()
        return False
    except asyncio.CancelledError:  # the request went away: so does its ffmpeg
        process.kill()
        raise
    return process.returncode == 0


async def strip_metadata(source: Path, container: Container) -> bytes | None:
    """The recording copied into a new file of its container with no metadata (see the module
    docstring), or None when ffmpeg cannot do it."""
    target = source.with_name("clean")
    for muxer in container.muxers:
        done = await _ffmpeg(
            "-i", str(source),
            "-map", "0:V?", "-map", "0:a?",  # picture and sound only; V: no cover pictures
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-c", "copy",
            "-fflags", "+bitexact",  # no ffmpeg version strings either
            "-f", muxer, str(target),
        )  # fmt: skip
        if done:
            cleaned = await run_blocking(target.read_bytes)
            if cleaned:
                return cleaned
    return None


def max_bytes_message() -> str:
    return _("A voice message must be smaller than 20 MB, and a video smaller than 50 MB")


def _container(data: bytes) -> Container:
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
    return container


async def _check(data: bytes, container: Container, path: Path) -> Checked:
    found = await _probe_path(path)
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


async def check_recording(data: bytes) -> Checked:
    """Validate one recording by its bytes; raises RecordingError with what to do."""
    container = _container(data)
    async with _on_disk(data) as path:
        return await _check(data, container, path)


async def clean_recording(data: bytes) -> tuple[Checked, bytes]:
    """Validate one recording and return it without metadata: the bytes to store.
    Raises RecordingError with what to do."""
    container = _container(data)
    async with _on_disk(data) as path:
        checked = await _check(data, container, path)
        cleaned = await strip_metadata(path, container)
    if cleaned is None:
        raise RecordingError(
            _(
                "We cannot remove the hidden details (such as the place it was recorded) "
                "from this recording. Try another file or record again"
            )
        )
    return checked, cleaned


@dataclass(frozen=True)
class Stored:
    """A recording on disk: what it is, its storage key (SHA-256) and its size in bytes."""

    checked: Checked
    storage_key: str
    size: int


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


async def check_and_store(uploads_dir: Path, data: bytes) -> Stored:
    """Check a recording, strip its metadata and put the result durably on disk under its
    SHA-256 (the storage key); raises RecordingError and writes nothing when it is refused.
    Used by the report journey and by voice inputs at forums."""
    checked, cleaned = await clean_recording(data)
    return Stored(checked, await store_durably(uploads_dir, cleaned), len(cleaned))


async def set_recording(
    session: AsyncSession, uploads_dir: Path, draft_id: str, filename: str, data: bytes
) -> Attachment:
    """Check and store the draft's recording, replacing the one it had; the file is on disk
    before the row is added. Raises RecordingError and stores nothing when it is refused."""
    stored = await check_and_store(uploads_dir, data)
    checked = stored.checked
    previous = await draft_recording(session, draft_id)
    attachment = Attachment(
        draft_id=draft_id,
        kind=checked.kind,
        content_type=checked.content_type,
        filename=_filename(filename, checked),
        storage_key=stored.storage_key,
        size=stored.size,
        sha256=stored.storage_key,
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
