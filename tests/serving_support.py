"""Helpers for tests that start a real server process and read its pages over loopback."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

# /report/type's question in Indonesian: a page that says it was translated.
QUESTION_ID = "Apa jenis laporan Anda?"
# What gesi-app serve says, installed without its compiled catalogues (i18n/catalogues.py).
INSTALLED_LINE = (
    "error: the language catalogues (id, en) are not compiled in this installed package: "
    "reinstall it from a wheel or sdist, whose build compiles them"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def page(server: subprocess.Popen[str], port: int, path: str) -> str:
    """The page at ``path`` once the server answers on loopback."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
                return str(response.read().decode())
        except OSError:
            assert server.poll() is None, "the server stopped"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
