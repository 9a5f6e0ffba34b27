"""HTTP for changing a forum's details (the set-up form again) and adding facilitators."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.service import active_agencies
from gesi_app.backoffice.web import forbidden, page
from gesi_app.forums import facilitators as fac
from gesi_app.forums.editing import AgendaItemInUse, earliest_date, setup_fields, update_forum
from gesi_app.forums.forms import parse_setup, text
from gesi_app.forums.models import Forum
from gesi_app.forums.routes.staff import (
    RUN,
    forum_page,
    setup_choices,
)
from gesi_app.forums.service import forum_by_code
from gesi_app.i18n import gettext
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.numbers import parse_int
from gesi_app.web.state import state_of


@forum_page(RUN)
async def edit_forum(request: Request, user: StaffUser, forum: Forum) -> Response:
    timezone = state_of(request).settings.timezone
    async with db(request) as session:
        agencies = await active_agencies(session)
        context: dict[str, Any] = {"forum": forum, "errors": {}, **setup_choices(agencies)}
        if request.method == "GET":
            context["kept"] = setup_fields(forum, timezone)
            return page(request, user, "forums/staff_edit.html", context)
        today = earliest_date(forum, timezone, clock.today(timezone))
        parsed = parse_setup(await request.form(), {str(a.id) for a in agencies}, timezone, today)
        context["kept"] = parsed.kept
        if parsed.forum is None:
            context["errors"] = parsed.errors
            return page(request, user, "forums/staff_edit.html", context, status_code=400)
        forum = await forum_by_code(session, forum.join_code)
        try:
            await update_forum(session, user, forum, parsed.forum, ip=client_address(request))
        except AgendaItemInUse as used:
            await session.rollback()
            context["errors"] = {
                "agenda": gettext(
                    "“%(item)s” has inputs, so it cannot be removed. Keep it in the list",
                    item=used.title,
                )
            }
            return page(request, user, "forums/staff_edit.html", context, status_code=400)
    url = request.app.url_path_for("staff_forum", code=forum.join_code)
    return RedirectResponse(f"{url}?changed=1", status_code=303)


async def _facilitators_page(
    request: Request, user: StaffUser, forum: Forum, *, status_code: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        added = await fac.facilitators_of(session, forum)
        candidates = await fac.candidates(session, forum)
        owner = await session.get(StaffUser, forum.created_by) if forum.created_by else None
    context = {
        "forum": forum,
        "owner": owner,
        "facilitators": added,
        "candidate_choices": [Choice("", gettext("Choose one"))]
        + [Choice(str(c.id), f"{c.full_name} ({c.username})") for c in candidates],
        "may_add": fac.may_add_facilitators(user, forum),
        "added": request.query_params.get("added"),
        "errors": {},
        "kept": {},
        **extra,
    }
    return page(request, user, "forums/staff_facilitators.html", context, status_code=status_code)


@forum_page(RUN)
async def facilitators(request: Request, user: StaffUser, forum: Forum) -> Response:
    if request.method == "GET":
        return await _facilitators_page(request, user, forum)
    chosen = text(await request.form(), "facilitator")
    async with db(request) as session:
        try:
            added = await fac.add_facilitator(
                session, user, forum, parse_int(chosen) or 0, ip=client_address(request)
            )
        except fac.NotFacilitator:
            return forbidden(request, user)
        except LookupError:
            errors = {"facilitator": gettext("Choose a facilitator from the list")}
            return await _facilitators_page(
                request, user, forum, status_code=400, errors=errors, kept={"facilitator": chosen}
            )
    url = request.app.url_path_for("staff_forum_facilitators", code=forum.join_code)
    return RedirectResponse(f"{url}?{urlencode({'added': added.full_name})}", status_code=303)


routes = [
    Route(
        "/staff/forums/{code:str}/edit",
        edit_forum,
        methods=["GET", "POST"],
        name="staff_forum_edit",
    ),
    Route(
        "/staff/forums/{code:str}/facilitators",
        facilitators,
        methods=["GET", "POST"],
        name="staff_forum_facilitators",
    ),
]
