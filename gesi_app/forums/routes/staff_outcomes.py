"""HTTP for a forum's outcomes: themes and merged duplicates, agreed points and the follow-up
plan (with follow-up items made tracked reports). Plain forms that post and redirect; each
form's fields have their own names, so one page carries the errors of whichever was sent."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.service import active_agencies
from gesi_app.backoffice.web import forbidden, page
from gesi_app.forums import outcomes as out
from gesi_app.forums.facilitators import NotFacilitator
from gesi_app.forums.labels import point_choices, template_labels
from gesi_app.forums.models import Forum
from gesi_app.forums.outcome_forms import (
    NO_THEME,
    Parsed,
    parse_assign,
    parse_follow_up,
    parse_merge,
    parse_point,
    parse_theme,
)
from gesi_app.forums.participation import inputs_of
from gesi_app.forums.routes.staff import RUN, forum_page
from gesi_app.forums.service import forum_by_code
from gesi_app.i18n import get_locale, gettext
from gesi_app.reports.deadlines import Deadlines
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

T = TypeVar("T")


def _label(text: str) -> str:
    return text if len(text) <= 80 else text[:79] + "…"


async def _themes_page(
    request: Request, user: StaffUser, forum: Forum, *, status_code: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        inputs = await inputs_of(session, forum)
        themes = await out.themes_of(session, forum)
    names = {t.id: t.title for t in themes}
    listed = out.shown(inputs)
    agenda = {a.id: a.title for a in forum.agenda}
    input_choices = [
        Choice(
            str(i.id),
            f"#{i.id} {_label(i.text)}",
            hint=f"{agenda[i.agenda_item_id]}"
            + (f" · {gettext('Theme')}: {names[i.theme_id]}" if i.theme_id in names else ""),
        )
        for i in listed
    ]
    context = {
        "forum": forum,
        "themes": themes,
        "input_choices": input_choices,
        "plain_choices": [Choice("", gettext("Choose one"))]
        + [
            Choice(str(i.id), f"#{i.id} {_label(i.text or gettext('Voice message'))}")
            for i in listed
        ],
        "theme_choices": [Choice("", gettext("Choose one"))]
        + [Choice(str(t.id), t.title) for t in themes]
        + [Choice(NO_THEME, gettext("No theme"))],
        "merged": [i for i in inputs if i.merged_into_id is not None],
        "errors": {},
        "kept": {},
        "done": request.query_params.get("done"),
        **template_labels(),
        **extra,
    }
    return page(request, user, "forums/staff_themes.html", context, status_code=status_code)


def _done_url(request: Request, name: str, forum: Forum, done: str) -> str:
    url = request.app.url_path_for(name, code=forum.join_code)
    return f"{url}?done={done}"


async def _save_or_show_errors(
    request: Request,
    user: StaffUser,
    forum: Forum,
    parsed: Parsed[T],
    show: Callable[..., Awaitable[Response]],
    save: Callable[[AsyncSession, T], Awaitable[object]],
    then: str,
) -> Response:
    """``show`` the form's page again (400, with the errors and what was typed) when the form
    has errors; else ``save`` what it holds and go to ``then``."""
    if parsed.value is None:
        return await show(
            request, user, forum, status_code=400, errors=parsed.errors, kept=parsed.kept
        )
    async with db(request) as session:
        await save(session, parsed.value)
    return RedirectResponse(then, status_code=303)


@forum_page(RUN)
async def themes(request: Request, user: StaffUser, forum: Forum) -> Response:
    if request.method == "GET":
        return await _themes_page(request, user, forum)
    return await _save_or_show_errors(
        request,
        user,
        forum,
        parse_theme(await request.form()),
        _themes_page,
        lambda session, title: out.add_theme(
            session, user, forum, title, ip=client_address(request)
        ),
        _done_url(request, "staff_forum_themes", forum, "theme"),
    )


@forum_page(RUN)
async def assign(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        inputs = {i.id for i in out.shown(await inputs_of(session, forum))}
        theme_ids = {t.id for t in await out.themes_of(session, forum)}
    return await _save_or_show_errors(
        request,
        user,
        forum,
        parse_assign(await request.form(), inputs, theme_ids),
        _themes_page,
        lambda session, value: out.assign_theme(
            session, user, forum, *value, ip=client_address(request)
        ),
        _done_url(request, "staff_forum_themes", forum, "grouped"),
    )


@forum_page(RUN)
async def merge(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        inputs = {i.id for i in out.shown(await inputs_of(session, forum))}
    return await _save_or_show_errors(
        request,
        user,
        forum,
        parse_merge(await request.form(), inputs),
        _themes_page,
        lambda session, value: out.merge_input(
            session, user, forum, *value, ip=client_address(request)
        ),
        _done_url(request, "staff_forum_themes", forum, "merged"),
    )


async def _outcomes_page(
    request: Request, user: StaffUser, forum: Forum, *, status_code: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        agencies = await active_agencies(session)
        points = await out.agreed_points(session, forum)
        plan = await out.follow_ups(session, forum)
        codes = await out.follow_up_codes(session, forum)
    locale = get_locale()
    context = {
        "forum": forum,
        "points": points,
        "plan": plan,
        "codes": codes,
        "agency_names": {a.id: a.name(locale) for a in agencies},
        "owner_choices": [Choice("", gettext("Choose one"))]
        + [Choice(str(a.id), a.name(locale)) for a in agencies],
        **point_choices(agencies, locale),
        "errors": {},
        "kept": {},
        "done": request.query_params.get("done"),
        **template_labels(),
        **extra,
    }
    return page(request, user, "forums/staff_outcomes.html", context, status_code=status_code)


@forum_page(RUN)
async def outcomes(request: Request, user: StaffUser, forum: Forum) -> Response:
    return await _outcomes_page(request, user, forum)


@forum_page(RUN)
async def agreed(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        agencies = {str(a.id) for a in await active_agencies(session)}
    return await _save_or_show_errors(
        request,
        user,
        forum,
        parse_point(await request.form(), agencies),
        _outcomes_page,
        lambda session, point: out.add_agreed_point(
            session, user, forum, point, ip=client_address(request)
        ),
        _done_url(request, "staff_forum_outcomes", forum, "point"),
    )


@forum_page(RUN)
async def follow_up(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        agencies = {str(a.id) for a in await active_agencies(session)}
    today = clock.today(state_of(request).settings.timezone)
    return await _save_or_show_errors(
        request,
        user,
        forum,
        parse_follow_up(await request.form(), agencies, today),
        _outcomes_page,
        lambda session, new: out.add_follow_up(
            session, user, forum, new, ip=client_address(request)
        ),
        _done_url(request, "staff_forum_outcomes", forum, "follow_up"),
    )


@forum_page(RUN)
async def follow_up_report(request: Request, user: StaffUser, forum: Forum) -> Response:
    url = str(request.app.url_path_for("staff_forum_outcomes", code=forum.join_code))
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        try:
            report = await out.follow_up_report(
                session,
                user,
                forum,
                request.path_params["follow_up_id"],
                locale=get_locale(),
                timezone=state_of(request).settings.timezone,
                deadlines=state_of(request).resource(Deadlines),
                hasher=state_of(request).hasher,
                ip=client_address(request),
            )
        except out.FollowUpReported as done:
            return RedirectResponse(f"{url}?reported={done.code}", status_code=303)
        except NotFacilitator:
            return forbidden(request, user)
        except LookupError:
            return page(request, user, "forums/staff_not_found.html", status_code=404)
    return RedirectResponse(f"{url}?reported={report.tracking_code}", status_code=303)


routes = [
    Route(
        "/staff/forums/{code:str}/themes",
        themes,
        methods=["GET", "POST"],
        name="staff_forum_themes",
    ),
    Route(
        "/staff/forums/{code:str}/themes/assign",
        assign,
        methods=["POST"],
        name="staff_forum_themes_assign",
    ),
    Route("/staff/forums/{code:str}/merge", merge, methods=["POST"], name="staff_forum_merge"),
    Route("/staff/forums/{code:str}/outcomes", outcomes, name="staff_forum_outcomes"),
    Route("/staff/forums/{code:str}/agreed", agreed, methods=["POST"], name="staff_forum_agreed"),
    Route(
        "/staff/forums/{code:str}/follow-ups",
        follow_up,
        methods=["POST"],
        name="staff_forum_follow_ups",
    ),
    Route(
        "/staff/forums/{code:str}/follow-ups/{follow_up_id:int}/report",
        follow_up_report,
        methods=["POST"],
        name="staff_forum_follow_up_report",
    ),
]
