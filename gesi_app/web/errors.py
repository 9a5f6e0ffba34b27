"""Error pages (403 … 500) in the request's language, accessible like any page."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gesi_app.i18n import LocaleMiddleware, lazy_gettext

log = logging.getLogger(__name__)

_TITLES = {
    400: lazy_gettext("We could not read that request"),
    403: lazy_gettext("You cannot do that here"),
    404: lazy_gettext("Page not found"),
    405: lazy_gettext("You cannot do that here"),
    413: lazy_gettext("What you sent is too large"),
    429: lazy_gettext("Please wait a moment"),
    500: lazy_gettext("Something went wrong on our side"),
}


def render_error(templates: Jinja2Templates, request: Request, status: int) -> Response:
    known = status if status in _TITLES else (500 if status >= 500 else 400)
    headers = {"Retry-After": "60"} if status == 429 else None
    response = templates.TemplateResponse(
        request,
        "errors/error.html",
        {"status": known, "title": str(_TITLES[known])},
        status_code=status,
        headers=headers,
    )
    return response


def install(templates: Jinja2Templates) -> dict[int | type[Exception], object]:
    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        return render_error(templates, request, status)

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return render_error(templates, request, 500)  # headers: web.security wraps this too

    return {HTTPException: http_error, 500: server_error}


def csrf_failed(templates: Jinja2Templates) -> Callable[[Scope, Send, object], Awaitable[None]]:
    """web.csrf's answer to a refused request: our 403 page, in the request's language."""

    async def send_failed(scope: Scope, send: Send, _message_id: object) -> None:
        async def receive() -> Message:
            return {"type": "http.disconnect"}

        request = Request(scope)
        response = render_error(templates, request, 403)
        await response(scope, receive, send)

    return send_failed


def too_large(templates: Jinja2Templates, *, default_locale: str, https: bool) -> ASGIApp:
    """The 413 page, for the body limit: it answers before the language middleware has run,
    so it chooses the language itself (the security headers come from the outermost
    middleware). ``Connection: close`` tells the server to stop taking the rest of the body."""

    async def page(scope: Scope, receive: Receive, send: Send) -> None:
        response = render_error(templates, Request(scope, receive), 413)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)

    return LocaleMiddleware(page, default_locale=default_locale, secure_cookie=https)
