"""Logging for ``gesi-app serve``: one configuration, every handler masks personal data.

UU PDP: phone numbers, emails, NIK and the like never reach a log in clear. Uvicorn sets up
its own handlers when it starts, after the app is imported, so a filter the app attaches
to the root logger reaches nothing that uvicorn writes. The server is therefore given this
configuration (uvicorn's own, plus the filters and a root handler for the app's loggers),
and every handler in it masks.

Access lines carry the request's path and query, and some of those are secrets: a PIN typed
into a form sent by GET, a one-time link in an email. The access filter redacts the query
values whose names say secret, every query value and every token-like path segment of the
paths that lead to a reporter's own report or a one-time link.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

from lokal.samaran.logging import SamaranFilter
from uvicorn.config import LOGGING_CONFIG

from gesi_app.reports.codes import normalise_code

REDACTED = "[redacted]"
# Paths whose segments and query may hold a reporter's key or a one-time link.
SECRET_PATHS = ("/track", "/staff/reset")
_SECRET_NAME = re.compile(r"pin|token|key|secret|pass|sig", re.IGNORECASE)
_ROUTE_WORD = re.compile(r"^[a-z][a-z-]{0,15}$")  # reply, rating, ... (not a token)


def _is_secret_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in SECRET_PATHS)


def _keep_segment(segment: str) -> bool:
    return not segment or bool(_ROUTE_WORD.match(segment)) or normalise_code(segment) == segment


def redact_target(target: str) -> str:
    """A request's path and query as an access log may show it."""
    path, sep, query = target.partition("?")
    secret_path = _is_secret_path(path)
    if secret_path:
        path = "/".join(s if _keep_segment(s) else REDACTED for s in path.split("/"))
    if not sep:
        return path
    pairs = parse_qsl(query, keep_blank_values=True)
    shown = [
        (name, REDACTED if secret_path or _SECRET_NAME.search(name) else value)
        for name, value in pairs
    ]
    return f"{path}?{urlencode(shown, safe='[]')}"


class AccessLogFilter(SamaranFilter):
    """Masks uvicorn's access lines and keeps their arguments, which its formatter reads."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if not (isinstance(args, tuple) and len(args) == 5):
            return super().filter(record)
        client, method, target, version, status = args
        record.args = (
            self._mask(str(client)),
            method,
            self._mask(redact_target(str(target))),
            version,
            status,
        )
        return True


def log_config() -> dict[str, Any]:
    """Uvicorn's logging configuration with masking on every handler and the app's logs in it."""
    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {
        "personal_data": {"()": "lokal.samaran.logging.SamaranFilter"},
        "access": {"()": "gesi_app.logs.AccessLogFilter"},
    }
    config["handlers"]["default"]["filters"] = ["personal_data"]
    config["handlers"]["access"]["filters"] = ["access"]
    # The app's own loggers (gesi_app.*) reach the same masked handler, not Python's
    # last-resort handler, which has no filter.
    config["root"] = {"handlers": ["default"], "level": "INFO"}
    return config
