"""HTTP for facilitators: the forums list, setting one up, its overview, start/end, invitation.

Quick capture is in ``staff_capture``; attendance, minutes and reports from inputs in
``staff_minutes``. Every page needs Permission.RUN_FORUMS (admins and facilitators); the
pages of one forum go through ``forum_page``, which also finds the forum its user runs.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.agencies.models import Agency
from gesi_app.agencies.service import active_agencies
from gesi_app.backoffice.web import forbidden, page, resumed_fields, staff_page
from gesi_app.forums.codes import spaced
from gesi_app.forums.facilitators import facilitates
from gesi_app.forums.forms import parse_setup
from gesi_app.forums.labels import (
    ACCOMMODATION_LABELS,
    AUDIENCE_LABELS,
    FORMAT_LABELS,
    choices,
    template_labels,
)
from gesi_app.forums.models import Forum, ForumState
from gesi_app.forums.routes.public import join_url
from gesi_app.forums.service import (
    ForumNotFound,
    StateUnchanged,
    advance_state,
    all_forums,
    create_forum,
    forum_by_code,
)
from gesi_app.i18n import get_locale, gettext
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

RUN = Permission.RUN_FORUMS

ForumEndpoint = Callable[[Request, StaffUser, Forum], Awaitable[Response]]


async def staff_forum(request: Request, user: StaffUser) -> Forum | Response:
    """The forum named in the path if ``user`` runs it (facilitators.facilitates); else the
    staff 'not found' or 'forbidden' page."""
    async with db(request) as session:
        try:
            forum = await forum_by_code(session, request.path_params["code"])
        except ForumNotFound:
            return page(request, user, "forums/staff_not_found.html", status_code=404)
        if not await facilitates(session, user, forum):
            return forbidden(request, user)
        return forum


def forum_page(
    permission: Permission,
) -> Callable[[ForumEndpoint], Callable[[Request], Awaitable[Response]]]:
    """Wrap an endpoint of one forum's staff pages: the gate of ``staff_page(permission)``, then
    the forum in the path if the user runs it (``staff_forum``; else its 404 or 403 page); the
    endpoint is called with (request, user, forum)."""

    def decorate(endpoint: ForumEndpoint) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(endpoint)
        async def with_forum(request: Request, user: StaffUser) -> Response:
            forum = await staff_forum(request, user)
            if isinstance(forum, Response):
                return forum
            return await endpoint(request, user, forum)

        return staff_page(permission)(with_forum)

    return decorate


def csv_download(body: str, filename: str) -> Response:
    """A CSV file to save, never cached."""
    return Response(
        "\ufeff" + body,  # a byte-order mark so spreadsheet programs read UTF-8
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def setup_choices(agencies: Sequence[Agency]) -> dict[str, Any]:
    """The choices of the set-up form (also used to change a forum)."""
    return {
        "agency_choices": [Choice("", gettext("No agency"))]
        + [Choice(str(a.id), a.name(get_locale())) for a in agencies],
        "format_choices": choices(FORMAT_LABELS),
        "accommodation_choices": choices(ACCOMMODATION_LABELS),
        "audience_choices": choices(AUDIENCE_LABELS),
    }


async def agency_name(request: Request, forum: Forum) -> str | None:
    if forum.agency_id is None:
        return None
    async with db(request) as session:
        agency = await session.get(Agency, forum.agency_id)
    return agency.name(get_locale()) if agency else None


@staff_page(RUN)
async def forum_list(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        forums = await all_forums(session, user)
    return page(request, user, "forums/staff_list.html", {"forums": forums, **template_labels()})


@staff_page(RUN)
async def new_forum(request: Request, user: StaffUser) -> Response:
    settings = state_of(request).settings
    async with db(request) as session:
        agencies = await active_agencies(session)
        context: dict[str, Any] = {"errors": {}, "kept": {}, **setup_choices(agencies)}
        if request.method == "GET":
            resumed = resumed_fields(request)
            context.update(kept=resumed or {})
            return page(request, user, "forums/staff_new.html", context)
        parsed = parse_setup(
            await request.form(),
            {str(a.id) for a in agencies},
            settings.timezone,
            clock.today(settings.timezone),
        )
        if parsed.forum is None:
            context.update(kept=parsed.kept, errors=parsed.errors)
            return page(request, user, "forums/staff_new.html", context, status_code=400)
        forum = await create_forum(session, user, parsed.forum, ip=client_address(request))
    url = request.app.url_path_for("staff_forum", code=forum.join_code)
    return RedirectResponse(f"{url}?created=1", status_code=303)


@forum_page(RUN)
async def forum_overview(request: Request, user: StaffUser, forum: Forum) -> Response:
    context = {
        "forum": forum,
        "spaced_code": spaced(forum.join_code),
        "join_url": join_url(request, forum.join_code),
        "agency": await agency_name(request, forum),
        "created": request.query_params.get("created") == "1",
        "changed": request.query_params.get("changed") == "1",
        **template_labels(),
    }
    return page(request, user, "forums/staff_forum.html", context)


@forum_page(RUN)
async def change_state(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        target = str((await request.form()).get("state", ""))
        if target in {s.value for s in ForumState}:
            with contextlib.suppress(StateUnchanged):  # a second click: the overview says so
                await advance_state(
                    session, user, forum, ForumState(target), ip=client_address(request)
                )
    url = request.app.url_path_for("staff_forum", code=forum.join_code)
    return RedirectResponse(str(url), status_code=303)


@forum_page(RUN)
async def invitation(request: Request, user: StaffUser, forum: Forum) -> Response:
    context = {
        "forum": forum,
        "spaced_code": spaced(forum.join_code),
        "join_url": join_url(request, forum.join_code),
        "agency": await agency_name(request, forum),
        "forums_url": state_of(request).settings.base_url + request.app.url_path_for("forums"),
        **template_labels(),
    }
    return page(request, user, "forums/staff_invitation.html", context)


routes = [
    Route("/staff/forums", forum_list, name="staff_forums"),
    Route("/staff/forums/new", new_forum, methods=["GET", "POST"], name="staff_forum_new"),
    Route("/staff/forums/{code:str}", forum_overview, name="staff_forum"),
    Route(
        "/staff/forums/{code:str}/state",
        change_state,
        methods=["POST"],
        name="staff_forum_state",
    ),
    Route("/staff/forums/{code:str}/invitation", invitation, name="staff_forum_invitation"),
]
