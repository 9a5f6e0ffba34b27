"""The world the property tests attack: one seeded app, one browser signed in as the admin and
joined to a live forum, the route table with real path values, and every form the pages show.

Everything is built through the real services and pages (no hand-written rows). Row counts of
every table are read with the standard library's sqlite3, so checking "the database did not
change" costs a millisecond per example.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anyio
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount, Route
from starlette.testclient import TestClient

from gesi_app.accounts.models import StaffUser
from gesi_app.app import create_app
from gesi_app.reports.journey import STEPS
from tests import databases, factories
from tests.conftest import form_token, make_settings
from tests.forums_support import add_forum
from tests.staff_support import sign_in

GESI_APP = Path(__file__).resolve().parents[2] / "gesi_app"

# Routes whose work is not a request/response exchange a fuzzer can judge, or that end the
# session the other examples need.
SKIP_POST = {"staff_logout"}
# An event stream never ends: it is read through call_asgi (first chunk, then disconnect).
STREAMS = {"forum_board_events", "staff_forum_prioritise_events"}


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name -> values seen


class _Forms(HTMLParser):
    """Every form on a page: its action, method, and each field with the values it offers."""

    def __init__(self, page_path: str) -> None:
        super().__init__()
        self.page_path = page_path
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = urlsplit(a.get("action") or self.page_path).path or self.page_path
            self.forms.append(Form(action, (a.get("method") or "get").lower()))
        elif not self.forms:
            return
        elif tag in ("input", "textarea", "select", "button") and a.get("name"):
            if a.get("type") in ("submit", "button") and tag == "input" and not a.get("value"):
                return
            values = self.forms[-1].fields.setdefault(a["name"], [])
            if "value" in a:
                values.append(a["value"])
            if tag == "select":
                self._select = a["name"]
        elif tag == "option" and self._select is not None:
            self.forms[-1].fields[self._select].append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def forms_of(page_path: str, html: str) -> list[Form]:
    parser = _Forms(page_path)
    parser.feed(html)
    return parser.forms


def query_names() -> list[str]:
    """Every query parameter the app reads, found in its source (so a new one is fuzzed too)."""
    patterns = (
        r'query_params(?:\.get\(|\.getlist\(|\[)\s*"([a-z_]+)"',
        r'field_text\((?:query|params|request\.query_params),\s*"([a-z_]+)"',
        r'params\.get\("([a-z_]+)"',
    )
    names: set[str] = set()
    for source in GESI_APP.rglob("*.py"):
        text = source.read_text()
        for pattern in patterns:
            names.update(re.findall(pattern, text))
    return sorted(names)


@dataclass
class World:
    app: Starlette
    client: TestClient
    db_path: Path
    values: dict[str, str]  # path parameter name (or route:name) -> a real value
    forms: list[Form] = field(default_factory=list)

    def routes(self) -> list[Route]:
        return list(_routes(self.app.routes))

    def path(self, route: Route, **hostile: str) -> str:
        """The route's path with real values, or the hostile ones given."""
        params = {}
        for name in route.param_convertors:
            params[name] = hostile.get(name) or self.values.get(
                f"{route.name}:{name}", self.values.get(name, "1")
            )
        path = route.path_format
        for name, value in params.items():
            path = path.replace("{" + name + "}", value)
        return path

    def targets(self, route: Route) -> dict[str, dict[str, list[str]]]:
        """Each path a POST form aims at this route, with its fields and the values offered;
        the route's own path with no fields when no page has a form for it."""
        found: dict[str, dict[str, list[str]]] = {}
        for form in self.forms:
            if form.method == "post" and route.path_regex.match(form.action):
                merged = found.setdefault(form.action, {})
                for name, values in form.fields.items():
                    if name != "csrftoken":
                        merged.setdefault(name, []).extend(values)
        return found or {self.path(route): {}}

    def row_counts(self) -> dict[str, int]:
        with sqlite3.connect(self.db_path) as conn:
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            count = 'SELECT count(*) FROM "{}"'  # names from sqlite_master
            return {t: conn.execute(count.format(t)).fetchone()[0] for t in tables}

    def token(self) -> str:
        return str(self.client.cookies.get("csrftoken"))


def _routes(routes: list[BaseRoute]) -> Iterator[Route]:
    for route in routes:
        if isinstance(route, Route):
            yield route
        elif not isinstance(route, Mount):
            raise AssertionError(f"unknown route kind {route!r}")


