"""Security headers on every response, and no caching of anything personal.

``SecurityHeadersMiddleware`` wraps the whole app, Starlette's error handling included (see
``web.routing.Suara``), so 404, 403, 413 and 500 pages carry the same headers, HSTS too. With
``gzip=True`` the same layer also gzips HTML pages (``web.compression``): one layer, one pass
over the headers, rather than one more wrapper of every ``send``.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gesi_app.web.compression import GzipSend, takes_gzip

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(self), microphone=(self), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

CSRF_COOKIE = "suara_csrf"
CSRF_FIELD = "csrftoken"  # the form field web.csrf reads the token from

# Pages under these paths show staff work, a report in progress or a reporter's own report
# (a PIN, a one-time link, answers): no browser or proxy may keep a copy. Public pages keep
# whatever their routes say.
PRIVATE_PREFIXES = ("/staff", "/track", "/report", "/preferences")
NO_STORE = (b"cache-control", b"no-store")


def is_private_path(path: str) -> bool:
    """True for a private prefix itself or anything below it (``/reports`` is public)."""
    return any(path == p or path.startswith(p + "/") for p in PRIVATE_PREFIXES)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, https: bool, gzip: bool = False) -> None:
        self.app = app
        self.gzip = gzip
        self.headers = list(SECURITY_HEADERS)
        if https:
            self.headers.append((b"strict-transport-security", b"max-age=31536000"))
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        private = is_private_path(scope["path"])
        onward = GzipSend(send, takes_gzip(scope["headers"])) if self.gzip else send

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if private:
                    headers = [
                        h
                        for h in headers
                        if h[0].lower() != b"cache-control" or b"no-store" in h[1]
                    ]
                present = {k.lower() for k, _ in headers}
                if present.isdisjoint(self.names):  # the usual case: all of ours to add
                    headers += self.headers
                else:
                    headers += [h for h in self.headers if h[0] not in present]
                if private and b"cache-control" not in present:
                    headers.append(NO_STORE)
                message["headers"] = headers
            await onward(message)

        await self.app(scope, receive, send_with_headers)
