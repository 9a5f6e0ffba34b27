"""HTTP for participants prioritising: /forums/{code}/dots and /forums/{code}/statements.

Plain forms: a number box per input (dots), a radio group per statement (agree / disagree /
pass). Only a joined participant can vote; public posts count against the per-address limit.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.forums import dot_votes, statements
from gesi_app.forums.limits import count_post
from gesi_app.forums.models import Forum, Participant
from gesi_app.forums.participation import accepts_inputs, participant_of
from gesi_app.forums.results_live import announce_results
from gesi_app.forums.routes.public import NO_STORE, SESSION_KEY, not_found
from gesi_app.forums.service import ForumClosed, ForumNotFound, forum_by_code
from gesi_app.forums.vote_forms import answer_field, dot_field, parse_answers, parse_dots
from gesi_app.forums.vote_models import Answer
from gesi_app.i18n import gettext
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

Endpoint = Callable[[Request], Awaitable[Response]]
ParticipantPage = Callable[[Request, Forum, Participant], Awaitable[Response]]


def answer_choices() -> list[Choice]:
    return [
        Choice(Answer.AGREE.value, gettext("Agree")),
        Choice(Answer.DISAGREE.value, gettext("Disagree")),
        Choice(Answer.PASS.value, gettext("Pass")),
    ]


async def _joined(request: Request) -> tuple[Forum, Participant | None] | Response:
    async with db(request) as session:
        try:
            forum = await forum_by_code(session, request.path_params["code"])
        except ForumNotFound:
            return not_found(request)
        participant = await participant_of(
            session, forum, request.session.get(SESSION_KEY, {}).get(forum.join_code)
        )
    return forum, participant


def _join_first(request: Request, forum: Forum) -> Response:
    url = request.app.url_path_for("forum", code=forum.join_code)
    return RedirectResponse(f"{url}#join", status_code=303)


def participant_form(show: ParticipantPage) -> Callable[[ParticipantPage], Endpoint]:
    """Wrap the POST handler of a page only a joined participant uses: the forum's 'not found'
    page, or its join form, for anyone else; a GET shows the page (``show``); a POST counts
    against the per-address limit, then the handler gets (request, forum, participant)."""

    def decorate(post: ParticipantPage) -> Endpoint:
        @functools.wraps(post)
        async def endpoint(request: Request) -> Response:
            found = await _joined(request)
            if isinstance(found, Response):
                return found
            forum, participant = found
            if participant is None:
                return _join_first(request, forum)
            if request.method == "GET":
                return await show(request, forum, participant)
            await count_post(request)
            return await post(request, forum, participant)

        return endpoint

    return decorate


async def _dots_page(
    request: Request, forum: Forum, participant: Participant, *, status: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        vote = await dot_votes.open_vote_of(session, forum)
        inputs = await dot_votes.inputs_for(session, vote) if vote else []
        mine = await dot_votes.dots_of(session, vote, participant) if vote else {}
    context = {
        "forum": forum,
        "vote": vote if accepts_inputs(forum) else None,
        "inputs": inputs,
        "agenda_titles": {item.id: item.title for item in forum.agenda},
        "kept": {dot_field(i): str(n) for i, n in mine.items()},
        "errors": {},
        "saved": request.query_params.get("saved") == "1",
        "dot_field": dot_field,
        **extra,
    }
    return render(request, "forums/dots.html", context, status_code=status, headers=NO_STORE)


@participant_form(_dots_page)
async def dots(request: Request, forum: Forum, participant: Participant) -> Response:
    async with db(request) as session:
        vote = await dot_votes.open_vote_of(session, forum)
        if vote is None or not accepts_inputs(forum):
            return await _dots_page(request, forum, participant, status=409)
        inputs = await dot_votes.inputs_for(session, vote)
        parsed = parse_dots(await request.form(), [i.id for i in inputs], vote.dots)
        if parsed.value is None:
            return await _dots_page(
                request, forum, participant, status=400, errors=parsed.errors, kept=parsed.kept
            )
        try:
            await dot_votes.cast_dots(session, forum, participant, parsed.value)
        except (dot_votes.VoteClosed, ForumClosed, LookupError):
            return await _dots_page(request, forum, participant, status=409)
    await announce_results(state_of(request).broker, forum.id)
    url = request.app.url_path_for("forum_dots", code=forum.join_code)
    return RedirectResponse(f"{url}?saved=1", status_code=303)


async def _statements_page(
    request: Request, forum: Forum, participant: Participant, *, status: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        listed = await statements.statements_of(session, forum)
        mine = await statements.answers_of(session, forum, participant)
    is_open = accepts_inputs(forum)
    context = {
        "forum": forum,
        "statements": [s for s in listed if s.is_open and is_open],
        "kept": {answer_field(i): a.value for i, a in mine.items()},
        "errors": {},
        "saved": request.query_params.get("saved") == "1",
        "answer_field": answer_field,
        "answer_choices": answer_choices(),
        **extra,
    }
    return render(request, "forums/statements.html", context, status_code=status, headers=NO_STORE)


@participant_form(_statements_page)
async def answer_statements(request: Request, forum: Forum, participant: Participant) -> Response:
    async with db(request) as session:
        shown = [s.id for s in await statements.statements_of(session, forum) if s.is_open]
        parsed = parse_answers(await request.form(), shown)
        if parsed.value is None:
            return await _statements_page(
                request, forum, participant, status=400, errors=parsed.errors, kept=parsed.kept
            )
        try:
            await statements.answer(session, forum, participant, parsed.value)
        except (statements.RoundClosed, ForumClosed):
            return await _statements_page(request, forum, participant, status=409)
    await announce_results(state_of(request).broker, forum.id)
    url = request.app.url_path_for("forum_statements", code=forum.join_code)
    return RedirectResponse(f"{url}?saved=1", status_code=303)


routes = [
    Route("/forums/{code:str}/dots", dots, methods=["GET", "POST"], name="forum_dots"),
    Route(
        "/forums/{code:str}/statements",
        answer_statements,
        methods=["GET", "POST"],
        name="forum_statements",
    ),
]
