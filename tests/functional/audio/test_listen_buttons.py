"""Listen buttons: the preference (default, show, hide) without JavaScript, staff pages quiet by
default, topic names spoken, and "Listen to this page" as one MP3 of the page's parts."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app.audio.service import AudioService
from gesi_app.settings import Settings
from gesi_app.web.preferences import PREFS_COOKIE
from gesi_app.web.state import app_state
from tests import factories
from tests.audio_support import AUDIO_SRC, CHOICE_SRC, mp3_seconds, require_audio_tools
from tests.conftest import form_token, make_settings
from tests.functional.reports.journey_helpers import answer

pytestmark = pytest.mark.usefixtures("audio_tools")

PAGE_SRC = re.compile(
    r'<div class="audio-prompt audio-prompt-page"><a class="audio-listen" href="([^"]+)" '
    r'type="audio/mpeg" data-audio>([^<]+)</a></div>'
)


@pytest.fixture
def audio_tools() -> None:
    require_audio_tools()


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str) -> Settings:
    return make_settings(tmp_path / "data", sqlite_url, GESI_TTS_ENGINES="espeak")


def item_controls(page: str) -> list[str]:
    """The src of every Listen button beside a text (not the page's own control)."""
    return [src for src, _name in AUDIO_SRC.findall(page)] + [
        src for src, _name, _choice in CHOICE_SRC.findall(page)
    ]


def page_control(page: str) -> tuple[str, str] | None:
    found = PAGE_SRC.findall(page)
    assert len(found) <= 1
    return (html_lib.unescape(found[0][0]), found[0][1]) if found else None


def test_smoke(client: TestClient, settings: Settings) -> None:
    factories.seed(settings.database_url)
    page = client.get("/report/type", params={"lang": "en"}).text
    print(item_controls(page), page_control(page))
    answer(client, "type", {"type": "pengaduan"})
    page = client.get("/report/topic").text
    print(CHOICE_SRC.findall(page), page_control(page))
    src = page_control(page)[0]
    r = client.get(src)
    print(r.status_code, len(r.content), mp3_seconds(r.content))
    start = client.get("/report").text
    print(start[start.index("<main"):])
    assert False
