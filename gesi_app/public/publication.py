"""When a report is public, and with which words: public only after verification.

A report sent by a resident may hold a NIK, a phone number or words no one has checked, so
(as in SP4N-LAPOR!) nothing of it is public until staff verify it. The rules:

- Verifying publishes. The verifier checks the reporter's title and text and may edit them
  (take out names, NIK and phone numbers, insults); what they keep becomes ``public_title``,
  ``public_description`` and ``public_landmark`` (the landmark is free text too). The
  reporter's own ``title``, ``description`` and ``landmark`` are never changed: staff keep
  seeing them, and the audit log records every redaction.
- Verifying again (after on hold, or to send it to another agency) replaces the public words;
  ``published_at`` stays the time it first went public.
- A published report stays public whatever status follows: answered, closed, on hold, not
  our authority (bukan wewenang) or archived (diarsipkan). The public sees what became of a
  report it could already read; the status says so. A report put on hold, sent elsewhere or
  archived before verification was never public and stays so.
- A rahasia report is never public. Raising rahasia (only staff can, never lowered)
  unpublishes the report at once and for good.

The public pages read only published reports (``PUBLISHED``) and only their public words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_

from gesi_app.db.base import utcnow
from gesi_app.reports.models import Report

# The SQL condition every public query uses: published, and not (or no longer) rahasia.
PUBLISHED: ColumnElement[bool] = and_(Report.published_at.is_not(None), Report.rahasia.is_(False))


def is_public(report: Report) -> bool:
    return report.published_at is not None and not report.rahasia


def publish(
    report: Report,
    title: str,
    description: str,
    landmark: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> None:
    """Make a verified report public with the words the verifier checked.

    A rahasia report is unpublished instead: it is never public."""
    if report.rahasia:
        unpublish(report)
        return
    report.public_title = title.strip()
    report.public_description = description.strip()
    report.public_landmark = (landmark or "").strip() or None
    if report.published_at is None:
        report.published_at = now or utcnow()


def unpublish(report: Report) -> None:
    """Take the report off the public pages (the public words are kept for staff)."""
    report.published_at = None


def publication_state(report: Report) -> dict[str, Any]:
    """What the audit log keeps of the public version, to compare before and after."""
    return {
        "published": is_public(report),
        "public_title": report.public_title,
        "public_description": report.public_description,
        "public_landmark": report.public_landmark,
    }
