"""Request bodies are bounded before anything reads them.

Every layer that reads a body (the CSRF check, ``request.form()``, the multipart parser) reads
it whole, so without a bound a few large posts fill the memory of the process. This middleware
sits outside all of them: a body declared larger than its route's limit (Content-Length) is
refused with a 413 page before one byte of it is read, and a body without a length (chunked)
is counted as it is read and refused as soon as it passes the limit.

The limit is decided in one place, by path: the few routes that take files get the upload
limit, everything else the form limit (``GESI_MAX_FORM_KB``, ``GESI_MAX_UPLOAD_MB``).

The form limit's default, 256 KB, is twice the longest form in the worst case: a 10,000-
character transcript in a script of 4-byte characters, URL-encoded (3 bytes a byte), is
120 KB; so a text over its own limit still gets its page's message, not this one.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.routing import compile_path
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gesi_app.settings import Settings
from gesi_app.web import errors

# The routes that take a file; every other request gets the form limit. A route here still
# checks its own file size and says so on its page: this bound only keeps absurd bodies out.
UPLOAD_PATHS = (
    "/report/details",  # What happened: a voice message or sign-language video (up to 50 MB)
    "/report/evidence",  # a photo or a PDF (up to 10 MB)
    "/forums/{code}/voice",  # a forum input by voice or video (up to 50 MB)
    "/staff/intake",  # staff intake: a photo or PDF and a recording, as the journey takes them
)


HUGE = 10**18  # bytes: the length we take a Content-Length of 19 digits or more to be


class BodyTooLarge(Exception):
    """A body without a declared length went past its route's limit while being read."""


def _patterns(paths: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(compile_path(path)[0] for path in paths)


def route_path(scope: Scope) -> str:
    """The path the routes see: without the prefix the app is served under (root_path)."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def declared_length(scope: Scope) -> int | None:
    """The Content-Length header as a number, or None when there is none or it is not one."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            if not value.isdigit():
                return None
            # int() of thousands of digits raises; anything this long is over every limit.
            return int(value) if len(value) < 19 else HUGE
    return None


async def _nothing() -> Message:
    """The refusal page reads no body: what is left of it is never taken in."""
    return {"type": "http.disconnect"}


class BodyLimitMiddleware:
    """Refuse (``refuse``, an ASGI app that renders the 413 page) bodies over the route's limit."""

    def __init__(
        self, app: ASGIApp, *, form_bytes: int, upload_bytes: int, refuse: ASGIApp
    ) -> None:
        self.app = app
        self.form_bytes = form_bytes
        self.upload_bytes = upload_bytes
        self.refuse = refuse
        self.uploads = _patterns(UPLOAD_PATHS)

    def limit_for(self, path: str) -> int:
        if any(pattern.match(path) for pattern in self.uploads):
            return self.upload_bytes
        return self.form_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(route_path(scope))
        declared = declared_length(scope)
        if declared is not None and declared > limit:
            await self.refuse(scope, _nothing, send)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge:
            if started:  # too late for a page; the server closes the unfinished response
                return
            await self.refuse(scope, _nothing, send)


def body_limits(settings: Settings, templates: Jinja2Templates) -> dict[str, Any]:
    """The middleware's arguments from the settings: its two limits and its 413 page."""
    return {
        "form_bytes": settings.max_form_kb * 1024,
        "upload_bytes": settings.max_upload_mb * 1024 * 1024,
        "refuse": errors.too_large(
            templates, default_locale=settings.default_locale, https=settings.https
        ),
    }
