"""HTML answers over 1 KB go out gzipped to clients that take gzip (``GzipSend``, used by
``web.security.SecurityHeadersMiddleware``, the app's outermost layer).

A page is sent whole by its handler (one body message), so it is compressed in one piece; an
answer sent in parts (a CSV export, an event stream) and anything already encoded or not
HTML (static files carry their own precompressed copies, see ``web.static``) pass untouched.
Every HTML answer says ``Vary: Accept-Encoding``, compressed or not, so a cache keeps both.
"""

from __future__ import annotations

import gzip

from starlette.types import Message, Send

MINIMUM_SIZE = 1024
LEVEL = 6  # past 6 gzip spends much more time for a few bytes on pages of a few KB


def accepted(accept_encoding: str, ours: tuple[str, ...]) -> str | None:
    """The first of ``ours`` that an Accept-Encoding header allows (``q=0`` refuses one)."""
    allowed = set()
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip()
        if quality.startswith("q="):
            try:
                if float(quality[2:]) <= 0:
                    continue
            except ValueError:
                continue
        allowed.add(name.strip())
    if "*" in allowed:
        return ours[0]
    return next((encoding for encoding in ours if encoding in allowed), None)


def takes_gzip(headers: list[tuple[bytes, bytes]]) -> bool:
    for name, value in headers:
        if name == b"accept-encoding":
            return accepted(value.decode("latin-1"), ("gzip",)) is not None
    return False


def with_vary(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The headers with Accept-Encoding added to ``Vary`` (one Vary header)."""
    out = []
    merged = False
    for name, value in headers:
        if name.lower() == b"vary":
            if b"accept-encoding" not in value.lower():
                value = value + b", Accept-Encoding"
            merged = True
        out.append((name, value))
    if not merged:
        out.append((b"vary", b"Accept-Encoding"))
    return out


class GzipSend:
    """One answer's ``send``, gzipping it on the way when it is a whole HTML page."""

    __slots__ = ("held", "minimum_size", "send", "through", "wants")

    def __init__(self, send: Send, wants: bool, minimum_size: int = MINIMUM_SIZE) -> None:
        self.send = send
        self.wants = wants
        self.minimum_size = minimum_size
        self.held: Message | None = None  # an HTML answer's start, until its body's size
        self.through = False

    async def __call__(self, message: Message) -> None:
        send = self.send
        if self.through:
            await send(message)
            return
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            html = encoded = False
            for name, value in headers:
                lowered = name.lower()
                html = html or (lowered == b"content-type" and value.startswith(b"text/html"))
                encoded = encoded or lowered == b"content-encoding"
            if not html or encoded:
                self.through = True
                await send(message)
                return
            message = {**message, "headers": with_vary(headers)}
            if not self.wants:
                self.through = True
                await send(message)
                return
            self.held = message
            return
        start = self.held
        if start is None:  # not an answer this knows: leave it alone
            await send(message)
            return
        self.held, self.through = None, True
        body = message.get("body", b"")
        if message.get("more_body", False) or len(body) < self.minimum_size:
            await send(start)
            await send(message)
            return
        packed = gzip.compress(body, compresslevel=LEVEL, mtime=0)
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers += [(b"content-encoding", b"gzip"), (b"content-length", str(len(packed)).encode())]
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": packed})
