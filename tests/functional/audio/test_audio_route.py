"""/audio/{lang}/{key}.mp3: immutable files made on first need; anything else is a bare 404."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.audio.service import MAX_PAGE_PARTS, AudioService
from gesi_app.settings import Settings, SettingsError
from gesi_app.web.state import app_state
from tests.audio_support import mp3_seconds, require_audio_tools
from tests.conftest import make_settings

QUESTION = "Apa jenis laporan Anda?"


@pytest.fixture
def audio_client(tmp_path: Path, sqlite_url: str) -> TestClient:
    require_audio_tools()
    settings = make_settings(tmp_path / "data", sqlite_url, GESI_TTS_ENGINES="espeak")
    return TestClient(create_app(settings), raise_server_exceptions=False)


def service_of(client: TestClient) -> AudioService:
    service: AudioService = app_state(client.app).resource(AudioService)  # type: ignore[arg-type]
    return service


def test_a_missing_prompt_is_made_on_first_need_and_cached_for_ever(
    audio_client: TestClient,
) -> None:
    service = service_of(audio_client)
    url = service.url("id", QUESTION)
    assert url is not None and url.startswith("/audio/id/") and url.endswith(".mp3")
    key = url.rsplit("/", 1)[1].removesuffix(".mp3")
    assert not service.path("id", key).exists()
    response = audio_client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/mpeg"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert mp3_seconds(response.content) > 0.5
    assert service.path("id", key).read_bytes() == response.content
    assert audio_client.head(url).status_code == 200


def test_prompts_said_one_after_another_are_joined(audio_client: TestClient) -> None:
    service = service_of(audio_client)
    first, second = "Apa jenis laporan Anda?", "Pilih satu."
    url = service.url("id", f"{first}  {second}\n")
    assert url is not None and url.count("-") == 1
    joined = audio_client.get(url)
    alone = [audio_client.get(service.url("id", t) or "") for t in (first, second)]
    assert joined.status_code == 200
    assert joined.content == alone[0].content + alone[1].content
    assert mp3_seconds(joined.content) == pytest.approx(
        sum(mp3_seconds(r.content) for r in alone), abs=0.2
    )


@pytest.mark.parametrize(
    "path",
    [
        "/audio/id/0123456789abcdef0123.mp3",  # well formed, not one of our prompts
        "/audio/fr/{key}.mp3",  # not our language
        "/audio/en/{key}.mp3",  # an Indonesian prompt's key asked in English
        "/audio/id/{key}.ogg",
        # More parts than the longest page ("Listen to this page") has.
        "/audio/id/" + "-".join(["{key}"] * (MAX_PAGE_PARTS + 1)) + ".mp3",
        "/audio/id/.mp3",
        "/audio/id/ZZZZ.mp3",
    ],
)
def test_anything_but_a_prompt_is_a_bare_404(audio_client: TestClient, path: str) -> None:
    key = service_of(audio_client).key("id", QUESTION)
    response = audio_client.get(path.format(key=key))
    assert response.status_code == 404
    assert response.content == b""
    assert response.headers["cache-control"] == "no-store"


def test_a_citizens_text_gets_no_audio_address(audio_client: TestClient) -> None:
    service = service_of(audio_client)
    assert service.url("id", "Lampu jalan di depan rumah Pak Budi mati") is None
    assert service.url("id", "") is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("festival", "GESI_TTS_ENGINES must list gtts and/or espeak, once each"),
        ("espeak,espeak", "GESI_TTS_ENGINES must list gtts and/or espeak, once each"),
        (" , ", "GESI_TTS_ENGINES must list gtts and/or espeak, once each"),
    ],
)
def test_engine_setting_is_checked(value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({"GESI_TTS_ENGINES": value, "GESI_SECRET_KEY": "k" * 40})


@pytest.mark.parametrize("value", ["0", "-1", "61", "soon"])
def test_timeout_setting_is_checked(value: str) -> None:
    with pytest.raises(SettingsError, match="GESI_TTS_TIMEOUT"):
        Settings.from_env({"GESI_TTS_TIMEOUT": value, "GESI_SECRET_KEY": "k" * 40})


def test_engine_settings_are_read() -> None:
    settings = Settings.from_env(
        {
            "GESI_TTS_ENGINES": " ESPEAK , gtts",
            "GESI_TTS_TIMEOUT": "2.5",
            "GESI_SECRET_KEY": "k" * 40,
        }
    )
    assert (settings.tts_engines, settings.tts_timeout) == (("espeak", "gtts"), 2.5)
