"""HTTP for facilitators prioritising: /staff/forums/{code}/prioritise and its forms.

One page: open or close a dot vote, enter dots counted in the room, the results; write
statements, open or close the agree / disagree / pass round, the results. Every change goes
through the services in ``dot_votes`` and ``statements`` (authorised and audited there).
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.backoffice.web import page
from gesi_app.forums import dot_votes, statements
from gesi_app.forums.attendance import SUPPRESS_BELOW
from gesi_app.forums.labels import template_labels
from gesi_app.forums.models import Forum
from gesi_app.forums.participation import accepts_inputs
from gesi_app.forums.prioritising_minutes import prioritising_csv, prioritising_minutes
from gesi_app.forums.results_live import announce_results, results_stream
from gesi_app.forums.routes.staff import RUN, csv_download, forum_page
from gesi_app.forums.service import ForumClosed, forum_by_code
from gesi_app.forums.vote_forms import dot_field, parse_dots, parse_open, parse_statement
from gesi_app.forums.vote_models import DEFAULT_DOTS
from gesi_app.i18n import gettext
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of


def vote_on_choices(forum: Forum) -> list[Choice]:
    return [Choice(str(item.id), item.title) for item in forum.agenda] + [
        Choice("all", gettext("All inputs of the forum"))
    ]


async def _page(
    request: Request, user: StaffUser, forum: Forum, *, status_code: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        vote = await dot_votes.open_vote_of(session, forum)
        votes = await dot_votes.votes_of(session, forum)
        shown = vote or (votes[-1] if votes else None)
        dot_results = await dot_votes.results(session, shown) if shown else []
        room = await dot_votes.dots_of(session, shown, None) if shown else {}
        statement_results = await statements.results(session, forum)
    context = {
        "forum": forum,
        "open": accepts_inputs(forum),
        "vote": vote,
        "shown_vote": shown,
        "dot_results": dot_results,
        "room_kept": {dot_field(i): str(n) for i, n in room.items()},
        "vote_on_choices": vote_on_choices(forum),
        "agenda_titles": {item.id: item.title for item in forum.agenda},
        "statement_results": statement_results,
        "round_open": any(r.statement.is_open for r in statement_results),
        "suppress_below": SUPPRESS_BELOW,
        "dot_field": dot_field,
        "errors": {},
        "kept": {"dots": str(DEFAULT_DOTS)},
        "done": request.query_params.get("done", ""),
        **template_labels(),
        **extra,
    }
    return page(request, user, "forums/staff_prioritise.html", context, status_code=status_code)


def _back(request: Request, forum: Forum, done: str, anchor: str) -> Response:
    url = request.app.url_path_for("staff_forum_prioritise", code=forum.join_code)
    return RedirectResponse(f"{url}?done={done}#{anchor}", status_code=303)


async def _change(
    request: Request,
    user: StaffUser,
    forum: Forum,
    change: Callable[[AsyncSession, Forum], Awaitable[object]],
    done: str,
    anchor: str,
) -> Response:
    """``change`` the forum (loaded again in the change's session) and go back to the page at
    ``anchor``; the page again with 409 when the forum has ended."""
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        try:
            await change(session, forum)
        except ForumClosed:
            return await _page(request, user, forum, status_code=409)
    return _back(request, forum, done, anchor)


@forum_page(RUN)
async def results_csv(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        found = await prioritising_minutes(session, forum)
    headers = [
        gettext("Kind"),
        gettext("Dot vote"),
        gettext("Agenda item"),
        gettext("Input or statement"),
        gettext("Dots"),
        gettext("Counted in the room"),
        gettext("Agree"),
        gettext("Disagree"),
        gettext("Pass"),
    ]
    labels = {
        "all": gettext("All inputs of the forum"),
        "voice": gettext("Voice message"),
        "dots": gettext("Dot vote"),
        "statement": gettext("Statement"),
    }
    body = prioritising_csv(
        found["dot_sections"],
        found["statement_results"],
        headers,
        labels,
        found["agenda_titles"],
    )
    return csv_download(body, f"forum-{forum.join_code}-prioritising.csv")


@forum_page(RUN)
async def prioritise(request: Request, user: StaffUser, forum: Forum) -> Response:
    return await _page(request, user, forum)


@forum_page(RUN)
async def open_dot_vote(request: Request, user: StaffUser, forum: Forum) -> Response:
    parsed = parse_open(await request.form(), {item.id for item in forum.agenda})
    if parsed.value is None:
        return await _page(
            request, user, forum, status_code=400, errors=parsed.errors, kept=parsed.kept
        )
    vote_on, dots = parsed.value
    return await _change(
        request,
        user,
        forum,
        lambda session, current: dot_votes.open_vote(
            session, user, current, vote_on, dots, ip=client_address(request)
        ),
        "vote-opened",
        "dot-vote",
    )


@forum_page(RUN)
async def close_dot_vote(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        with contextlib.suppress(dot_votes.VoteClosed):  # a second click changes nothing
            await dot_votes.close_vote(session, user, forum, ip=client_address(request))
    return _back(request, forum, "vote-closed", "dot-vote")


@forum_page(RUN)
async def room_dots(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        vote = await dot_votes.open_vote_of(session, forum)
        if vote is None:
            return await _page(request, user, forum, status_code=409)
        inputs = await dot_votes.inputs_for(session, vote)
        parsed = parse_dots(await request.form(), [i.id for i in inputs], None)
        if parsed.value is None:
            return await _page(
                request, user, forum, status_code=400, errors=parsed.errors, room_kept=parsed.kept
            )
        await dot_votes.count_room_dots(
            session, user, forum, vote, parsed.value, ip=client_address(request)
        )
    await announce_results(state_of(request).broker, forum.id)
    return _back(request, forum, "room-counted", "dot-results")


@forum_page(RUN)
async def add_statement(request: Request, user: StaffUser, forum: Forum) -> Response:
    parsed = parse_statement(await request.form())
    if parsed.value is None:
        kept = {"dots": str(DEFAULT_DOTS), **parsed.kept}
        return await _page(request, user, forum, status_code=400, errors=parsed.errors, kept=kept)
    statement = parsed.value
    return await _change(
        request,
        user,
        forum,
        lambda session, current: statements.add_statement(
            session, user, current, statement, ip=client_address(request)
        ),
        "statement-added",
        "statements",
    )


@forum_page(RUN)
async def statement_round(request: Request, user: StaffUser, forum: Forum) -> Response:
    wanted = str((await request.form()).get("round", ""))

    async def set_round(session: AsyncSession, current: Forum) -> None:
        if wanted in {"open", "close"}:
            await statements.set_round(
                session, user, current, wanted == "open", ip=client_address(request)
            )

    return await _change(request, user, forum, set_round, f"round-{wanted}", "statements")


@forum_page(RUN)
async def results_events(request: Request, user: StaffUser, forum: Forum) -> Response:
    """The results page's event stream: a ``results`` event whenever they change."""
    return StreamingResponse(
        results_stream(state_of(request).broker, forum.id),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


def _route(path: str, endpoint: Any, name: str) -> Route:
    return Route(
        f"/staff/forums/{{code:str}}/prioritise{path}", endpoint, methods=["POST"], name=name
    )


routes = [
    Route("/staff/forums/{code:str}/prioritise", prioritise, name="staff_forum_prioritise"),
    Route(
        "/staff/forums/{code:str}/prioritising.csv",
        results_csv,
        name="staff_forum_prioritising_csv",
    ),
    Route(
        "/staff/forums/{code:str}/prioritise/events",
        results_events,
        name="staff_forum_prioritise_events",
    ),
    _route("/dot-vote", open_dot_vote, "staff_forum_dot_vote_open"),
    _route("/dot-vote/close", close_dot_vote, "staff_forum_dot_vote_close"),
    _route("/room-dots", room_dots, "staff_forum_room_dots"),
    _route("/statements", add_statement, "staff_forum_statement_add"),
    _route("/statements/round", statement_round, "staff_forum_statement_round"),
]
