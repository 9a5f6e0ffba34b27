"""One CSRF check for every state change: a signed double-submit token.

Every request whose method is not safe (POST, PUT, PATCH, DELETE, ...) must carry, in the
form field ``csrftoken``, the same value as the signed ``suara_csrf`` cookie, whatever its
content type. There is no other way in: a body the check cannot read (JSON, text/plain, none)
is refused, and so is a request without the cookie. The refusal is the translated 403 page.

The middleware reads the body only until it has found the token (our forms send it first)
and then replays what it read to the app, so handlers read the body as usual. The token is
signed as asgi-csrf signed it (its salt and cookie), so pages rendered before this change
keep working. Handlers read multipart bodies through ``multipart_form`` for its limits.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import unquote_to_bytes

from itsdangerous import BadSignature, URLSafeSerializer
from python_multipart.multipart import MultipartParser, QuerystringParser, parse_options_header
from starlette.datastructures import FormData, Headers, MutableHeaders
from starlette.requests import Request, cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gesi_app.web.security import CSRF_COOKIE, CSRF_FIELD

SIGNING_NAMESPACE = "csrftoken"  # the salt asgi-csrf used: tokens it issued stay valid
SCOPE_KEY = "csrftoken"  # templating reads the page's token from here
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# The token comes first in every form we render; a body that has not shown it within this
# many bytes is refused rather than buffered further (the size limit also bounds it).
MAX_BYTES_BEFORE_TOKEN = 1024 * 1024

SendFailed = Callable[[Scope, Send, object], Awaitable[None]]


class _TokenSearch:
    """Feeds body chunks to a streaming form parser until the token field is complete."""

    def __init__(self, content_type: bytes) -> None:
        kind, options = parse_options_header(content_type)
        self.found: bytes | None = None
        self.failed = False
        self._name = bytearray()
        self._value = bytearray()
        self._is_file = False
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._parser: MultipartParser | QuerystringParser | None = None
        if kind == b"application/x-www-form-urlencoded":
            self._parser = QuerystringParser(
                {
                    "on_field_start": self._start,
                    "on_field_name": self._add_name,
                    "on_field_data": self._add_value,
                    "on_field_end": self._urlencoded_end,
                }
            )
        elif kind == b"multipart/form-data" and options.get(b"boundary"):
            self._parser = MultipartParser(
                options[b"boundary"],
                {
                    "on_part_begin": self._start,
                    "on_header_field": self._add_header_field,
                    "on_header_value": self._add_header_value,
                    "on_header_end": self._header_end,
                    "on_part_data": self._add_value,
                    "on_part_end": self._part_end,
                },
            )
        else:
            self.failed = True  # JSON, text/plain, no body: nothing we can read a token from

    @property
    def done(self) -> bool:
        return self.failed or self.found is not None

    def feed(self, chunk: bytes) -> None:
        if self._parser is None or self.done:
            return
        try:
            self._parser.write(chunk)
        except Exception:  # any malformed body: no token read from it
            self.failed = True

    def finish(self) -> None:
        """The body ended: a last field without a trailing separator is complete now."""
        if self._parser is not None and not self.done:
            try:
                self._parser.finalize()
            except Exception:
                self.failed = True

    def _start(self) -> None:
        self._name.clear()
        self._value.clear()
        self._is_file = False

    def _add_name(self, data: bytes, start: int, end: int) -> None:
        self._name += data[start:end]

    def _add_value(self, data: bytes, start: int, end: int) -> None:
        if self.found is not None:
            return  # the rest of the chunk: the app reads it, not us
        if self._is_file:
            self.failed = True  # a file before the token: refuse rather than buffer uploads
            return
        self._value += data[start:end]

    def _urlencoded_end(self) -> None:
        name = unquote_to_bytes(bytes(self._name).replace(b"+", b" "))
        if name == CSRF_FIELD.encode() and self.found is None:
            self.found = unquote_to_bytes(bytes(self._value).replace(b"+", b" "))

    def _add_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _add_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        if bytes(self._header_field).lower() == b"content-disposition":
            _, options = parse_options_header(bytes(self._header_value))
            self._name[:] = options.get(b"name", b"")
            self._is_file = b"filename" in options
        self._header_field.clear()
        self._header_value.clear()

    def _part_end(self) -> None:
        if bytes(self._name) == CSRF_FIELD.encode() and not self._is_file:
            self.found = bytes(self._value)


class CSRFMiddleware:
    """Issues the token cookie and refuses any unsafe request whose body does not repeat it."""

    def __init__(
        self, app: ASGIApp, *, secret: str, cookie_secure: bool, send_failed: SendFailed
    ) -> None:
        self.app = app
        self.signer = URLSafeSerializer(secret)
        self.cookie_secure = cookie_secure
        self.send_failed = send_failed

    def _valid(self, cookie: str) -> bool:
        try:
            self.signer.loads(cookie, salt=SIGNING_NAMESPACE)
        except BadSignature:
            return False
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cookie = cookie_parser(headers.get("cookie", "")).get(CSRF_COOKIE, "")
        has_cookie = bool(cookie) and self._valid(cookie)
        token = (
            cookie
            if has_cookie
            else self.signer.dumps(secrets.token_urlsafe(16), salt=SIGNING_NAMESPACE)
        )
        used = False

        def page_token() -> str:
            nonlocal used
            used = True
            return token

        scope = {**scope, SCOPE_KEY: page_token}

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and used:
                out = MutableHeaders(scope=message)
                out.add_vary_header("Cookie")
                if not has_cookie:
                    secure = "; Secure" if self.cookie_secure else ""
                    out.append("set-cookie", f"{CSRF_COOKIE}={token}; Path=/; SameSite=Lax{secure}")
            await send(message)

        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send_with_cookie)
            return
        read: list[Message] = []
        sent = None
        if has_cookie:  # without the cookie nothing can match: the body is not read at all
            sent = await self._read_token(headers.get("content-type", ""), receive, read)
        if sent is None and read and read[-1]["type"] == "http.disconnect":
            return  # the client left while sending: nobody to answer
        if sent is None or not secrets.compare_digest(sent, token.encode()):
            await self.send_failed(scope, send_with_cookie, None)
            return

        async def replay() -> Message:
            return read.pop(0) if read else await receive()

        await self.app(scope, replay, send_with_cookie)

    @staticmethod
    async def _read_token(content_type: str, receive: Receive, read: list[Message]) -> bytes | None:
        """The token field of the body, reading only as far as it; messages read go to ``read``."""
        search = _TokenSearch(content_type.encode("latin-1"))
        size = 0
        more = True
        while more and not search.done:
            message = await receive()
            read.append(message)
            if message["type"] != "http.request":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            search.feed(chunk)
            more = message.get("more_body", False)
            if not more:
                search.finish()
            if size > MAX_BYTES_BEFORE_TOKEN and not search.done:
                return None
        return None if search.failed else search.found


async def multipart_form(request: Request, *, max_files: int, max_fields: int = 50) -> FormData:
    """Parse a multipart body within limits (its CSRF token was checked by ``CSRFMiddleware``)."""
    return await request.form(max_files=max_files, max_fields=max_fields)