def build(tmp: Path) -> Iterator[World]:
    template = databases.sqlite_template(tmp / "template")
    url = databases.fresh_sqlite(template, tmp)
    seeded = factories.seed(url)
    report = factories.create_report(url)

    async def admin_id(session: AsyncSession) -> int:
        return int(await session.scalar(select(StaffUser.id).where(StaffUser.username == "admin")))

    async def other_id(session: AsyncSession) -> int:
        user = select(StaffUser.id).where(StaffUser.username == "verifikator")
        return int(await session.scalar(user))

    admin = factories.run(url, admin_id)
    forum = add_forum(url, admin)
    settings = make_settings(
        tmp / "data",
        url,
        GESI_REPORTS_PER_HOUR="1000000",
        GESI_FORUM_POSTS_PER_MINUTE="1000000",
        GESI_DOWNLOADS_PER_HOUR="1000000",
    )
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert sign_in(client, "admin", seeded.new_passwords["admin"]).status_code == 303
        page = client.get(f"/forums/{forum.join_code}").text
        client.post(f"/forums/{forum.join_code}/join", data={"csrftoken": form_token(page)})
        page = client.get(f"/forums/{forum.join_code}").text
        agenda = re.findall(r'name="agenda_item" type="radio" value="(\d+)"', page)
        client.post(
            f"/forums/{forum.join_code}/inputs",
            data={"csrftoken": form_token(page), "agenda_item": agenda[0], "text": "Antrean lama"},
        )
        values = {
            "code": forum.join_code,
            "token": "x" * 20,
            "user_id": str(factories.run(url, other_id)),
            "year": "2026",
            "step": "type",
            "lang": "id",
            "name": "nothing.mp3",
            **{
                f"{name}:code": report.report.tracking_code
                for name in (
                    "public_report",
                    "public_report_support",
                    "track_report",
                    "track_reply",
                    "track_rating",
                )
            },
            **{
                f"staff_report{suffix}:code": report.report.tracking_code
                for suffix in (
                    "",
                    "_file",
                    "_verify",
                    "_answer",
                    "_hold",
                    "_not_ours",
                    "_archive",
                    "_close",
                    "_transcript",
                )
            },
            "staff_region:code": "36.03",
        }
        world = World(app, client, Path(url.split("///", 1)[1]), values)
        for route in world.routes():
            if "GET" in (route.methods or ()) and route.name not in STREAMS:
                path = world.path(route)
                response = client.get(path)
                if "text/html" in response.headers.get("content-type", ""):
                    world.forms.extend(forms_of(path, response.text))
        for step in STEPS:  # the report journey's pages beyond the first
            response = client.get(f"/report/{step.slug}")
            world.forms.extend(forms_of(urlsplit(str(response.url)).path, response.text))
        yield world


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]


def call_asgi(
    client: TestClient,
    method: str,
    path: str,
    *,
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
    disconnect_after: int | None = None,
) -> Reply:
    """One raw ASGI exchange in the app's own event loop, for what TestClient cannot send.

    Streams are read to their first body chunk and then the client goes away; with
    ``disconnect_after`` the client sends that many body bytes, then goes away mid-body.
    """
    sent: dict[str, Any] = {"status": 0, "body": b"", "headers": {}}

    async def exchange() -> None:
        done = anyio.Event()
        chunks = (
            [body]
            if disconnect_after is None
            else [body[:disconnect_after], None]  # None: the client disconnects here
        )

        async def receive() -> dict[str, Any]:
            if chunks:
                chunk = chunks.pop(0)
                if chunk is None:
                    return {"type": "http.disconnect"}
                return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}
            await done.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
                sent["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}
            elif message["type"] == "http.response.body":
                sent["body"] += message.get("body", b"")
                if sent["body"] or not message.get("more_body"):
                    done.set()

        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": query,
            "headers": [(b"host", b"testserver"), (b"cookie", cookie.encode()), *(headers or [])],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
            "state": {},
            "extensions": {},
        }
        with anyio.fail_after(10):
            await client.app(scope, receive, send)

    client.portal.call(exchange)  # type: ignore[union-attr]
    return Reply(sent["status"], sent["body"], sent["headers"])


def route_table() -> list[Route]:
    """The app's routes, read at collection time from an app that never serves a request."""
    import tempfile

    directory = Path(tempfile.mkdtemp(prefix="suara-routes-"))
    app = create_app(make_settings(directory, f"sqlite+aiosqlite:///{directory}/x.sqlite3"))
    return list(_routes(app.routes))
