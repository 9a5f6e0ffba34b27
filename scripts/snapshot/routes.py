"""Every GET route with the seeded data's path values, and every POST form sent empty."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from snapshot.answers import JOURNEY
from snapshot.capture import LANGS, PERSONAS, Capture
from snapshot.forms import forms_of


def _route_values(cap: Capture, path: str) -> dict[str, list[str]]:
    codes_reports = cap.report_codes()
    return {
        "code": (
            cap.forum_codes()
            if "/forums/" in path
            else ["36.03", "36.03.01", "99.99"]
            if path.startswith("/staff/regions/")
            else [*codes_reports, "SRA-0000-00"]
        ),
        "user_id": [*cap.ids("staff_users"), "999999"],
        "agency_id": [*cap.ids("agencies")[:2], "999999"],
        "topic_id": [*cap.ids("categories")[:2], "999999"],
        "template_id": [*cap.ids("response_templates"), "999999"],
        "holiday_id": [*cap.ids("holidays")[:1], "999999"],
        "file_id": [*cap.ids("attachments"), "999999"],
        "input_id": [*cap.ids("forum_voice_inputs", "input_id"), "999999"],
        "token": [*(v for v, n in cap.words.items() if n.startswith("{token")), "x" * 20],
        "follow_up_id": cap.ids("forum_follow_ups")[:1],
        "outbox_id": cap.ids("notification_outbox")[:1],
        "year": ["2026"],
        "lang": ["id"],
        "name": ["nothing.mp3"],
        "step": [*JOURNEY, "gender", "age", "difficulty-seeing", "disability-kind", "nothing"],
    }


def _expand(route: Any, values: dict[str, list[str]]) -> Iterator[str]:
    names = list(route.param_convertors)
    paths = [route.path_format]
    for name in names:
        options = values.get(name) or ["1"]
        paths = [p.replace("{" + name + "}", v) for p in paths for v in options]
    yield from paths


def walk_routes(cap: Capture, app: Any) -> None:
    from starlette.routing import Mount, Route

    routes = []

    def collect(items: list[Any]) -> None:
        for route in items:
            if isinstance(route, Route):
                routes.append(route)
            elif isinstance(route, Mount) and getattr(route, "routes", None):
                collect(route.routes)

    collect(app.routes)
    for route in routes:
        if "GET" not in (route.methods or ()):
            continue
        if route.path.endswith("/events") or (
            route.path.startswith("/audio/") and "{name}" in route.path
        ):
            if route.path.startswith("/audio/"):
                for path in _expand(route, _route_values(cap, route.path)):
                    cap.get("citizen", path, "id", "route")
            else:
                cap.skipped.append(f"GET {route.path}: an event stream, never ends")
            continue
        for path in _expand(route, _route_values(cap, route.path)):
            for persona in PERSONAS:
                for lang in LANGS:
                    cap.get(persona, path, lang, "route")


def sweep_forms(cap: Capture) -> None:
    """Every POST form found on the pages fetched, sent empty by the persona that saw it."""
    seen: set[tuple[str, str]] = set()
    for key, page in list(cap.pages.items()):
        if "text/html" not in page.content_type:
            continue
        persona, method, path = key.split(" ", 3)[:3]
        if method != "GET":
            continue
        for form in forms_of(urlsplit(path).path, page.body.decode("utf-8", "replace")):
            action = urlsplit(form.action).path
            if form.method != "post" or action.endswith("/logout") or (persona, action) in seen:
                continue
            seen.add((persona, action))
            if action.endswith(("/join", "/state", "/new-pin", "/reset")):
                continue  # sent empty, these succeed: done on purpose elsewhere
            cap.post(persona, action, "id", "swept empty", [], follow=False)
