"""The engine chain with gTTS faked only at its network boundary (the requests transport it
sends through): one answer that fails, one canned answer (a real MP3 made with espeak-ng and
lame). espeak-ng and lame run for real."""

from __future__ import annotations

import json
import urllib.parse
from base64 import b64encode
from pathlib import Path

import pytest
import requests
from requests.adapters import HTTPAdapter

from gesi_app.audio.engines import Espeak, Gtts
from gesi_app.audio.service import AudioService, NotAPrompt
from gesi_app.settings import Settings
from tests.audio_support import espeak_mp3, mp3_seconds, require_audio_tools

pytestmark = pytest.mark.usefixtures("audio_tools")
QUESTION_EN = "What kind of report is it?"


@pytest.fixture
def audio_tools() -> None:
    require_audio_tools()


class FakeWeb:
    """Stands in for the web at requests' transport: records what gTTS sends, answers."""

    def __init__(self, status: int, body: bytes = b"") -> None:
        self.status, self.body = status, body
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, **_kw: object) -> requests.Response:
        self.sent.append(request)
        response = requests.Response()
        response.status_code = self.status
        response.reason = "OK" if self.status == 200 else "Service Unavailable"
        response.request, response.url = request, request.url or ""
        response._content, response._content_consumed = self.body, True  # type: ignore[attr-defined]
        return response

    def texts(self) -> list[str]:
        """The texts gTTS sent, out of its form-encoded RPC envelope."""
        found = []
        for request in self.sent:
            body = request.body if isinstance(request.body, str) else (request.body or b"").decode()
            rpc = json.loads(urllib.parse.unquote(body.removeprefix("f.req=").rstrip("&")))
            found.append(json.loads(rpc[0][0][1])[0])
        return found


def canned_answer(mp3: bytes) -> bytes:
    """The batchexecute answer of Google Translate's voice, as gTTS parses it."""
    payload = json.dumps(
        [["wrb.fr", "jQ1olc", f'["{b64encode(mp3).decode()}"]', None]], separators=(",", ":")
    )
    return f")]}}'\n\n{len(payload)}\n{payload}\n".encode()


@pytest.fixture
def service(tmp_path: Path) -> AudioService:
    settings = Settings.from_env(
        {"GESI_DATA_DIR": str(tmp_path), "GESI_SECRET_KEY": "k" * 40, "GESI_TTS_TIMEOUT": "2"}
    )
    return AudioService(settings)


def key_of(service: AudioService, text: str) -> tuple[str, str]:
    return "en", service.key("en", text)


def test_a_failing_answer_falls_back_to_espeak_and_rests_the_web_voice(
    service: AudioService, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = FakeWeb(503)
    monkeypatch.setattr(HTTPAdapter, "send", web.send)
    mp3, index = service.synthesise("en", QUESTION_EN, service.engines)
    assert [e.name for e in service.engines] == ["gtts", "espeak"]
    assert index == 1
    assert mp3_seconds(mp3) > 0.5
    assert web.texts() == [QUESTION_EN]
    assert web.sent[0].url and web.sent[0].url.startswith("https://translate.google.com/")
    # Resting: the next prompt goes straight to espeak-ng, without waiting on the web again.
    service.synthesise("en", "Choose one.", service.engines)
    assert len(web.sent) == 1


def test_a_canned_answer_is_decoded_and_kept_then_a_fallback_is_tried_again(
    service: AudioService, monkeypatch: pytest.MonkeyPatch
) -> None:
    lang, key = key_of(service, QUESTION_EN)
    monkeypatch.setattr(HTTPAdapter, "send", FakeWeb(503).send)
    first = service.build(only={(lang, key)})
    assert (first.made, first.by_engine) == (1, {"espeak": 1})
    assert service.path(lang, key).with_suffix(".fallback").exists()

    canned = espeak_mp3("This came from the web voice.", "en")
    web = FakeWeb(200, canned_answer(canned))
    monkeypatch.setattr(HTTPAdapter, "send", web.send)
    service.engines = (Gtts(timeout=2), Espeak())  # a new process: the web voice is not resting
    second = service.build(only={(lang, key)})
    assert (second.made, second.by_engine) == (1, {"gtts": 1})
    assert web.texts() == [QUESTION_EN]
    stored = service.path(lang, key).read_bytes()
    assert stored != canned  # decoded and encoded again in our one format
    assert mp3_seconds(stored) == pytest.approx(mp3_seconds(canned), abs=0.15)
    assert not service.path(lang, key).with_suffix(".fallback").exists()
    third = service.build(only={(lang, key)})
    assert (third.made, third.kept, len(web.sent)) == (0, 1, 1)


def test_a_citizens_text_never_reaches_any_engine(
    service: AudioService, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = FakeWeb(200, canned_answer(espeak_mp3("x", "en")))
    monkeypatch.setattr(HTTPAdapter, "send", web.send)
    with pytest.raises(NotAPrompt):
        service.synthesise(
            "en", "My neighbour Budi at Jalan Melati 4 is selling drugs", service.engines
        )
    assert service.url("en", "My neighbour Budi at Jalan Melati 4") is None
    assert web.sent == []


def test_the_answer_that_is_not_audio_counts_as_a_failure(
    service: AudioService, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = FakeWeb(200, canned_answer(b"this is not an mp3 at all"))
    monkeypatch.setattr(HTTPAdapter, "send", web.send)
    _mp3, index = service.synthesise("en", QUESTION_EN, service.engines)
    assert index == 1
