"""HTTP for corrections: change or delete a theme, an agreed point or a follow-up item. One
page per row with its form (the same fields as when it was added) and a delete button."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.service import active_agencies
from gesi_app.backoffice.web import page
from gesi_app.forums import corrections as fix
from gesi_app.forums.labels import point_choices
from gesi_app.forums.models import AgreedPoint, FollowUp, Forum, Theme
from gesi_app.forums.outcome_forms import Parsed, parse_follow_up, parse_point, parse_theme
from gesi_app.forums.outcomes import NewFollowUp, NewPoint, NotInForum
from gesi_app.forums.routes.staff import RUN, forum_page
from gesi_app.i18n import get_locale, gettext
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

KINDS = ("theme", "point", "follow_up")
BACK = {"theme": "staff_forum_themes", "point": "staff_forum_outcomes"}


def _back(request: Request, forum: Forum, kind: str, done: str) -> str:
    url = request.app.url_path_for(BACK.get(kind, "staff_forum_outcomes"), code=forum.join_code)
    return f"{url}?done={done}"


def _kept(kind: str, row: Theme | AgreedPoint | FollowUp) -> dict[str, object]:
    if isinstance(row, Theme):
        return {"theme_title": row.title}
    if isinstance(row, AgreedPoint):
        when = row.due_on
        return {
            "point": row.text,
            "point_owner": str(row.agency_id or ""),
            "point_due_day": str(when.day) if when else "",
            "point_due_month": str(when.month) if when else "",
            "point_due_year": str(when.year) if when else "",
            "point_state": row.state.value if row.state else "",
        }
    due = row.due_on
    return {
        "what": row.what,
        "owner": str(row.agency_id),
        "due_day": str(due.day),
        "due_month": str(due.month),
        "due_year": str(due.year),
    }


async def _page(
    request: Request,
    user: StaffUser,
    forum: Forum,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    kept: dict[str, object] | None = None,
) -> Response:
    kind = request.path_params["kind"]
    async with db(request) as session:
        try:
            row = await fix.any_of(session, forum, kind, request.path_params["row_id"])
        except NotInForum:
            return page(request, user, "forums/staff_not_found.html", status_code=404)
        agencies = await active_agencies(session)
    locale = get_locale()
    context = {
        "forum": forum,
        "kind": kind,
        "heading": {
            "theme": gettext("Change or delete the theme"),
            "point": gettext("Change or delete the agreed point"),
        }.get(kind, gettext("Change or delete the follow-up item")),
        "row": row,
        "back_url": _back(request, forum, kind, "").removesuffix("?done="),
        "owner_choices": [Choice("", gettext("Choose one"))]
        + [Choice(str(a.id), a.name(locale)) for a in agencies],
        **point_choices(agencies, locale),
        "errors": errors or {},
        "kept": kept if kept is not None else _kept(kind, row),
    }
    return page(request, user, "forums/staff_correct.html", context, status_code=status_code)


async def _save(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    kind: str,
    row_id: int,
    value: str | NewFollowUp | NewPoint,
    *,
    ip: str | None,
) -> None:
    if isinstance(value, NewFollowUp):
        await fix.change_follow_up(session, user, forum, row_id, value, ip=ip)
    elif isinstance(value, NewPoint):
        await fix.change_point(session, user, forum, row_id, value, ip=ip)
    else:
        await fix.change_theme(session, user, forum, row_id, value, ip=ip)


@forum_page(RUN)
async def correct(request: Request, user: StaffUser, forum: Forum) -> Response:
    kind = request.path_params["kind"]
    if kind not in KINDS:
        return page(request, user, "forums/staff_not_found.html", status_code=404)
    if request.method == "GET":
        return await _page(request, user, forum)
    form = await request.form()
    parsed: Parsed[str] | Parsed[NewFollowUp] | Parsed[NewPoint]
    if kind == "theme":
        parsed = parse_theme(form)
    else:  # a point and a follow-up item name an owner among the active agencies
        async with db(request) as session:
            agencies = {str(a.id) for a in await active_agencies(session)}
        if kind == "point":
            parsed = parse_point(form, agencies)
        else:
            today = clock.today(state_of(request).settings.timezone)
            parsed = parse_follow_up(form, agencies, today)
    if parsed.value is None:
        return await _page(
            request, user, forum, status_code=400, errors=parsed.errors, kept=parsed.kept
        )
    async with db(request) as session:
        try:
            row_id = request.path_params["row_id"]
            ip = client_address(request)
            await _save(session, user, forum, kind, row_id, parsed.value, ip=ip)
        except NotInForum:
            return page(request, user, "forums/staff_not_found.html", status_code=404)
    return RedirectResponse(_back(request, forum, kind, f"{kind}_changed"), status_code=303)


@forum_page(RUN)
async def delete(request: Request, user: StaffUser, forum: Forum) -> Response:
    kind = request.path_params["kind"]
    remove = {
        "theme": fix.delete_theme,
        "point": fix.delete_point,
        "follow_up": fix.delete_follow_up,
    }.get(kind)
    if remove is None:
        return page(request, user, "forums/staff_not_found.html", status_code=404)
    async with db(request) as session:
        try:
            await remove(
                session, user, forum, request.path_params["row_id"], ip=client_address(request)
            )
        except NotInForum:
            return page(request, user, "forums/staff_not_found.html", status_code=404)
    return RedirectResponse(_back(request, forum, kind, f"{kind}_deleted"), status_code=303)


routes = [
    Route(
        "/staff/forums/{code:str}/outcomes/{kind:str}/{row_id:int}",
        correct,
        methods=["GET", "POST"],
        name="staff_forum_correct",
    ),
    Route(
        "/staff/forums/{code:str}/outcomes/{kind:str}/{row_id:int}/delete",
        delete,
        methods=["POST"],
        name="staff_forum_delete",
    ),
]
