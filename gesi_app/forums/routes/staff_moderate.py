"""HTTP for moderation: the list of a forum's inputs (/staff/forums/{code}/inputs), hiding one
with a reason, showing it again, and the transcript of a voice input. Plain forms that post and
redirect; every board learns of a hidden or restored input through its event stream."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.backoffice.web import page
from gesi_app.forums import moderation as mod
from gesi_app.forums.forms import text
from gesi_app.forums.models import Forum
from gesi_app.forums.routes.staff import RUN, forum_page
from gesi_app.forums.voice import TRANSCRIPT_MAX, save_transcript, transcripts, voice_of
from gesi_app.i18n import gettext
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of


def _list_url(request: Request, forum: Forum, done: str) -> str:
    url = request.app.url_path_for("staff_forum_inputs", code=forum.join_code)
    return f"{url}?done={done}"


def _not_found(request: Request, user: StaffUser) -> Response:
    return page(request, user, "forums/staff_not_found.html", status_code=404)


@forum_page(RUN)
async def inputs(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        everything = await mod.all_inputs(session, forum)
        written = await transcripts(session, forum)
        voices = {i.id for i in everything if not i.text}
    context = {
        "forum": forum,
        "shown": [i for i in everything if i.hidden_at is None],
        "hidden": [i for i in everything if i.hidden_at is not None],
        "voices": voices,
        "written": written,
        "agenda_titles": {item.id: item.title for item in forum.agenda},
        "done": request.query_params.get("done"),
    }
    return page(request, user, "forums/staff_inputs.html", context)


async def _hide_page(
    request: Request,
    user: StaffUser,
    forum: Forum,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    kept: dict[str, str] | None = None,
) -> Response:
    async with db(request) as session:
        try:
            item = await mod.input_of(session, forum, request.path_params["input_id"])
        except LookupError:
            return _not_found(request, user)
    if item.hidden_at is not None:
        return RedirectResponse(_list_url(request, forum, "hidden"), status_code=303)
    context = {
        "forum": forum,
        "item": item,
        "agenda_titles": {a.id: a.title for a in forum.agenda},
        "errors": errors or {},
        "kept": kept or {},
    }
    return page(request, user, "forums/staff_hide.html", context, status_code=status_code)


@forum_page(RUN)
async def hide(request: Request, user: StaffUser, forum: Forum) -> Response:
    if request.method == "GET":
        return await _hide_page(request, user, forum)
    reason = text(await request.form(), "reason")
    error = None
    if not reason:
        error = gettext("Enter why the input is hidden")
    elif len(reason) > mod.REASON_MAX:
        error = gettext("Write %(max)s characters or fewer", max=mod.REASON_MAX)
    if error:
        kept = {"reason": reason}
        return await _hide_page(
            request, user, forum, status_code=400, errors={"reason": error}, kept=kept
        )
    async with db(request) as session:
        try:
            item = await mod.hide_input(
                session,
                user,
                forum,
                request.path_params["input_id"],
                reason,
                ip=client_address(request),
            )
        except LookupError:
            return _not_found(request, user)
    await mod.announce_hidden(state_of(request).broker, item)
    return RedirectResponse(_list_url(request, forum, "hidden"), status_code=303)


@forum_page(RUN)
async def restore(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        try:
            item = await mod.restore_input(
                session, user, forum, request.path_params["input_id"], ip=client_address(request)
            )
        except LookupError:
            return _not_found(request, user)
    timezone = state_of(request).settings.timezone
    await mod.announce_restored(state_of(request).broker, item, timezone)
    return RedirectResponse(_list_url(request, forum, "restored"), status_code=303)


async def _transcript_page(
    request: Request,
    user: StaffUser,
    forum: Forum,
    *,
    status_code: int = 200,
    **extra: Any,
) -> Response:
    input_id = request.path_params["input_id"]
    async with db(request) as session:
        voice = await voice_of(session, forum, input_id)
        item = await mod.input_of(session, forum, input_id) if voice else None
    if voice is None or item is None:
        return _not_found(request, user)
    context = {
        "forum": forum,
        "item": item,
        "voice": voice,
        "agenda_titles": {a.id: a.title for a in forum.agenda},
        "errors": {},
        "kept": {"transcript": voice.transcript or ""},
        **extra,
    }
    return page(request, user, "forums/staff_transcript.html", context, status_code=status_code)


@forum_page(RUN)
async def transcript(request: Request, user: StaffUser, forum: Forum) -> Response:
    if request.method == "GET":
        return await _transcript_page(request, user, forum)
    written = text(await request.form(), "transcript")
    error = None
    if not written:
        error = gettext("Enter what the person said")
    elif len(written) > TRANSCRIPT_MAX:
        error = gettext("Write %(max)s characters or fewer", max=TRANSCRIPT_MAX)
    if error:
        return await _transcript_page(
            request,
            user,
            forum,
            status_code=400,
            errors={"transcript": error},
            kept={"transcript": written},
        )
    async with db(request) as session:
        try:
            await save_transcript(
                session,
                user,
                forum,
                request.path_params["input_id"],
                written,
                ip=client_address(request),
            )
        except LookupError:
            return _not_found(request, user)
    return RedirectResponse(_list_url(request, forum, "transcript"), status_code=303)


routes = [
    Route("/staff/forums/{code:str}/inputs", inputs, name="staff_forum_inputs"),
    Route(
        "/staff/forums/{code:str}/inputs/{input_id:int}/hide",
        hide,
        methods=["GET", "POST"],
        name="staff_forum_input_hide",
    ),
    Route(
        "/staff/forums/{code:str}/inputs/{input_id:int}/restore",
        restore,
        methods=["POST"],
        name="staff_forum_input_restore",
    ),
    Route(
        "/staff/forums/{code:str}/voice/{input_id:int}/transcript",
        transcript,
        methods=["GET", "POST"],
        name="staff_forum_transcript",
    ),
]
