"""A fake SMS gateway: a real HTTP server on 127.0.0.1, on a free port, in a thread.

It stands for the one service outside the machine (docs/sms-gateway.md) and is the only fake
of these tests: it checks the bearer token as a gateway does, records every request as it
arrived (headers and raw body), and answers from a script of replies.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from gesi_app.notifications.sms import HttpSms, SmsConfig

TOKEN = "gateway-token-7f3a"  # the fake gateway's own test token


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes | None = None  # None: {"id": "gw-<n>"}
    delay: float = 0.0  # seconds before answering (a slow gateway)


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    raw: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.raw)


@dataclass
class Gateway:
    port: int = 0
    token: str = TOKEN
    script: list[Reply] = field(default_factory=list)  # one per request; then 200s
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1/sms"

    def sender(self, *, token: str | None = None, timeout: float = 2.0) -> HttpSms:
        """Our real adapter, pointed at this gateway."""
        return HttpSms(
            SmsConfig(url=self.url, token=self.token if token is None else token, timeout=timeout)
        )

    def next_reply(self, request: Received) -> Reply:
        with self.lock:
            self.received.append(request)
            number = len(self.received)
            reply = self.script.pop(0) if self.script else Reply()
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return Reply(401, b'{"error": "unauthorized"}')
        if reply.body is None:
            return Reply(reply.status, json.dumps({"id": f"gw-{number}"}).encode(), reply.delay)
        return reply


def _handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # http.server calls it by this name
            length = int(self.headers.get("Content-Length") or 0)
            request = Received(self.path, dict(self.headers.items()), self.rfile.read(length))
            reply = gateway.next_reply(request)
            if reply.delay:
                time.sleep(reply.delay)
            payload = reply.body or b""
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
                pass

        def log_message(self, *_args: Any) -> None:  # quiet: pytest shows our own logs
            return

    return Handler


@contextlib.contextmanager
def sms_gateway(*script: Reply, token: str = TOKEN) -> Iterator[Gateway]:
    """The fake gateway listening on a free loopback port while the block runs."""
    gateway = Gateway(token=token, script=list(script))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(gateway))
    server.daemon_threads = True
    gateway.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
