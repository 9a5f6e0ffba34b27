"""HTTP for a recording's transcript: /staff/reports/{code}/files/{id}/transcript (plain POST).

Routes only parse, call the service and render; who may write is decided in ``transcripts``.
"""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import forbidden, page, staff_page
from gesi_app.casework import casework, transcripts
from gesi_app.casework.casework import ReportHidden
from gesi_app.i18n import get_locale, gettext
from gesi_app.web.client import client_address
from gesi_app.web.database import db

TEMPLATE = "staff/report_transcript.html"


def parse_transcript(text: str) -> dict[str, str]:
    cleaned = transcripts.cleaned(text)
    if not cleaned:
        return {"transcript": gettext("Enter what the recording says")}
    if len(cleaned) > transcripts.TRANSCRIPT_MAX:
        return {
            "transcript": gettext(
                "The transcript must be %(num)s characters or fewer",
                num=format_decimal(transcripts.TRANSCRIPT_MAX, locale=get_locale()),
            )
        }
    return {}


@staff_page(Permission.VIEW_QUEUE)
async def transcript_page(request: Request, user: StaffUser) -> Response:
    code, file_id = request.path_params["code"], request.path_params["file_id"]
    async with db(request) as session:
        try:
            report = await casework.open_report(
                session, user, code, for_update=request.method == "POST"
            )
            recording = transcripts.recording_of(report, file_id)
        except (ReportHidden, transcripts.NotARecording):
            return page(request, user, "staff/report_not_found.html", status_code=404)
        if not transcripts.may_transcribe(user, report):
            return forbidden(request, user)
        context: dict[str, Any] = {
            "report": report,
            "recording": recording,
            "errors": {},
            "kept": {"transcript": recording.transcript or ""},
        }
        if request.method == "GET":
            return page(request, user, TEMPLATE, context)
        form = await request.form()
        text = str(form.get("transcript", ""))
        context["kept"] = {"transcript": text}
        context["errors"] = parse_transcript(text)
        if context["errors"]:
            return page(request, user, TEMPLATE, context, status_code=400)
        await transcripts.save_transcript(
            session, user, report, recording, text, ip=client_address(request)
        )
        await session.commit()
    url = request.app.url_path_for("staff_report", code=report.tracking_code)
    return RedirectResponse(f"{url}?done=transcript#file-{recording.id}", status_code=303)


routes = [
    Route(
        "/staff/reports/{code:str}/files/{file_id:int}/transcript",
        transcript_page,
        methods=["GET", "POST"],
        name="staff_report_transcript",
    ),
]
