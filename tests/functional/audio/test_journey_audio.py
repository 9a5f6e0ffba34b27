"""Every prompt on every journey page has audio that is served: the report journey (each
question empty, with its error, answered), check your answers, the confirmation, and the
tracking pages, in both languages."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
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
from tests.functional.reports.journey_helpers import ANSWERS, send

pytestmark = pytest.mark.usefixtures("audio_tools")

PAGE_NAME = {"id": "Dengarkan halaman ini", "en": "Listen to this page"}


@pytest.fixture
def audio_tools() -> None:
    require_audio_tools()


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str) -> Settings:
    # Audio does not depend on the database, so SQLite only. Offline: the web voice is left
    # out of the chain so nothing waits on its timeout.
    return make_settings(tmp_path / "data", sqlite_url, GESI_TTS_ENGINES="espeak")


def controls(page: str) -> list[tuple[str, str]]:
    found = [(html_lib.unescape(src), label) for src, label in AUDIO_SRC.findall(page)]
    return found + [(src, label) for src, label, _choice in choices(page)]


def choices(page: str) -> list[tuple[str, str, str]]:
    """(src, name, choice) of each choice's Listen control."""
    return [(html_lib.unescape(s), n, html_lib.unescape(c)) for s, n, c in CHOICE_SRC.findall(page)]


def choice_labels(page: str) -> list[str]:
    """The visible labels of the radios and checkboxes on the page."""
    found = re.findall(r'<label class="choice-label" for="[^"]+">([^<]+)</label>', page)
    return [html_lib.unescape(label) for label in found]


# Choices whose words are data (place names from the regions data), not our prompts. Only
# the choices in our own words there ("I don't know") are spoken. Topic names are ours
# (seeded or set by an admin): spoken from their rows (audio/names.py).
DATA_CHOICES = {"where", "village"}
# The question pages, each with one "Listen to this page" control; the tracking start page
# asks one question (the code) and has one too.
QUESTION_PAGES = {slug for slug, _data in ANSWERS} | {"track"}


def journey_pages(client: TestClient, lang: str, easy: bool) -> Iterator[tuple[str, str]]:
    """(where, html) of every page a reporter meets, empty, with errors and answered."""
    client.cookies.clear()
    if easy:  # easy read: its own texts, each with its audio
        client.cookies.set(PREFS_COOKIE, "easy:1")
    client.get("/", params={"lang": lang})
    for slug, data in ANSWERS:
        page = client.get(f"/report/{slug}")
        assert page.status_code == 200, slug
        yield slug, page.text
        token = form_token(page.text)
        if slug != "evidence":  # evidence has no required answer
            empty = client.post(
                f"/report/{slug}", data={"csrftoken": token}, follow_redirects=False
            )
            if empty.status_code != 303:
                yield f"{slug} with errors", empty.text
        sent = client.post(
            f"/report/{slug}", data={"csrftoken": token, **data}, follow_redirects=False
        )
        assert sent.status_code == 303, slug
    check = client.get("/report/check")
    yield "check", check.text
    done = send(client)
    assert done.status_code == 303
    confirmation = client.get(done.headers["location"])
    yield "done", confirmation.text
    code = confirmation.text.split('class="tracking-code"', 1)[1].split(">", 1)[1].split("<", 1)[0]
    track = client.get("/track")
    yield "track", track.text
    empty = client.post("/track", data={"csrftoken": form_token(track.text)})
    yield "track with errors", empty.text
    pin = confirmation.text.split('aria-describedby="pin-spelled">', 1)[1][:6]
    client.post("/track", data={"csrftoken": form_token(track.text), "code": code, "pin": pin})
    yield "report page", client.get(f"/track/{code}").text


@pytest.mark.parametrize("easy", [False, True], ids=["plain", "easy-read"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_prompt_on_the_journey_is_in_the_build_and_is_served(
    client: TestClient, settings: Settings, lang: str, easy: bool
) -> None:
    factories.seed(settings.database_url)
    service: AudioService = app_state(client.app).resource(AudioService)  # type: ignore[arg-type]
    built = set(service.prompts(lang))  # exactly the keys 'gesi-app audio build' makes
    urls: dict[str, str] = {}
    chosen = 0
    for where, page in journey_pages(client, lang, easy):
        if where in ("title", "evidence", "report page"):
            assert ("megaphone.svg" in page or 'class="pictogram"' in page) == easy, where
        found = controls(page)
        assert found, f"{where}: no audio prompt"
        page_controls = [label for _src, label in found if label == PAGE_NAME[lang]]
        assert len(page_controls) == (where.split(" ")[0] in QUESTION_PAGES), where
        if "with errors" in where:
            assert any("error" in label.lower() or "kesalahan" in label for _, label in found), (
                where
            )
        for src, _label in found:
            urls.setdefault(src, where)
        # Every radio and checkbox of our own words has its Listen control, named for it.
        labels = choice_labels(page)
        spoken = [choice for _src, _name, choice in choices(page)]
        if where.split(" ")[0] in DATA_CHOICES:
            assert set(spoken) <= set(labels), where
        else:
            assert spoken == labels, where
        chosen += len(spoken)
    assert len(urls) > 40
    assert chosen > 20
    dated: list[str] = []
    for src, where in urls.items():
        prefix, name = src.rsplit("/", 1)
        if prefix == f"/audio/dated/{lang}":
            dated.append(src)  # a deadline with its day: made on first need
        else:
            assert prefix == f"/audio/{lang}", (where, src)
            keys = name.removesuffix(".mp3").split("-")
            # A topic's name ("t{id}_{key}") is checked against its row by the route.
            names = {key for key in keys if key.startswith("t")}
            assert set(keys) - names <= built, f"{where}: {src} is not in the build"
            assert not names or where.startswith(("topic", "subtopic")), (where, src)
        response = client.get(src)
        assert response.status_code == 200, (where, src)
        assert response.headers["content-type"] == "audio/mpeg"
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert mp3_seconds(response.content) > 0.3, (where, src)
    assert len(dated) == 1  # the report page's "checked within N working days, by <day>"
