"""The "What happened?" question's form handling: text, or a voice message or a sign-language
video instead (a file input without JavaScript; record.js records into the same input).

Kept apart from routes.py because it reads multipart bodies; the journey itself stays there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from gesi_app.i18n import gettext as _
from gesi_app.reports import recordings
from gesi_app.reports.forms import Options, parse_details
from gesi_app.reports.models import Draft
from gesi_app.web.csrf import multipart_form
from gesi_app.web.uploads import read_limited, uploads_dir

REMOVE = "remove-recording"


@dataclass
class DetailsOutcome:
    action: str  # continue | stay | error
    answers: dict[str, Any] = field(default_factory=dict)  # None removes an answer
    errors: dict[str, str] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)


async def details_context(session: AsyncSession, draft: Draft | None) -> dict[str, Any]:
    recording = await recordings.draft_recording(session, draft.id) if draft else None
    return {
        "recording": recording,
        "recording_text": (
            recordings.recording_summary(recording.kind, recording.duration_seconds)
            if recording
            else None
        ),
        "remove_recording": REMOVE,
        "max_seconds": recordings.MAX_SECONDS,
    }


def _answer(text: str, recording: Any) -> dict[str, Any]:
    """The step's answers: the text ("" when the recording tells it) and the recording."""
    if recording is None:
        return {"details": text or None, "recording": None}
    return {
        "details": text,
        "recording": {"kind": recording.kind, "seconds": recording.duration_seconds},
    }


async def details_action(
    request: Request, session: AsyncSession, draft: Draft, answers: dict[str, Any]
) -> DetailsOutcome:
    """Text of 10 characters or more, or a recording (new, or already on the draft)."""
    try:
        form = await multipart_form(request, max_files=1, max_fields=10)
    except HTTPException as exc:
        if exc.status_code != 400:  # a CSRF refusal stays a refusal
            raise
        return DetailsOutcome("error", errors={"recording": _("Send one recording at a time")})
    folder = uploads_dir(request)
    text = str(form.get("details", "")).strip()
    if form.get("action") == REMOVE:
        await recordings.remove_recording(session, folder, draft.id)
        kept = str(answers.get("details") or "")
        return DetailsOutcome("stay", _answer(kept, None))
    typed = {"details": text}
    upload = form.get("recording")
    has_file = isinstance(upload, UploadFile) and bool(upload.filename)
    current = await recordings.draft_recording(session, draft.id)
    if not text and not has_file and current is None:
        message = _("Tell us what happened, or send a voice message or a sign-language video")
        return DetailsOutcome("error", errors={"details": message}, typed=typed)
    if text:
        parsed = parse_details(form, Options())
        if parsed.errors:
            return DetailsOutcome("error", errors=parsed.errors, typed=typed)
    if isinstance(upload, UploadFile) and has_file:
        data = await read_limited(upload, recordings.MAX_VIDEO_BYTES)
        if data is None:
            return DetailsOutcome(
                "error", errors={"recording": recordings.max_bytes_message()}, typed=typed
            )
        try:
            current = await recordings.set_recording(
                session, folder, draft.id, upload.filename or "", data
            )
        except recordings.RecordingError as exc:
            return DetailsOutcome("error", errors={"recording": exc.message}, typed=typed)
    return DetailsOutcome("continue", _answer(text, current))
