"""One CSRF check for every unsafe request, whatever the route and the body's content type."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import pytest
from itsdangerous import URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount, Route
from starlette.testclient import TestClient
from starlette.types import Message

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.app import create_app
from gesi_app.settings import Settings
from tests import factories
from tests.conftest import form_token
from tests.staff_support import make_team, sign_in, token

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
REFUSED = {
    "id": "<h1>Anda tidak bisa melakukan itu di sini</h1>",
    "en": "<h1>You cannot do that here</h1>",
}
_PARAM = re.compile(r"{(\w+)(?::(\w+))?}")


def _sample(path: str) -> str:
    """The path with every parameter filled in (numbers for int, a word otherwise)."""
    return _PARAM.sub(lambda m: "1" if m.group(2) == "int" else "ABCD-23", path)


def unsafe_requests(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every (method, path) of the route table that changes state, mounts included."""
    for route in routes:
        if isinstance(route, Mount):
            inner = list(route.routes or [])
            if inner:
                yield from unsafe_requests(inner, prefix + route.path)
            else:  # an app of its own (static files): every unsafe method
                for method in UNSAFE:
                    yield method, _sample(prefix + route.path + "/x")
        elif isinstance(route, Route):
            for method in sorted((route.methods or set()) & set(UNSAFE)):
                yield method, _sample(prefix + route.path)


def _send(
    client: TestClient, method: str, path: str, fields: dict[str, str], kind: str, lang: str
) -> tuple[int, str]:
    if kind == "multipart":
        response = client.request(
            method,
            path,
            params={"lang": lang},
            data=fields,
            files={"file": ("a.txt", b"hello", "text/plain")},
            follow_redirects=False,
        )
    else:
        response = client.request(
            method, path, params={"lang": lang}, data=fields, follow_redirects=False
        )
    return response.status_code, response.text


def test_the_walk_sees_the_whole_route_table(app: Starlette) -> None:
    found = set(unsafe_requests(app.routes))
    assert ("POST", "/staff/users/1") in found
    assert ("POST", "/report/ABCD-23") in found
    assert ("DELETE", "/static/x") in found
    assert len(found) > 55


@pytest.mark.parametrize("kind", ["urlencoded", "multipart"])
def test_every_unsafe_route_refuses_a_missing_or_wrong_token(
    client: TestClient, settings: Settings, kind: str
) -> None:
    with TestClient(create_app(settings)) as other:
        foreign = form_token(other.get("/preferences").text)  # signed, but not this browser's
    mine = form_token(client.get("/preferences").text)
    assert foreign != mine
    for method, path in unsafe_requests(client.app.routes):  # type: ignore[attr-defined]
        for fields in ({"note": "x"}, {"csrftoken": foreign}, {"csrftoken": "abc.def"}):
            for lang, heading in REFUSED.items():
                status, page = _send(client, method, path, fields, kind, lang)
                assert status == 403, (method, path, fields, kind)
                assert heading in page, (method, path, lang)
                assert 'lang="' + lang in page


@pytest.mark.parametrize("kind", ["urlencoded", "multipart"])
def test_every_unsafe_route_lets_the_right_token_through(client: TestClient, kind: str) -> None:
    mine = form_token(client.get("/preferences").text)
    for method, path in unsafe_requests(client.app.routes):  # type: ignore[attr-defined]
        status, page = _send(client, method, path, {"csrftoken": mine}, kind, "en")
        assert status != 403, (method, path, kind, page[:200])


def test_a_body_the_check_cannot_read_is_refused(client: TestClient) -> None:
    mine = form_token(client.get("/preferences").text)
    bodies = [
        ("application/json", f'{{"csrftoken": "{mine}"}}'),
        ("text/plain", f"csrftoken={mine}"),
        (None, f"csrftoken={mine}"),
        ("multipart/form-data", f"csrftoken={mine}"),  # no boundary
    ]
    for content_type, body in bodies:
        headers = {"content-type": content_type} if content_type else {}
        response = client.post("/preferences", content=body.encode(), headers=headers)
        assert response.status_code == 403, content_type


