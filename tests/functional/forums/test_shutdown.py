"""`gesi-app serve` gives uvicorn a graceful-shutdown limit, so open board streams (SSE) cannot
hold a stopping server forever.

uvicorn itself is replaced here (it is not our code) to see what the command asks of it; a
real server stopping with a stream open did not tell the two apart on this uvicorn version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn

from gesi_app.cli import SHUTDOWN_GRACE_SECONDS, main


def test_serve_sets_a_graceful_shutdown_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("GESI_DATABASE_URL", "GESI_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GESI_DATA_DIR", str(tmp_path / "data"))
    asked: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: asked.append({"app": app, **kw}))
    assert main(["serve", "--port", "8123"]) == 0
    (call,) = asked
    assert call["app"] == "gesi_app.asgi:app" and call["port"] == 8123
    assert call["timeout_graceful_shutdown"] == SHUTDOWN_GRACE_SECONDS
    assert 0 < SHUTDOWN_GRACE_SECONDS <= 10
