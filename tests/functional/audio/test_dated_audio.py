"""Date sentences ("... by Friday 27 November 2026") are spoken whole, made on first need with
espeak-ng; an address that is not one of them is a bare 404."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.audio.dated import DATED, sentence
from tests.audio_support import mp3_seconds, require_audio_tools
from tests.conftest import make_settings


@pytest.fixture
def audio_client(tmp_path: Path, sqlite_url: str) -> TestClient:
    require_audio_tools()
    settings = make_settings(tmp_path / "data", sqlite_url, GESI_TTS_ENGINES="espeak")
    return TestClient(create_app(settings), raise_server_exceptions=False)


def test_the_sentence_says_the_day_in_words_in_each_language() -> None:
    day = dt.date(2026, 11, 27)
    assert sentence("en", 1, 5, day) == (
        "The agency answers within 5 working days, by Friday, November 27, 2026."
    )
    assert "Jumat, 27 November 2026" in sentence("id", 1, 5, day)


def test_a_date_sentence_is_made_on_first_need_and_kept(
    audio_client: TestClient, tmp_path: Path
) -> None:
    short = audio_client.get("/audio/dated/id/3-3-2026-11-27.mp3")
    long = audio_client.get("/audio/dated/id/2-10-2026-11-27.mp3")
    for response in (short, long):
        assert response.status_code == 200
        assert response.headers["content-type"] == "audio/mpeg"
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    # The longer sentence takes longer to say: the whole sentence is spoken, day included.
    assert mp3_seconds(long.content) > mp3_seconds(short.content) > 2.0
    kept = list((tmp_path / "data" / "audio" / "dated" / "id").glob("*.mp3"))
    assert len(kept) == 2
    assert audio_client.get("/audio/dated/id/3-3-2026-11-27.mp3").content == short.content


@pytest.mark.parametrize(
    "name",
    [
        f"{len(DATED)}-3-2026-11-27.mp3",  # no such sentence
        "0-0-2026-11-27.mp3",
        "0-3-2026-02-30.mp3",
        "0-3-1999-11-27.mp3",
        "0-3-2026-11-27.wav",
        "0-3-hello.mp3",
    ],
)
def test_anything_else_is_a_bare_404(audio_client: TestClient, name: str) -> None:
    response = audio_client.get(f"/audio/dated/id/{name}")
    assert response.status_code == 404 and response.content == b""
    assert audio_client.get("/audio/dated/fr/0-3-2026-11-27.mp3").status_code == 404
