"""HTTP for voice inputs: /forums/{code}/voice (a participant sends a recording: a plain file
input, record.js adds recording as an enhancement) and, for the forum's facilitators,
/staff/forums/{code}/voice (every voice message with a player) and each recording's bytes."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.backoffice.web import page
from gesi_app.forums import live
from gesi_app.forums.models import Forum, Participant
from gesi_app.forums.participation import accepts_inputs
from gesi_app.forums.routes.public import NO_STORE, agenda_choices
from gesi_app.forums.routes.staff import RUN, forum_page
from gesi_app.forums.routes.votes import participant_form
from gesi_app.forums.service import ForumClosed, forum_by_code
from gesi_app.forums.voice import add_voice_input, voice_inputs, voice_of
from gesi_app.i18n import gettext as _
from gesi_app.reports import recordings
from gesi_app.web.csrf import multipart_form
from gesi_app.web.database import db
from gesi_app.web.numbers import parse_int
from gesi_app.web.state import state_of
from gesi_app.web.templating import render
from gesi_app.web.uploads import read_limited, uploads_dir


async def _page(
    request: Request, forum: Forum, *, status_code: int = 200, **extra: Any
) -> Response:
    context = {
        "forum": forum,
        "open": accepts_inputs(forum),
        "agenda_choices": agenda_choices(forum),
        "max_seconds": recordings.MAX_SECONDS,
        "errors": {},
        "kept": {},
        **extra,
    }
    return render(request, "forums/voice.html", context, status_code=status_code, headers=NO_STORE)


async def _errors(
    request: Request, forum: Forum
) -> tuple[dict[str, str], dict[str, str], int | None, bytes | None]:
    try:
        form = await multipart_form(request, max_files=1, max_fields=5)
    except HTTPException as exc:
        if exc.status_code != 400:  # a CSRF refusal stays a refusal
            raise
        return {"recording": _("Send one recording at a time")}, {}, None, None
    typed = str(form.get("agenda_item", ""))
    kept = {"agenda_item": typed}
    errors: dict[str, str] = {}
    item = parse_int(typed)
    if item not in {i.id for i in forum.agenda}:
        errors["agenda_item"] = _("Choose the agenda item")
    upload = form.get("recording")
    data = None
    if not (isinstance(upload, UploadFile) and upload.filename):
        errors["recording"] = _("Choose a recording to upload")
    else:
        data = await read_limited(upload, recordings.MAX_VIDEO_BYTES)
        if data is None:
            errors["recording"] = recordings.max_bytes_message()
    return errors, kept, item, data


async def _voice_page(request: Request, forum: Forum, participant: Participant) -> Response:
    return await _page(request, forum)


@participant_form(_voice_page)
async def voice(request: Request, forum: Forum, participant: Participant) -> Response:
    url = str(request.app.url_path_for("forum", code=forum.join_code))
    errors, kept, item, data = await _errors(request, forum)
    if errors or item is None or data is None:
        return await _page(request, forum, status_code=400, errors=errors, kept=kept)
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        try:
            stored = await add_voice_input(
                session, forum, participant, item, data, uploads_dir(request)
            )
        except recordings.RecordingError as exc:
            errors = {"recording": exc.message}
            return await _page(request, forum, status_code=400, errors=errors, kept=kept)
        except ForumClosed:
            return await _page(request, forum, status_code=409)
    await live.announce(state_of(request).broker, stored, state_of(request).settings.timezone)
    return RedirectResponse(f"{url}?added=1#your-inputs", status_code=303)


@forum_page(RUN)
async def staff_voice(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        found = await voice_inputs(session, forum)
    context = {
        "forum": forum,
        "voices": found,
        "agenda_titles": {item.id: item.title for item in forum.agenda},
        "summary": recordings.recording_summary,
    }
    return page(request, user, "forums/staff_voice.html", context)


@forum_page(RUN)
async def recording(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        found = await voice_of(session, forum, request.path_params["input_id"])
    path = uploads_dir(request) / found.storage_key if found else None
    if found is None or path is None or not path.is_file():
        return page(request, user, "forums/staff_not_found.html", status_code=404)
    return FileResponse(
        path, media_type=found.content_type, headers={"Cache-Control": "private, no-store"}
    )


routes = [
    Route("/forums/{code:str}/voice", voice, methods=["GET", "POST"], name="forum_voice"),
    Route("/staff/forums/{code:str}/voice", staff_voice, name="staff_forum_voice"),
    Route(
        "/staff/forums/{code:str}/voice/{input_id:int}",
        recording,
        name="staff_forum_voice_recording",
    ),
]
