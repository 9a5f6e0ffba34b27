"""Requests the app cannot read are the client's fault: a 400 page or silence, never a 5xx.

- A query string, body or cookie that is not UTF-8 where Starlette, the form parser or the
  CSRF check needs text raises UnicodeDecodeError: the person gets the translated 400 page
  ("We could not read that request").
- A client that goes away mid-body (or mid-stream) raises Starlette's ClientDisconnect: no one
  is left to answer, so nothing is sent and no traceback is logged.

One middleware, just inside the language middleware, serves every route and every layer
below it (the CSRF check reads bodies before any route does).
"""

from __future__ import annotations

import logging

from starlette.requests import ClientDisconnect, Request
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gesi_app.web.errors import render_error

log = logging.getLogger(__name__)


class UnreadableRequestMiddleware:
    def __init__(self, app: ASGIApp, templates: Jinja2Templates) -> None:
        self.app = app
        self.templates = templates

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            scope["query_string"].decode()
        except UnicodeDecodeError:  # Starlette decodes it strictly for request.url
            log.info("unreadable query (not UTF-8) on %s %s", scope["method"], scope["path"])
            await self._unreadable({**scope, "query_string": b""}, receive, send)
            return
        started = left = False

        async def receiving() -> Message:
            nonlocal left
            message = await receive()
            left = left or message["type"] == "http.disconnect"
            return message

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receiving, sending)
        except ClientDisconnect:
            log.info("client went away during %s %s", scope["method"], scope["path"])
        except UnicodeDecodeError:
            if started:  # too late for an error page: the server closes the connection
                raise
            log.info("unreadable request (not UTF-8) on %s %s", scope["method"], scope["path"])
            await self._unreadable(scope, receive, send)
        except Exception as exc:
            # A layer that reads the body itself may fail its own way when the client leaves
            # (asgi-csrf asserts): with no one left to answer, that is a disconnect too.
            if not left or started:
                raise
            log.info("client went away during %s %s (%r)", scope["method"], scope["path"], exc)

    async def _unreadable(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = render_error(self.templates, Request(scope), 400)
        await response(scope, receive, send)
