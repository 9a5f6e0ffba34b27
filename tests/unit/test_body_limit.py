"""The body limit's table and settings: which routes take files, and bad values refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.types import Receive, Scope, Send

from gesi_app.settings import Settings, SettingsError
from gesi_app.web.body_limit import BodyLimitMiddleware, declared_length, route_path


async def _app(scope: Scope, receive: Receive, send: Send) -> None:
    raise AssertionError("never called here")


LIMITS = BodyLimitMiddleware(_app, form_bytes=10, upload_bytes=1000, refuse=_app)


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("/report/details", 1000),
        ("/report/evidence", 1000),
        ("/forums/KDJ7-4MQ2/voice", 1000),
        ("/staff/intake", 1000),
        ("/staff/intake/done", 10),
        ("/report/title", 10),
        ("/report/details/more", 10),
        ("/forums/KDJ7-4MQ2/inputs", 10),
        ("/staff/forums/KDJ7-4MQ2/voice", 10),
        ("/track", 10),
    ],
)
def test_only_the_routes_that_take_files_get_the_upload_limit(path: str, limit: int) -> None:
    assert LIMITS.limit_for(path) == limit


def test_the_table_is_read_without_the_prefix_the_app_is_served_under() -> None:
    scope = {"type": "http", "path": "/suara/report/evidence", "root_path": "/suara"}
    assert LIMITS.limit_for(route_path(scope)) == 1000
    assert route_path({"type": "http", "path": "/report/evidence"}) == "/report/evidence"


@pytest.mark.parametrize(
    ("headers", "length"),
    [
        ([(b"content-length", b"123")], 123),
        ([(b"content-type", b"text/plain")], None),
        ([(b"content-length", b"-1")], None),
        ([(b"content-length", b"\xd9\xa3")], None),  # an Arabic-Indic digit is not a length
        ([(b"content-length", b"9" * 18)], int("9" * 18)),
        ([(b"content-length", b"9" * 5000)], 10**18),
    ],
)
def test_declared_length(headers: list[tuple[bytes, bytes]], length: int | None) -> None:
    assert declared_length({"type": "http", "headers": headers}) == length


def test_defaults(tmp_path: Path) -> None:
    settings = Settings.from_env({"GESI_DATA_DIR": str(tmp_path)})
    assert (settings.max_form_kb, settings.max_upload_mb) == (256, 64)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GESI_MAX_FORM_KB": "lots"}, "GESI_MAX_FORM_KB must be a whole number"),
        ({"GESI_MAX_FORM_KB": "0"}, "GESI_MAX_FORM_KB must be 1 or more"),
        ({"GESI_MAX_UPLOAD_MB": "1.5"}, "GESI_MAX_UPLOAD_MB must be a whole number"),
    ],
)
def test_bad_values_name_the_setting(tmp_path: Path, env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_env({"GESI_DATA_DIR": str(tmp_path), **env})
    assert str(info.value) == message
