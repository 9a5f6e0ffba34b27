"""HTTP for taking part: /forums (list, join by code), /forums/{code} (join, add input), the QR.

The board and its event stream are in ``board``; facilitators' pages in ``staff_routes``.
"""

from __future__ import annotations

import io
from typing import Any

import segno
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.forums import live
from gesi_app.forums.codes import normalise_join_code, spaced
from gesi_app.forums.labels import template_labels
from gesi_app.forums.limits import count_post
from gesi_app.forums.models import Forum
from gesi_app.forums.participation import accepts_inputs, inputs_of, join, participant_of
from gesi_app.forums.participation import add_input as store_input
from gesi_app.forums.participation_forms import parse_input, parse_join
from gesi_app.forums.service import ForumClosed, ForumNotFound, forum_by_code, open_forums
from gesi_app.i18n import get_locale, gettext
from gesi_app.offload import run_blocking
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

SESSION_KEY = "forums"  # join code -> participant id, in the signed session cookie
NO_STORE = {"Cache-Control": "no-store"}


def not_found(request: Request) -> Response:
    return render(request, "forums/not_found.html", status_code=404)


def answer_choices(no_label: str | None = None) -> list[Choice]:
    return [
        Choice("yes", gettext("Yes")),
        Choice("no", no_label or gettext("No")),
        Choice("skip", gettext("Prefer not to say")),
    ]


def join_choices() -> dict[str, list[Choice]]:
    return {
        "genders": [
            Choice("woman", gettext("Woman")),
            Choice("man", gettext("Man")),
            Choice("skip", gettext("Prefer not to say")),
        ],
        "answers": answer_choices(),
        "news_choices": [Choice("yes", gettext("Tell me when a follow-up of this forum moves on"))],
        "consent_choices": [
            Choice("yes", gettext("I agree that Suara keeps these answers to count who takes part"))
        ],
    }


def agenda_choices(forum: Forum) -> list[Choice]:
    return [Choice(str(item.id), item.title) for item in forum.agenda]


async def forum_list(request: Request) -> Response:
    typed = request.query_params.get("code")
    errors: dict[str, str] = {}
    if typed is not None:
        code = normalise_join_code(typed)
        if code is not None:
            async with db(request) as session:
                try:
                    await forum_by_code(session, code)
                except ForumNotFound:
                    errors["code"] = gettext("No forum has this code. Check the code and try again")
                else:
                    url = request.app.url_path_for("forum", code=code)
                    return RedirectResponse(str(url), status_code=303)
        else:
            errors["code"] = (
                gettext("Enter the join code")
                if not typed.strip()
                else gettext("Enter the 6 letters and numbers of the join code, like K7M 2PQ")
            )
    async with db(request) as session:
        forums = await open_forums(session)
    context = {"forums": forums, "errors": errors, "typed": typed or "", **template_labels()}
    return render(request, "forums/list.html", context, status_code=400 if errors else 200)


async def _forum_page(
    request: Request, forum: Forum, *, status_code: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        joined = await participant_of(
            session, forum, request.session.get(SESSION_KEY, {}).get(forum.join_code)
        )
        everyone = await inputs_of(session, forum)
    own = [i for i in everyone if joined is not None and i.participant_id == joined.id]
    context = {
        "forum": forum,
        "spaced_code": spaced(forum.join_code),
        "joined": joined,
        "own": own,
        "everyone": everyone,
        "last_id": everyone[-1].id if everyone else 0,
        "agenda_titles": {item.id: item.title for item in forum.agenda},
        "agenda_choices": agenda_choices(forum),
        "open": accepts_inputs(forum),
        "errors": {},
        "kept": {},
        "added": request.query_params.get("added") == "1",
        **join_choices(),
        **template_labels(),
        **extra,
    }
    return render(request, "forums/forum.html", context, status_code=status_code, headers=NO_STORE)


async def forum_page(request: Request) -> Response:
    async with db(request) as session:
        try:
            forum = await forum_by_code(session, request.path_params["code"])
        except ForumNotFound:
            return not_found(request)
    return await _forum_page(request, forum)


async def join_forum(request: Request) -> Response:
    await count_post(request)
    async with db(request) as session:
        try:
            forum = await forum_by_code(session, request.path_params["code"])
        except ForumNotFound:
            return not_found(request)
        parsed = parse_join(await request.form())
        if parsed.value is None:
            return await _forum_page(
                request, forum, status_code=400, errors=parsed.errors, kept=parsed.kept
            )
        try:
            participant = await join(
                session,
                forum,
                parsed.value.name,
                parsed.value.speaker,
                contact=parsed.value.contact,
                locale=get_locale(),
            )
        except ForumClosed:
            return await _forum_page(request, forum, status_code=409)
    joined = dict(request.session.get(SESSION_KEY, {}))
    joined[forum.join_code] = participant.id
    request.session[SESSION_KEY] = joined
    url = request.app.url_path_for("forum", code=forum.join_code)
    return RedirectResponse(f"{url}#add-input", status_code=303)


async def add_input(request: Request) -> Response:
    settings = state_of(request).settings
    await count_post(request)
    async with db(request) as session:
        try:
            forum = await forum_by_code(session, request.path_params["code"])
        except ForumNotFound:
            return not_found(request)
        participant = await participant_of(
            session, forum, request.session.get(SESSION_KEY, {}).get(forum.join_code)
        )
        url = str(request.app.url_path_for("forum", code=forum.join_code))
        if participant is None:  # the session ended: join again first
            return RedirectResponse(f"{url}#join", status_code=303)
        parsed = parse_input(await request.form(), {item.id for item in forum.agenda})
        if parsed.value is None:
            return await _forum_page(
                request, forum, status_code=400, errors=parsed.errors, kept=parsed.kept
            )
        try:
            item = await store_input(session, forum, parsed.value, participant=participant)
        except ForumClosed:
            return await _forum_page(request, forum, status_code=409)
    await live.announce(state_of(request).broker, item, settings.timezone)
    return RedirectResponse(f"{url}?added=1#your-inputs", status_code=303)


def join_url(request: Request, code: str) -> str:
    base = state_of(request).settings.base_url
    return f"{base}{request.app.url_path_for('forum', code=code)}"


def qr_svg(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=8, border=2, xmldecl=False, svgns=True
    )
    return buffer.getvalue()


async def qr_code(request: Request) -> Response:
    code = normalise_join_code(request.path_params["code"])
    if code is None:
        return Response(status_code=404)
    svg = await run_blocking(qr_svg, join_url(request, code))  # segno is pure Python: ~8 ms
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"Cache-Control": "public, max-age=86400"},
    )


routes = [
    Route("/forums", forum_list, name="forums"),
    Route("/forums/{code:str}", forum_page, name="forum"),
    Route("/forums/{code:str}/join", join_forum, methods=["POST"], name="forum_join"),
    Route("/forums/{code:str}/inputs", add_input, methods=["POST"], name="forum_add_input"),
    Route("/forums/{code:str}/qr.svg", qr_code, name="forum_qr"),
]
