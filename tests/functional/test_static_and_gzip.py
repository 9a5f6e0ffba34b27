"""Static files precompressed (brotli, gzip) with a year's cache on hashed URLs and a Vary on
Accept-Encoding only; HTML pages over 1 KB gzipped; the icon at /favicon.ico."""

from __future__ import annotations

import gzip
import re

import brotli
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.testclient import TestClient

from gesi_app.web.templating import STATIC_DIR

IMMUTABLE = "public, max-age=31536000, immutable"


def hashed_url(client: TestClient, name: str) -> str:
    html = client.get("/reports").text  # the page that loads htmx too
    found = re.search(rf'"(/static/{re.escape(name)}\?v=[0-9a-f]{{12}})"', html)
    assert found, name
    return found.group(1)


def raw(
    client: TestClient, url: str, encoding: str, **headers: str
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and the body as sent (not decoded by the client)."""
    with client.stream("GET", url, headers={"accept-encoding": encoding, **headers}) as response:
        body = b"".join(response.iter_raw())
        return response.status_code, dict(response.headers), body


@pytest.mark.parametrize(
    ("accept", "encoding", "decode"),
    [
        ("gzip, deflate, br", "br", brotli.decompress),
        ("br;q=0, gzip", "gzip", gzip.decompress),
        ("gzip", "gzip", gzip.decompress),
    ],
)
@pytest.mark.parametrize("name", ["css/suara.css", "vendor/htmx-2.0.11.min.js"])
def test_static_text_is_sent_compressed_and_cached_for_a_year(
    client: TestClient, name: str, accept: str, encoding: str, decode: object
) -> None:
    url = hashed_url(client, name)
    status, headers, body = raw(client, url, accept, cookie="suara_lang=en")
    original = (STATIC_DIR / name).read_bytes()
    assert status == 200
    assert headers["content-encoding"] == encoding
    assert decode(body) == original  # type: ignore[operator]
    assert len(body) < len(original) / 2
    assert int(headers["content-length"]) == len(body)
    assert headers["cache-control"] == IMMUTABLE
    assert headers["vary"] == "Accept-Encoding"  # never Cookie or Accept-Language
    assert "set-cookie" not in headers


def test_static_text_without_accept_encoding_is_sent_as_it_is(client: TestClient) -> None:
    url = hashed_url(client, "css/suara.css")
    status, headers, body = raw(client, url, "identity")
    assert status == 200
    assert "content-encoding" not in headers
    assert body == (STATIC_DIR / "css/suara.css").read_bytes()
    assert headers["vary"] == "Accept-Encoding"
    assert headers["cache-control"] == IMMUTABLE


def test_a_file_of_a_few_hundred_bytes_is_sent_as_it_is(client: TestClient) -> None:
    url = hashed_url(client, "js/suara.js")
    status, headers, body = raw(client, url, "br, gzip")
    assert status == 200
    assert "content-encoding" not in headers
    assert body == (STATIC_DIR / "js/suara.js").read_bytes()
    assert headers["vary"] == "Accept-Encoding"


def test_a_static_url_without_its_hash_is_kept_an_hour(client: TestClient) -> None:
    status, headers, _ = raw(client, "/static/css/suara.css", "br")
    assert status == 200
    assert headers["cache-control"] == "public, max-age=3600"
    assert headers["vary"] == "Accept-Encoding"


def test_a_compressed_copy_has_its_own_etag_and_answers_304(client: TestClient) -> None:
    url = hashed_url(client, "css/suara.css")
    _, br_headers, _ = raw(client, url, "br")
    _, gz_headers, _ = raw(client, url, "gzip")
    _, plain_headers, _ = raw(client, url, "identity")
    tags = {br_headers["etag"], gz_headers["etag"], plain_headers["etag"]}
    assert len(tags) == 3
    status, headers, body = raw(client, url, "br", **{"if-none-match": br_headers["etag"]})
    assert (status, body) == (304, b"")
    assert headers["cache-control"] == IMMUTABLE
    status, _, body = raw(client, url, "gzip", **{"if-none-match": br_headers["etag"]})
    assert status == 200 and gzip.decompress(body) == (STATIC_DIR / "css/suara.css").read_bytes()


def test_a_range_of_a_static_file_is_sent_uncompressed(client: TestClient) -> None:
    status, headers, body = raw(client, "/static/css/suara.css", "br", range="bytes=0-9")
    assert status == 206
    assert "content-encoding" not in headers
    assert body == (STATIC_DIR / "css/suara.css").read_bytes()[:10]


def test_the_icon_at_favicon_ico(client: TestClient) -> None:
    original = (STATIC_DIR / "img/favicon.ico").read_bytes()
    for accept in ("br, gzip", "identity"):
        status, headers, body = raw(client, "/favicon.ico", accept)
        assert (status, body) == (200, original)  # PNGs inside: compressing gains nothing
        assert "content-encoding" not in headers
        assert headers["content-type"] == "image/x-icon"
        assert "cookie" not in headers.get("vary", "").lower()
        assert headers["cache-control"] == "public, max-age=86400"


@pytest.mark.parametrize("path", ["/", "/report/type", "/reports", "/no/such/page"])
def test_html_pages_over_1_kb_are_gzipped_and_otherwise_the_same(
    client: TestClient, path: str
) -> None:
    status, headers, body = raw(client, path, "gzip, br")
    plain_status, plain_headers, plain = raw(client, path, "identity")
    assert status == plain_status
    assert headers["content-encoding"] == "gzip"
    assert int(headers["content-length"]) == len(body)
    assert len(plain) > 1024
    # Each answer carries its own CSRF token: compare the pages without it.
    token = re.compile(rb'value="[^"]{20,}"')
    assert token.sub(b"", gzip.decompress(body)) == token.sub(b"", plain)
    assert "content-encoding" not in plain_headers
    for answer in (headers, plain_headers):
        assert "Accept-Encoding" in answer["vary"]
        assert "Accept-Language" in answer["vary"]


def test_small_pages_and_other_answers_are_not_compressed(app: Starlette) -> None:
    async def small(_request: Request) -> HTMLResponse:
        return HTMLResponse("<p>kecil</p>")

    app.add_route("/small", small)
    with TestClient(app) as client:
        status, headers, body = raw(client, "/small", "gzip")
        assert (status, body) == (200, b"<p>kecil</p>")
        assert "content-encoding" not in headers
        assert "Accept-Encoding" in headers["vary"]
        status, headers, body = raw(client, "/healthz", "gzip")
        assert status == 200 and body.startswith(b"{")
        assert "content-encoding" not in headers