def test_a_request_without_the_cookie_is_refused(client: TestClient, settings: Settings) -> None:
    with TestClient(create_app(settings)) as other:
        borrowed = form_token(other.get("/preferences").text)
    client.cookies.clear()
    response = client.post("/preferences", data={"csrftoken": borrowed, "text_size": "large"})
    assert response.status_code == 403


def test_a_file_sent_before_the_token_is_refused_and_the_token_after_fields_passes(
    client: TestClient,
) -> None:
    mine = form_token(client.get("/preferences").text)
    boundary = "b0undary"

    def part(name: str, value: str, filename: str | None = None) -> str:
        extra = f'; filename="{filename}"' if filename else ""
        return (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"{extra}\r\n\r\n'
            f"{value}\r\n"
        )

    headers = {"content-type": f"multipart/form-data; boundary={boundary}"}
    file_first = part("f", "data", "a.txt") + part("csrftoken", mine) + f"--{boundary}--\r\n"
    refused = client.post("/preferences", content=file_first.encode(), headers=headers)
    assert refused.status_code == 403
    late = part("text_size", "large") + part("csrftoken", mine) + f"--{boundary}--\r\n"
    passed = client.post(
        "/preferences", content=late.encode(), headers=headers, follow_redirects=False
    )
    assert passed.status_code != 403


def test_the_token_reaches_the_handler_with_the_whole_body(client: TestClient) -> None:
    """The check reads the body only up to the token; the handler still reads all of it."""
    mine = form_token(client.get("/preferences").text)
    long_text = "x" * 200_000
    response = client.post(
        "/preferences",
        data={
            "csrftoken": mine,
            "padding": long_text,
            "text_size": "largest",
            "display": ["high_contrast", "easy_read"],
            "audio_autoplay": "on",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert re.search(r'value="largest"[^>]*checked', client.get("/preferences").text)


def test_a_signed_in_admin_cannot_be_made_to_promote_another_user(
    client: TestClient, database_url: str
) -> None:
    """The issue's attack: a multipart post without a token, riding the admin's session."""
    team = make_team(database_url)
    sign_in(client, "admin")
    target = team.ids["verifikator"]
    attack = client.post(
        f"/staff/users/{target}",
        data={"role": "admin", "agency": "", "active": "yes"},
        files={"x": ("x.txt", b"", "text/plain")},
        follow_redirects=False,
    )
    assert attack.status_code == 403
    # The same form with the admin's own token does change the role: the route works.
    allowed = client.post(
        f"/staff/users/{target}",
        data={"csrftoken": token(client), "role": "verifier", "agency": "", "active": "yes"},
        follow_redirects=False,
    )
    assert allowed.status_code == 303

    async def role_of(session: AsyncSession) -> Role:
        user = (await session.execute(select(StaffUser).where(StaffUser.id == target))).scalar_one()
        return user.role

    assert factories.run(database_url, role_of) == Role.VERIFIER


def _asgi_post(app: Starlette, cookie: str, chunks: list[bytes | None]) -> list[Message]:
    """Post straight to the ASGI app, the body in ``chunks`` (None: the client disconnects)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/preferences",
        "raw_path": b"/preferences",
        "query_string": b"lang=en",
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"cookie", f"suara_csrf={cookie}".encode()),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    messages: list[Message] = [
        {"type": "http.disconnect"}
        if chunk is None
        else {"type": "http.request", "body": chunk, "more_body": i < len(chunks) - 1}
        for i, chunk in enumerate(chunks)
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def test_a_token_split_across_chunks_passes_and_a_client_that_leaves_gets_nothing(
    app: Starlette, settings: Settings
) -> None:
    cookie = URLSafeSerializer(settings.secret_key).dumps("x" * 16, salt="csrftoken")
    body = f"csrftoken={cookie}&text_size=largest&audio_autoplay=on".encode()
    split = _asgi_post(app, cookie, [body[:7], body[7:30], body[30:]])
    assert split[0]["status"] == 303
    left = _asgi_post(app, cookie, [body[:20], None])
    assert left == []  # no 5xx, nothing sent to nobody
    wrong = _asgi_post(app, cookie, [b"csrftoken=" + cookie[:-2].encode() + b"&x=1"])
    assert wrong[0]["status"] == 403
