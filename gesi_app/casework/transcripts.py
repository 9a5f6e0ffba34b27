"""Transcripts of a reporter's voice message or sign-language video, written by staff.

Who: verifiers and admins on any report, an agency officer on a report routed to their own
agency (the same people who may see the report and play the recording). Every save is audited
with the lengths before and after, never the words (they are the reporter's). A transcript is
shown to staff only: the tracking page says the recording was received, public pages never
show it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, has_permission
from gesi_app.casework.access import can_act_on_report
from gesi_app.db.base import utcnow
from gesi_app.reports.models import Attachment, Report

RECORDING_KINDS = frozenset({"voice", "sign_video"})
TRANSCRIPT_MAX = 10_000


class NotARecording(LookupError):
    """The file is not a voice message or sign-language video of this report."""


class TranscriptDenied(Exception):
    """This staff member may not write this report's transcripts; nothing changed."""


def cleaned(text: str) -> str:
    """The transcript as stored: trimmed, with a browser's CRLF line ends as LF."""
    return text.strip().replace("\r\n", "\n")


def may_transcribe(user: StaffUser, report: Report) -> bool:
    return has_permission(user, Permission.VERIFY) or can_act_on_report(user, report)


def recording_of(report: Report, attachment_id: int) -> Attachment:
    for attachment in report.attachments:
        if attachment.id == attachment_id and attachment.kind in RECORDING_KINDS:
            return attachment
    raise NotARecording(f"{report.tracking_code}/{attachment_id}")


async def save_transcript(
    session: AsyncSession,
    user: StaffUser,
    report: Report,
    recording: Attachment,
    text: str,
    *,
    ip: str | None,
    now: dt.datetime | None = None,
) -> None:
    """Store (or replace) the transcript; ValueError when it is empty or too long."""
    if not may_transcribe(user, report):
        raise TranscriptDenied(report.tracking_code)
    if recording.report_id != report.id or recording.kind not in RECORDING_KINDS:
        raise NotARecording(f"{report.tracking_code}/{recording.id}")
    stored = cleaned(text)
    if not 1 <= len(stored) <= TRANSCRIPT_MAX:
        raise ValueError(f"a transcript has 1 to {TRANSCRIPT_MAX} characters")
    before = {"transcript_length": len(recording.transcript or "")}
    recording.transcript = stored
    await audit.record(
        session,
        user,
        Action.TRANSCRIPT_SAVED,
        "attachment",
        recording.id,
        before,
        {"report": report.tracking_code, "kind": recording.kind, "transcript_length": len(stored)},
        ip,
        now=now or utcnow(),
    )
