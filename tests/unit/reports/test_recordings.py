"""Recordings are recognised by their bytes and measured by ffprobe, never by name."""

from __future__ import annotations

import asyncio

import pytest

from gesi_app.i18n import set_locale
from gesi_app.reports import recordings
from tests.recording_support import (
    NEUTRAL_TAGS,
    assert_nothing_identifying,
    media_facts,
    require_media_tools,
    spoken_opus,
    tagged,
    wav,
    webm_video,
)


@pytest.mark.parametrize(
    ("head", "container"),
    [
        (b"OggS\x00\x02", "ogg"),
        (b"\x1a\x45\xdf\xa3\x01", "webm"),
        (b"\x00\x00\x00\x20ftypM4A ", "mp4"),
        (b"ID3\x04\x00", "mp3"),
        (b"\xff\xfb\x90\x00", "mp3"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "wav"),
        (b"%PDF-1.4", None),
        (b"\x89PNG\r\n\x1a\n", None),
        (b"", None),
    ],
)
def test_sniff_by_magic_bytes(head: bytes, container: str | None) -> None:
    found = recordings.sniff(head)
    assert (found.name if found else None) == container


def test_durations_are_said_as_people_say_them() -> None:
    set_locale("en")
    assert [recordings.duration_text(s) for s in (45, 60, 80)] == ["45 s", "1 min", "1 min 20 s"]
    set_locale("id")
    assert recordings.recording_summary("voice", 80) == "Pesan suara, 1 menit 20 detik"
    assert recordings.recording_summary("sign_video", 5) == "Video bahasa isyarat, 5 detik"


def test_real_recordings_are_measured() -> None:
    require_media_tools("espeak-ng", "opusenc", "ffmpeg")
    set_locale("en")
    voice = asyncio.run(recordings.check_recording(spoken_opus()))
    assert (voice.kind, voice.content_type) == ("voice", "audio/ogg")
    assert 2 <= voice.seconds <= 6
    plain = asyncio.run(recordings.check_recording(wav(3)))
    assert (plain.kind, plain.content_type, plain.seconds) == ("voice", "audio/wav", 3)
    video = asyncio.run(recordings.check_recording(webm_video(2)))
    assert (video.kind, video.content_type, video.seconds) == ("sign_video", "video/webm", 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Choose a recording to upload"),
        (b"%PDF-1.4 not a sound", "The recording must be a sound file"),
        (b"OggS" + b"\x00" * 200, "The recording cannot be opened"),
        (None, "The recording must be 5 minutes or shorter"),
    ],
)
def test_refused_recordings(data: bytes | None, message: str) -> None:
    require_media_tools()
    set_locale("en")
    with pytest.raises(recordings.RecordingError) as refused:
        asyncio.run(recordings.check_recording(wav(301) if data is None else data))
    assert refused.value.message.startswith(message)


@pytest.mark.parametrize(
    ("container", "video", "kind", "format_name", "streams"),
    [
        ("mp4", True, "sign_video", "mov,mp4,m4a,3gp,3g2,mj2", ["audio", "video"]),
        ("mp4", False, "voice", "mov,mp4,m4a,3gp,3g2,mj2", ["audio"]),
        ("webm", True, "sign_video", "matroska,webm", ["audio", "video"]),
        ("ogg", False, "voice", "ogg", ["audio"]),
        ("mp3", False, "voice", "mp3", ["audio"]),
    ],
)
def test_a_recording_is_kept_in_its_container_without_metadata(
    container: str, video: bool, kind: str, format_name: str, streams: list[str]
) -> None:
    require_media_tools("ffmpeg")
    sent = tagged(container, video=video)
    before = media_facts(sent)
    assert isinstance(before["tags"], dict) and before["chapters"] == 1
    assert set(before["tags"]) - NEUTRAL_TAGS  # the fixture really carries tags
    checked, cleaned = asyncio.run(recordings.clean_recording(sent))
    assert (checked.kind, checked.seconds) == (kind, 2)
    assert_nothing_identifying(cleaned)
    after = media_facts(cleaned)
    assert (after["format"], after["streams"]) == (format_name, streams)  # the MP4's data
    # stream (its chapter track) is gone; sound and picture are copied, not re-encoded:
    assert recordings.sniff(cleaned) == recordings.sniff(sent)


def test_the_journey_s_own_recordings_are_cleaned_too() -> None:
    require_media_tools("ffmpeg", "espeak-ng", "opusenc")
    for sent in (wav(3), webm_video(2), spoken_opus()):
        _checked, cleaned = asyncio.run(recordings.clean_recording(sent))
        assert_nothing_identifying(cleaned)


def test_a_recording_ffmpeg_cannot_copy_is_refused() -> None:
    # MPEG layer II sound: looks like an MP3 and plays, but an MP3 file cannot hold it.
    require_media_tools("ffmpeg")
    sent = tagged("mp2", video=False)
    assert recordings.sniff(sent) is recordings.MP3
    asyncio.run(recordings.check_recording(sent))  # it passes the checks...
    for locale, message in (
        ("en", "We cannot remove the hidden details (such as the place it was recorded) "
         "from this recording. Try another file or record again"),
        ("id", "Kami tidak bisa menghapus data tersembunyi (misalnya tempat rekaman dibuat) "
         "dari rekaman ini. Coba berkas lain atau rekam lagi"),
    ):  # fmt: skip
        set_locale(locale)
        with pytest.raises(recordings.RecordingError) as refused:
            asyncio.run(recordings.clean_recording(sent))  # ...but cannot be cleaned
        assert refused.value.message == message
