"""Request bodies are bounded before anything reads them: 413 with a translated page, nothing
read past the limit, nothing stored; the routes that take files take more than a form."""

from __future__ import annotations

import asyncio
import io
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from itsdangerous import URLSafeSerializer
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.applications import Starlette
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.reports.models import Attachment, Draft
from gesi_app.settings import Settings
from gesi_app.web.csrf import SIGNING_NAMESPACE
from gesi_app.web.state import app_state
from tests import factories
from tests.conftest import form_token, make_settings
from tests.forums_support import add_forum, agenda_ids, forum_team
from tests.functional.reports.journey_helpers import ANSWERS, answer
from tests.staff_support import summary, token

FORM_LIMIT = 256 * 1024  # GESI_MAX_FORM_KB's default
TITLES = {"id": "Kiriman Anda terlalu besar", "en": "What you sent is too large"}
URLENCODED = (b"content-type", b"application/x-www-form-urlencoded")
UNSIGNED = "anything"  # a CSRF cookie and field that match but that the app never signed


def title(html: str) -> str:
    found = re.search(r"<title>(.*?) – Suara</title>", html)
    assert found, html[:300]
    return found.group(1)


def rows(database_url: str) -> tuple[int, int]:
    """(drafts, attachments): what a handler that ran would have stored."""

    async def work(session: AsyncSession) -> tuple[int, int]:
        drafts = await session.scalar(select(func.count(Draft.id)))
        files = await session.scalar(select(func.count(Attachment.id)))
        return int(drafts or 0), int(files or 0)

    counted: tuple[int, int] = factories.run(database_url, work)
    return counted


class Sent:
    """What the app answered to one ASGI call, and how much of the body it took."""

    def __init__(self) -> None:
        self.status = 0
        self.headers: dict[bytes, bytes] = {}
        self.body = b""
        self.chunks_read = 0


def call(
    app: Starlette,
    path: str,
    headers: list[tuple[bytes, bytes]],
    chunks: Iterator[bytes],
    token: str = UNSIGNED,
) -> Sent:
    """One POST straight through the app's ASGI interface, as a server would pass it on:
    the body comes in the given chunks, and we count how many the app asked for."""
    sent = Sent()
    path, _, query = path.partition("?")
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [
            (b"host", b"testserver"),
            (b"cookie", f"suara_csrf={token}".encode()),
            *headers,
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    pending = list(chunks)

    async def receive() -> dict[str, Any]:
        if not pending:
            return {"type": "http.disconnect"}
        sent.chunks_read += 1
        chunk = pending.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(pending)}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            sent.status = message["status"]
            sent.headers = dict(message.get("headers", []))
        elif message["type"] == "http.response.body":
            sent.body += message.get("body", b"")

    async def go() -> None:
        try:
            await app(scope, receive, send)
        finally:
            await app_state(app).engine.dispose()

    asyncio.run(go())
    return sent


def csrf_token(app: Starlette) -> str:
    """A token as the app signs it (cookie and form field carry the same value)."""
    signer = URLSafeSerializer(app_state(app).settings.secret_key)
    return str(signer.dumps("body-limit", salt=SIGNING_NAMESPACE))


def form_body(size: int, token: str = UNSIGNED) -> bytes:
    """A urlencoded journey answer of ``size`` bytes, its CSRF token first as our forms send it."""
    head = f"csrftoken={token}&type=pengaduan&padding=".encode()
    return head + b"a" * (size - len(head))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_body_declared_too_large_is_refused_before_one_byte_is_read(
    app: Starlette, database_url: str, lang: str
) -> None:
    body = form_body(FORM_LIMIT + 1)
    length = (b"content-length", str(len(body)).encode())
    sent = call(app, f"/report/type?lang={lang}", [URLENCODED, length], iter([body]))
    assert sent.status == 413
    assert sent.chunks_read == 0
    html = sent.body.decode()
    assert title(html) == TITLES[lang]
    assert f'<html lang="{lang}"' in html
    assert sent.headers[b"connection"] == b"close"
    assert b"content-security-policy" in sent.headers
    assert rows(database_url) == (0, 0)


def test_the_413_page_in_the_browsers_language(client: TestClient, database_url: str) -> None:
    refused = client.post(
        "/track",
        content=form_body(FORM_LIMIT + 1),
        headers={"content-type": "application/x-www-form-urlencoded", "accept-language": "en"},
    )
    assert refused.status_code == 413
    assert title(refused.text) == TITLES["en"]
    assert "Make your text shorter or choose a smaller file" in refused.text
    assert refused.headers["x-frame-options"] == "DENY"
    indonesian = client.post(
        "/track", content=form_body(FORM_LIMIT * 4), headers={"content-type": "text/plain"}
    )
    assert indonesian.status_code == 413
    assert title(indonesian.text) == TITLES["id"]
    assert rows(database_url) == (0, 0)


