"""What an access log line may show of a request's path and query."""

from __future__ import annotations

import logging

import pytest

from gesi_app.logs import AccessLogFilter, redact_target


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("/track/SRA-ABCD-23?pin=123456", "/track/SRA-ABCD-23?pin=[redacted]"),
        ("/track/SRA-ABCD-23/reply", "/track/SRA-ABCD-23/reply"),
        ("/track/SRA-ABCD-23/link/Zm9vYmFyYmF6MTIz", "/track/SRA-ABCD-23/link/[redacted]"),
        ("/track/123456", "/track/[redacted]"),
        ("/track?code=SRA-ABCD-23&pin=1", "/track?code=[redacted]&pin=[redacted]"),
        ("/staff/reset/abc_DEF-123xyz", "/staff/reset/[redacted]"),
        ("/reports?page=2&topic=3", "/reports?page=2&topic=3"),
        ("/x?api_key=1&Token=2&n=3", "/x?api_key=[redacted]&Token=[redacted]&n=3"),
        ("/reports/SRA-ABCD-23", "/reports/SRA-ABCD-23"),
    ],
)
def test_secrets_leave_the_access_line(target: str, shown: str) -> None:
    assert redact_target(target) == shown


def test_the_access_filter_keeps_uvicorns_arguments_and_masks_them() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/reports?q=081234567890&pin=42", "1.1", 200),
        None,
    )
    assert AccessLogFilter().filter(record)
    assert isinstance(record.args, tuple) and len(record.args) == 5
    assert record.getMessage() == (
        '127.0.0.1:5000 - "GET /reports?q=0812****7890&pin=[redacted] HTTP/1.1" 200'
    )
