"""Date sentences ("... by Friday 27 November 2026") are spoken whole, made on first need with
espeak-ng; an address that is not one of them is a bare 404."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.audio.dated import DATED, DatedAudio, sentence
from gesi_app.web.state import app_state
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


def today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Asia/Jakarta")).date()


def day(offset: int) -> str:
    return (today() + dt.timedelta(days=offset)).isoformat()


def test_a_date_sentence_is_made_on_first_need_and_kept(
    audio_client: TestClient, tmp_path: Path
) -> None:
    short = audio_client.get(f"/audio/dated/id/3-3-{day(-10)}.mp3")
    long = audio_client.get(f"/audio/dated/id/2-10-{day(10)}.mp3")
    for response in (short, long):
        assert response.status_code == 200
        assert response.headers["content-type"] == "audio/mpeg"
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    # The longer sentence takes longer to say: the whole sentence is spoken, day included.
    assert mp3_seconds(long.content) > mp3_seconds(short.content) > 2.0
    kept = list((tmp_path / "data" / "audio" / "dated" / "id").glob("*.mp3"))
    assert len(kept) == 2
    assert audio_client.get(f"/audio/dated/id/3-3-{day(-10)}.mp3").content == short.content


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


@pytest.mark.parametrize(
    "name",
    [
        f"0-3-{day(200)}.mp3",  # a deadline further ahead than any report has
        f"1-5-{day(-30)}.mp3",  # a coming deadline, in the past
        f"3-3-{day(30)}.mp3",  # "we are late", in the future
        f"4-5-{day(-400)}.mp3",  # late by more than a year
        f"0-4-{day(2)}.mp3",  # the settings say 3 days for the check, not 4
        f"2-5-{day(2)}.mp3",  # ... and 10 for closing, not 5
        f"1-3-{day(2)}.mp3",  # ... and 5 for the answer, not 3
    ],
)
def test_a_name_the_tracking_page_would_not_show_is_refused_and_writes_nothing(
    audio_client: TestClient, tmp_path: Path, name: str
) -> None:
    response = audio_client.get(f"/audio/dated/id/{name}")
    assert response.status_code == 404 and response.content == b""
    assert list((tmp_path / "data" / "audio").rglob("*.mp3")) == []


def test_the_page_links_only_names_it_may_ask_for() -> None:
    service = DatedAudio(Path("unused"))
    service.enabled = True
    ahead = today() + dt.timedelta(days=3)
    assert service.url(DATED[0], 3, ahead) == f"/audio/dated/id/0-3-{ahead.isoformat()}.mp3"
    assert service.url(DATED[0], 3, today() + dt.timedelta(days=300)) is None


def test_the_cache_keeps_at_most_max_files_removing_the_oldest(
    audio_client: TestClient, tmp_path: Path
) -> None:
    service = app_state(audio_client.app).resource(DatedAudio)  # type: ignore[arg-type]
    service.max_files = 3
    folder = tmp_path / "data" / "audio" / "dated"

    def kept(offset: int) -> bool:
        when = today() + dt.timedelta(days=offset)
        return service.path("en", sentence("en", 0, 3, when)).exists()

    for offset in range(1, 7):
        assert audio_client.get(f"/audio/dated/en/0-3-{day(offset)}.mp3").status_code == 200
        assert len(list(folder.rglob("*.mp3"))) <= 3
    assert [kept(offset) for offset in range(1, 7)] == [False] * 4 + [True] * 2
    # The first one was removed and is made again on need.
    assert audio_client.get(f"/audio/dated/en/0-3-{day(1)}.mp3").status_code == 200
