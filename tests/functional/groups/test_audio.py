"""Every prompt on the registration of a community group and on the directory has audio that
is in the build and is served: each question empty, with its errors, check your answers and
the confirmation; one "Listen to this page" on each question page."""

from __future__ import annotations

import html as html_lib
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app.audio.service import AudioService
from gesi_app.settings import Settings
from gesi_app.web.preferences import PREFS_COOKIE
from gesi_app.web.state import app_state
from tests.audio_support import AUDIO_SRC, mp3_seconds, require_audio_tools
from tests.conftest import form_token, make_settings
from tests.groups_support import ANSWERS, add_group, regions

PAGE_NAME = {"id": "Dengarkan halaman ini", "en": "Listen to this page"}
QUESTION_PAGES = {slug for slug, _data in ANSWERS} | {"start"}


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str) -> Settings:
    require_audio_tools()
    return make_settings(tmp_path / "data", sqlite_url, GESI_TTS_ENGINES="espeak")


def pages(client: TestClient, lang: str, easy: bool) -> Iterator[tuple[str, str]]:
    client.cookies.clear()
    if easy:
        client.cookies.set(PREFS_COOKIE, "easy:1")
    client.get("/", params={"lang": lang})
    yield "directory", client.get("/groups").text
    yield "start", client.get("/groups/register").text
    for slug, data in ANSWERS:
        page = client.get(f"/groups/register/{slug}")
        assert page.status_code == 200, slug
        yield slug, page.text
        token = form_token(page.text)
        empty = client.post(f"/groups/register/{slug}", data={"csrftoken": token})
        assert empty.status_code == 400, slug
        yield f"{slug} with errors", empty.text
        sent = client.post(
            f"/groups/register/{slug}", data={"csrftoken": token, **data}, follow_redirects=False
        )
        assert sent.status_code == 303, slug
    check = client.get("/groups/register/check")
    yield "check", check.text
    client.post("/groups/register/check", data={"csrftoken": form_token(check.text)})
    yield "done", client.get("/groups/register/done").text


@pytest.mark.parametrize(("lang", "easy"), [("id", False), ("en", True)])
def test_every_prompt_is_in_the_build_and_is_served(
    client: TestClient, settings: Settings, lang: str, easy: bool
) -> None:
    regions(settings.database_url)
    add_group(settings.database_url)
    service: AudioService = app_state(client.app).resource(AudioService)  # type: ignore[arg-type]
    built = set(service.prompts(lang))
    urls: dict[str, str] = {}
    for where, page in pages(client, lang, easy):
        found = [(html_lib.unescape(src), label) for src, label in AUDIO_SRC.findall(page)]
        assert found, f"{where}: no audio prompt"
        page_controls = [label for _src, label in found if label == PAGE_NAME[lang]]
        assert len(page_controls) == (where.split(" ")[0] in QUESTION_PAGES), where
        if "with errors" in where:
            assert any("error" in label.lower() or "kesalahan" in label for _, label in found), (
                where
            )
        for src, _label in found:
            urls.setdefault(src, where)
    assert len(urls) > 25
    for src, where in urls.items():
        prefix, name = src.rsplit("/", 1)
        assert prefix == f"/audio/{lang}", (where, src)
        assert set(name.removesuffix(".mp3").split("-")) <= built, f"{where}: {src} not built"
        response = client.get(src)
        assert response.status_code == 200, (where, src)
        assert mp3_seconds(response.content) > 0.3, (where, src)