def test_a_valid_form_over_the_limit_never_reaches_its_handler(
    client: TestClient, database_url: str
) -> None:
    """With a good CSRF token, the same answer starts a draft; with too much beside it, the
    handler never runs."""
    page = client.get("/report/type?lang=en")
    data = {"csrftoken": form_token(page.text), "type": "pengaduan"}
    refused = client.post(
        "/report/type", data={**data, "padding": "a" * FORM_LIMIT}, follow_redirects=False
    )
    assert refused.status_code == 413
    assert rows(database_url) == (0, 0)
    taken = client.post("/report/type", data=data, follow_redirects=False)
    assert taken.status_code == 303
    assert rows(database_url) == (1, 0)


def test_a_chunked_body_is_counted_and_refused_at_the_limit(
    app: Starlette, database_url: str
) -> None:
    chunk = 64 * 1024
    token = csrf_token(app)  # a good token first: the CSRF check passes, the handler reads
    body = form_body(100 * chunk, token)
    pieces = iter([body[i : i + chunk] for i in range(0, len(body), chunk)])
    sent = call(app, "/report/type?lang=en", [URLENCODED], pieces, token)
    assert sent.status == 413
    assert title(sent.body.decode()) == TITLES["en"]
    assert sent.chunks_read == FORM_LIMIT // chunk + 1  # stopped at the first chunk past it
    assert rows(database_url) == (0, 0)


def test_a_form_just_under_the_limit_reaches_its_page(client: TestClient) -> None:
    """The limit sits above the longest form: 20,000 characters of 4 bytes, URL-encoded
    (240,000 bytes; a transcript takes at most 10,000), still get the page's own message."""
    page = client.get("/report/type?lang=en")
    sent = client.post(
        "/report/type?lang=en",
        data={"csrftoken": form_token(page.text), "type": "\U0001f600" * 20_000},
        follow_redirects=False,
    )
    assert sent.status_code == 400
    assert list(summary(sent.text)) == ["type"]


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


def _reach(client: TestClient, step: str) -> None:
    for slug, data in ANSWERS:
        if slug == step:
            return
        assert answer(client, slug, data).status_code == 303, slug


def noisy_jpeg(at_least: int) -> bytes:
    """A photo that does not compress: larger than a form may be."""
    rng = random.Random(7)
    side = 600
    image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    assert len(data) > at_least
    return data


def test_an_upload_above_the_form_limit_is_taken(
    client: TestClient, seeded: str, settings: Settings
) -> None:
    _reach(client, "evidence")
    photo = noisy_jpeg(FORM_LIMIT + 1)
    page = client.get("/report/evidence")
    sent = client.post(
        "/report/evidence",
        data={
            "csrftoken": form_token(page.text),
            "action": "upload",
            "evidence_description": "Lubang di jalan",
        },
        files={"evidence_file": ("jalan.jpg", photo, "image/jpeg")},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert rows(seeded)[1] == 1


NOT_SOUND = b"%PDF-1.4 " + b"x" * (FORM_LIMIT + 1)
SOUND_MESSAGE = (
    "The recording must be a sound file (Ogg, WebM, MP4, M4A, MP3 or WAV) or a video (WebM or MP4)"
)


def test_the_journeys_recording_takes_more_than_a_form(client: TestClient, seeded: str) -> None:
    """A large file on an upload route gets the route's own message, not a 413."""
    _reach(client, "details")
    page = client.get("/report/details?lang=en")
    details = client.post(
        "/report/details?lang=en",
        data={"csrftoken": form_token(page.text), "details": ""},
        files={"recording": ("suara.ogg", NOT_SOUND, "audio/ogg")},
        follow_redirects=False,
    )
    assert details.status_code == 400
    assert summary(details.text) == {"recording": SOUND_MESSAGE}


def test_a_forums_voice_input_takes_more_than_a_form(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}"
    csrf = token(client)
    client.post(f"{url}/join", data={"csrftoken": csrf})
    item = agenda_ids(client.get(url).text)[0]
    voice = client.post(
        f"{url}/voice?lang=en",
        data={"csrftoken": csrf, "agenda_item": item},
        files={"recording": ("suara.ogg", NOT_SOUND, "audio/ogg")},
        follow_redirects=False,
    )
    assert voice.status_code == 400
    assert summary(voice.text) == {"recording": SOUND_MESSAGE}


def test_the_limits_come_from_the_settings(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(
        tmp_path / "data", database_url, GESI_MAX_FORM_KB="1", GESI_MAX_UPLOAD_MB="1"
    )
    app = create_app(settings)
    small = form_body(2 * 1024)
    length = (b"content-length", str(len(small)).encode())
    assert call(app, "/track", [URLENCODED, length], iter([small])).status == 413
    big = b"x" * (1024 * 1024 + 1)
    multipart = (b"content-type", b"multipart/form-data; boundary=x")
    length = (b"content-length", str(len(big)).encode())
    sent = call(create_app(settings), "/report/evidence", [multipart, length], iter([big]))
    assert (sent.status, sent.chunks_read) == (413, 0)
