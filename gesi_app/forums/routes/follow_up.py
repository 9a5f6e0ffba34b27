"""HTTP for "You said, we did": /forums/{code}/follow-up, public, what became of what a forum
agreed and planned."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.forums import follow_through
from gesi_app.forums.labels import POINT_STATE_LABELS
from gesi_app.forums.routes.public import not_found
from gesi_app.forums.service import ForumNotFound, forum_by_code
from gesi_app.i18n import get_locale
from gesi_app.public.labels import STATUS_LABELS
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.templating import render


async def follow_up(request: Request) -> Response:
    today = clock.today(state_of(request).settings.timezone)
    async with db(request) as session:
        try:
            forum = await forum_by_code(session, request.path_params["code"])
        except ForumNotFound:
            return not_found(request)
        points = await follow_through.agreed(session, forum, today)
        plan = await follow_through.promises(session, forum, today)
    context = {
        "forum": forum,
        "points": points,
        "plan": plan,
        "locale": get_locale(),
        "status_labels": STATUS_LABELS,
        "point_states": POINT_STATE_LABELS,
    }
    return render(request, "forums/follow_up.html", context, headers={"Cache-Control": "no-cache"})


routes = [Route("/forums/{code:str}/follow-up", follow_up, name="forum_follow_up")]
