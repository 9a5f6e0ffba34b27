"""The foundation pages through the full app, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from tests.conftest import form_token


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match
    return match.group(1)


@pytest.mark.parametrize(
    ("path", "lang", "expected_title", "h1"),
    [
        ("/", "id", "Sampaikan suara Anda – Suara", "Sampaikan suara Anda"),
        ("/", "en", "Make your voice heard – Suara", "Make your voice heard"),
        ("/help", "id", "Bantuan dan kontak – Suara", "Bantuan dan kontak"),
        ("/help", "en", "Help and contact – Suara", "Help and contact"),
        ("/preferences", "id", "Pengaturan tampilan – Suara", "Pengaturan tampilan"),
        ("/preferences", "en", "Display settings – Suara", "Display settings"),
    ],
)
def test_page_in_each_language(
    client: TestClient, path: str, lang: str, expected_title: str, h1: str
) -> None:
    response = client.get(path, params={"lang": lang})
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.text
    assert title(response.text) == expected_title
    assert response.text.count("<h1") == 1
    assert f">{h1}</h1>" in response.text or f">{h1}</label></h1>" in response.text


def test_home_links_to_the_five_journeys(client: TestClient) -> None:
    html = client.get("/").text
    for href in ("/report", "/forums", "/track", "/reports", "/stats"):
        assert f'<a href="{href}">' in html


def test_layout_landmarks_and_skip_link_come_first(client: TestClient) -> None:
    html = client.get("/").text
    body = html[html.index("<body>") :]
    first_link = re.search(r"<a [^>]*>", body)
    assert first_link and 'class="skip-link" href="#main"' in first_link.group(0)
    assert '<main id="main" tabindex="-1">' in html
    assert '<nav class="lang-nav" aria-label="Bahasa">' in html
    assert '<div id="live-status" class="status-region" role="status"></div>' in html
    assert '<a href="/help">Bantuan dan kontak</a>' in html


def test_language_choice_is_remembered_in_a_cookie(client: TestClient) -> None:
    response = client.get("/", params={"lang": "en"})
    assert "suara_lang=en" in response.headers["set-cookie"]
    again = client.get("/")
    assert '<html lang="en"' in again.text
    switch = re.search(
        r'<a href="([^"]+)" hreflang="id" lang="id">Bahasa Indonesia</a>', again.text
    )
    assert switch and switch.group(1) == "/?lang=id"


@pytest.mark.parametrize(
    ("accept", "lang"),
    [
        ("en-GB,en;q=0.9", "en"),
        ("id-ID,id;q=0.9,en;q=0.5", "id"),
        ("fr-FR", "id"),
        ("in-ID", "id"),
        ("", "id"),
    ],
)
def test_accept_language_chooses_when_no_cookie(client: TestClient, accept: str, lang: str) -> None:
    response = client.get("/", headers={"Accept-Language": accept})
    assert f'<html lang="{lang}"' in response.text
    assert "Accept-Language" in response.headers["vary"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/does-not-exist", "/healthz", "/static/css/suara.css"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp and "style-src 'self'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_no_inline_script_or_style_anywhere(client: TestClient) -> None:
    for path in ("/", "/help", "/preferences", "/nope"):
        html = client.get(path).text
        assert re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html) is None
        assert "<style" not in html and " style=" not in html


@pytest.mark.parametrize(
    ("lang", "heading"), [("id", "Halaman tidak ditemukan"), ("en", "Page not found")]
)
def test_not_found_page(client: TestClient, lang: str, heading: str) -> None:
    response = client.get("/no/such/page", params={"lang": lang})
    assert response.status_code == 404
    assert f"<h1>{heading}</h1>" in response.text
    assert title(response.text) == f"{heading} – Suara"


def test_method_not_allowed_is_a_page(client: TestClient) -> None:
    token = form_token(client.get("/preferences").text)  # passes the CSRF check, then 405
    response = client.request("DELETE", "/", data={"csrftoken": token})
    assert response.status_code == 405
    assert "<h1>Anda tidak bisa melakukan itu di sini</h1>" in response.text


def test_server_error_page_is_translated_and_keeps_headers(client: TestClient) -> None:
    async def boom(_request: object) -> None:
        raise RuntimeError("secret detail 4711")

    client.app.add_route("/boom", boom)  # type: ignore[attr-defined]
    response = client.get("/boom", params={"lang": "en"})
    assert response.status_code == 500
    assert "<h1>Something went wrong on our side</h1>" in response.text
    assert "4711" not in response.text
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_healthz_checks_the_database(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_static_files_with_hash_are_immutable(client: TestClient) -> None:
    html = client.get("/").text
    css = re.search(r'href="(/static/css/suara\.css\?v=[0-9a-f]{12})"', html)
    assert css
    response = client.get(css.group(1))
    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]
    assert client.get("/static/nope.css").status_code == 404


def test_the_site_icon_is_linked_and_served_at_favicon_ico(client: TestClient) -> None:
    html = client.get("/").text
    linked = re.search(r'<link rel="icon" href="(/static/img/favicon\.ico\?v=[0-9a-f]{12})"', html)
    assert linked, "the layout links no icon"
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.headers["content-type"] == "image/x-icon"
    assert icon.headers["cache-control"] == "public, max-age=86400"
    assert icon.content[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    assert client.get(linked.group(1)).content == icon.content


def test_htmx_loads_only_where_a_page_uses_it(client: TestClient) -> None:
    for path in ("/", "/report", "/help", "/preferences"):
        assert "htmx" not in client.get(path).text
        assert '<script src="/static/js/suara.js?v=' in client.get(path).text


def test_htmx_is_deferred_and_optional(client: TestClient) -> None:
    html = client.get("/reports").text
    assert re.search(
        r'<script src="/static/vendor/htmx-2\.0\.11\.min\.js\?v=[0-9a-f]+" defer></script>', html
    )
    assert "hx-boost" not in html
