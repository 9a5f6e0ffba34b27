"""HTTP for the live board: /forums/{code}/board for projection and its event stream.

Without JavaScript the board is a page as of its load, with a reload link and the time it was
last updated. With it, board.js listens to /board/events (Server-Sent Events).
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from gesi_app.db.base import utcnow
from gesi_app.forums import live
from gesi_app.forums.codes import spaced
from gesi_app.forums.labels import template_labels
from gesi_app.forums.participation import inputs_of
from gesi_app.forums.routes.public import NO_STORE, join_url, not_found
from gesi_app.forums.service import ForumNotFound, forum_by_code
from gesi_app.web.database import db
from gesi_app.web.numbers import parse_int
from gesi_app.web.state import state_of
from gesi_app.web.templating import render


async def board(request: Request) -> Response:
    async with db(request) as session:
        try:
            forum = await forum_by_code(session, request.path_params["code"])
        except ForumNotFound:
            return not_found(request)
        inputs = await inputs_of(session, forum)
    timezone = state_of(request).settings.timezone
    context = {
        "forum": forum,
        "spaced_code": spaced(forum.join_code),
        "join_url": join_url(request, forum.join_code),
        "sections": [
            (
                item,
                [
                    i
                    for i in reversed(inputs)
                    if i.agenda_item_id == item.id and i.merged_into_id is None  # duplicates once
                ],
            )
            for item in forum.agenda
        ],
        "last_id": inputs[-1].id if inputs else 0,
        "updated_at": utcnow(),
        "clock": lambda at: live.clock(at, timezone),
        **template_labels(),
    }
    return render(request, "forums/board.html", context, headers=NO_STORE)


def _after(request: Request) -> int:
    for value in (request.headers.get("last-event-id"), request.query_params.get("after")):
        if value:
            after = parse_int(value)
            if after is None:
                raise HTTPException(400)
            return after
    return 0


async def board_events(request: Request) -> Response:
    async with db(request) as session:
        try:
            forum = await forum_by_code(session, request.path_params["code"])
        except ForumNotFound:
            return Response(status_code=404)
    stream = live.event_stream(
        state_of(request).broker,
        state_of(request).sessions,
        forum,
        _after(request),
        state_of(request).settings.timezone,
    )
    return StreamingResponse(
        stream,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


routes = [
    Route("/forums/{code:str}/board", board, name="forum_board"),
    Route("/forums/{code:str}/board/events", board_events, name="forum_board_events"),
]
