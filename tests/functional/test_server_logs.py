"""What a running server writes to its logs: personal data masked, no PINs, no one-time links.

These start a real server process and read what it prints, because uvicorn configures its
logging in that process, after the app is imported.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

PHONE = "0812-3456-7890"
PIN = "493817"
LINK_TOKEN = "Qm9ndXNUb2tlbkZvckxpbmtzMTIz"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  # loopback
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code


def _serve(command: Sequence[str], env: dict[str, str], port: int, paths: Sequence[str]) -> str:
    """Start the server, request each path, stop it and return everything it printed."""
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert server.poll() is None, "the server stopped"
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        for path in paths:
            _get(f"http://127.0.0.1:{port}{path}")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    return output


def _env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "GESI_DATA_DIR": str(tmp_path / "data"),
        "GESI_DATABASE_URL": database_url,
        "GESI_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "GESI_JOBS_INTERVAL_MINUTES": "0",
        "NO_COLOR": "1",
    }


def test_gesi_app_serve_access_lines_carry_no_pin_link_or_phone(
    tmp_path: Path, sqlite_url: str
) -> None:
    port = _free_port()
    output = _serve(
        [sys.executable, "-m", "gesi_app.cli", "serve", "--port", str(port)],
        _env(tmp_path, sqlite_url),
        port,
        [
            f"/track/SRA-ABCD-23?pin={PIN}",
            f"/track/SRA-ABCD-23/link/{LINK_TOKEN}",
            f"/staff/reset/{LINK_TOKEN}",
            f"/reports?q={PHONE}&token={LINK_TOKEN}",
        ],
    )
    assert "GET /track/SRA-ABCD-23?pin=[redacted] HTTP/1.1" in output, output
    assert "GET /track/SRA-ABCD-23/link/[redacted] HTTP/1.1" in output
    assert "GET /staff/reset/[redacted] HTTP/1.1" in output
    assert "0812****7890" in output
    for secret in (PIN, LINK_TOKEN, PHONE, PHONE.replace("-", "")):
        assert secret not in output


def test_the_served_app_logs_and_errors_are_masked(tmp_path: Path) -> None:
    """An app logger and an unhandled error's traceback go through the same masked handler."""
    port = _free_port()
    script = textwrap.dedent(
        f"""
        import logging
        import uvicorn
        from gesi_app.logs import log_config

        async def app(scope, receive, send):
            if scope["type"] != "http":
                return
            logging.getLogger("gesi_app.reports").warning("reporter phone {PHONE}")
            raise RuntimeError("could not reach {PHONE}")

        uvicorn.run(app, port={port}, log_config=log_config())
        """
    )
    output = _serve(
        [sys.executable, "-c", script], _env(tmp_path, "sqlite://"), port, ["/", "/?pin=1"]
    )
    assert "reporter phone 0812****7890" in output, output
    assert "RuntimeError: could not reach 0812****7890" in output
    assert "?pin=[redacted]" in output
    assert PHONE not in output and PHONE.replace("-", "") not in output
