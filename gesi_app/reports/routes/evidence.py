"""The evidence question's form handling: upload one file at a time, remove one, or go on.

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
from gesi_app.reports import evidence
from gesi_app.reports.models import Draft
from gesi_app.web.csrf import multipart_form
from gesi_app.web.numbers import parse_int
from gesi_app.web.uploads import read_limited, uploads_dir


@dataclass
class EvidenceOutcome:
    action: str  # continue | stay | error
    errors: dict[str, str] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)


async def evidence_context(session: AsyncSession, draft: Draft | None) -> dict[str, Any]:
    files = await evidence.draft_attachments(session, draft.id) if draft else []
    return {
        "files": files,
        "max_files": evidence.MAX_FILES,
        "room": len(files) < evidence.MAX_FILES,
    }


async def evidence_action(request: Request, session: AsyncSession, draft: Draft) -> EvidenceOutcome:
    try:
        form = await multipart_form(request, max_files=1, max_fields=10)
    except HTTPException as exc:
        if exc.status_code != 400:  # a CSRF refusal stays a refusal
            raise
        return EvidenceOutcome("error", {"evidence_file": _("Upload one file at a time")})
    action = str(form.get("action", "continue"))
    description = str(form.get("evidence_description", "")).strip()
    if action.startswith("remove:"):
        attachment_id = parse_int(action.partition(":")[2])
        if attachment_id is None:
            return EvidenceOutcome("stay")
        await evidence.remove_from_draft(session, uploads_dir(request), draft.id, attachment_id)
        return EvidenceOutcome("stay")
    if action != "upload":
        return EvidenceOutcome("continue")
    upload = form.get("evidence_file")
    typed = {"evidence_description": description}
    if not isinstance(upload, UploadFile) or not upload.filename:
        return EvidenceOutcome("error", {"evidence_file": _("Choose a file to upload")}, typed)
    data = await read_limited(upload, evidence.MAX_BYTES)
    if data is None:
        return EvidenceOutcome(
            "error", {"evidence_file": _("The file must be smaller than 10 MB")}, typed
        )
    try:
        await evidence.add_to_draft(
            session, uploads_dir(request), draft.id, upload.filename, data, description
        )
    except evidence.EvidenceError as exc:
        return EvidenceOutcome("error", {exc.field: exc.message}, typed)
    return EvidenceOutcome("stay")
