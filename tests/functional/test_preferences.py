"""Display preferences: saved in a cookie, applied on the server, validated like any form."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from tests.conftest import form_token


def html_tag(html: str) -> str:
    match = re.search(r"<html[^>]*>", html)
    assert match
    return match.group(0)


def test_saving_preferences_applies_them_without_javascript(client: TestClient) -> None:
    token = form_token(client.get("/preferences").text)
    response = client.post(
        "/preferences",
        data={
            "csrftoken": token,
            "text_size": "largest",
            "display": ["high_contrast", "easy_read"],
            "audio_autoplay": "on",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].endswith("/preferences?saved=1")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    page = client.get("/preferences?saved=1").text
    assert html_tag(page) == '<html lang="id" class="text-largest high-contrast easy-read">'
    assert "Pengaturan Anda sudah disimpan" in page
    assert re.search(
        r'id="text_size-3" name="text_size" type="radio" value="largest" checked', page
    )
    assert re.search(r'value="high_contrast" checked', page)
    assert re.search(r'value="easy_read" checked', page)
    assert not re.search(r'value="reduce_motion" checked', page)
    assert re.search(r'value="on" checked', page)
    # Other pages use them too.
    assert (
        html_tag(client.get("/").text)
        == '<html lang="id" class="text-largest high-contrast easy-read">'
    )


@pytest.mark.parametrize(
    ("form", "lang", "messages"),
    [
        (
            {},
            "id",
            {
                "text_size": "Pilih ukuran teks",
                "audio_autoplay": "Pilih apakah suara diputar sendiri",
            },
        ),
        (
            {},
            "en",
            {
                "text_size": "Choose a text size",
                "audio_autoplay": "Choose whether audio plays by itself",
            },
        ),
        ({"text_size": "huge", "audio_autoplay": "on"}, "en", {"text_size": "Choose a text size"}),
        (
            {"text_size": "large", "audio_autoplay": "maybe"},
            "id",
            {"audio_autoplay": "Pilih apakah suara diputar sendiri"},
        ),
    ],
)
def test_bad_preferences_show_errors_and_change_nothing(
    client: TestClient, form: dict[str, str], lang: str, messages: dict[str, str]
) -> None:
    page = client.get("/preferences", params={"lang": lang}).text
    response = client.post("/preferences", data={"csrftoken": form_token(page), **form})
    assert response.status_code == 400
    assert "suara_prefs" not in response.headers.get("set-cookie", "")
    prefix = "Kesalahan:" if lang == "id" else "Error:"
    assert re.search(r"<title>(.*?)</title>", response.text).group(1).startswith(prefix)  # type: ignore[union-attr]
    summary = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', response.text)
    assert dict(summary) == messages
    for field, message in messages.items():
        assert f'id="{field}-error"' in response.text
        assert message in response.text
        assert f'aria-describedby="{field}-error"' in response.text
    # What was chosen stays chosen.
    if form.get("text_size") == "large":
        assert re.search(r'value="large" checked', response.text)


def test_post_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/preferences")
    response = client.post("/preferences", data={"text_size": "large", "audio_autoplay": "off"})
    assert response.status_code == 403
    assert "<h1>Anda tidak bisa melakukan itu di sini</h1>" in response.text
    assert "suara_prefs" not in response.headers.get("set-cookie", "")


def test_a_tampered_cookie_falls_back_to_defaults(client: TestClient) -> None:
    client.cookies.set("suara_prefs", "text:giant|contrast:yes|<script>")
    assert html_tag(client.get("/").text) == '<html lang="id" class="text-normal">'
