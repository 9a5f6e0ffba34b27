"""HTTP for making a forum's follow-up item a tracked report sent on behalf of an approved
community group: the group and its counts, with the same fields, bounds and messages as a
paper petition at staff intake (reports/collective_staff.py). The outcomes page's own button
still makes a report of no group."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.backoffice.web import forbidden, page
from gesi_app.forums import outcomes as out
from gesi_app.forums.facilitators import NotFacilitator, require_facilitator
from gesi_app.forums.models import FollowUp, Forum
from gesi_app.forums.routes.staff import RUN, forum_page
from gesi_app.forums.service import forum_by_code
from gesi_app.i18n import get_locale, gettext
from gesi_app.reports.collective import ActingGroup, approved_groups
from gesi_app.reports.collective_staff import FIELDS, parse_collective
from gesi_app.reports.deadlines import Deadlines
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice, field_text
from gesi_app.web.state import state_of


def _page(
    request: Request,
    user: StaffUser,
    forum: Forum,
    item: FollowUp,
    number: int,
    groups: list[ActingGroup],
    *,
    status_code: int = 200,
    **extra: Any,
) -> Response:
    context = {
        "forum": forum,
        "item": item,
        "number": number,
        "group_choices": [Choice("", gettext("Choose one"))]
        + [Choice(str(g.id), g.name) for g in groups],
        "errors": {},
        "kept": {},
        **extra,
    }
    return page(
        request, user, "forums/staff_follow_up_group.html", context, status_code=status_code
    )


@forum_page(RUN)
async def follow_up_group(request: Request, user: StaffUser, forum: Forum) -> Response:
    outcomes_url = str(request.app.url_path_for("staff_forum_outcomes", code=forum.join_code))
    follow_up_id = request.path_params["follow_up_id"]
    async with db(request) as session:
        try:
            await require_facilitator(session, user, forum)
        except NotFacilitator:
            return forbidden(request, user)
        plan = list(await out.follow_ups(session, forum))
        codes = await out.follow_up_codes(session, forum)
        groups = await approved_groups(session)
    numbered = {item.id: (number, item) for number, item in enumerate(plan, start=1)}
    if follow_up_id not in numbered:
        return page(request, user, "forums/staff_not_found.html", status_code=404)
    if follow_up_id in codes:
        return RedirectResponse(f"{outcomes_url}?reported={codes[follow_up_id]}", status_code=303)
    number, item = numbered[follow_up_id]
    if request.method == "GET":
        return _page(request, user, forum, item, number, groups)
    form = await request.form()
    kept = {name: field_text(form, name) for name in FIELDS}
    collective, errors = parse_collective(form, {g.id: g for g in groups}, anonymous=False)
    if collective is None and not errors:
        errors = {"group": gettext("Choose the group the follow-up item is sent for")}
    if collective is None:
        return _page(
            request, user, forum, item, number, groups, status_code=400, errors=errors, kept=kept
        )
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        try:
            report = await out.follow_up_report(
                session,
                user,
                forum,
                follow_up_id,
                locale=get_locale(),
                timezone=state_of(request).settings.timezone,
                deadlines=state_of(request).resource(Deadlines),
                hasher=state_of(request).hasher,
                ip=client_address(request),
                collective=collective,
            )
        except out.FollowUpReported as done:
            return RedirectResponse(f"{outcomes_url}?reported={done.code}", status_code=303)
    return RedirectResponse(f"{outcomes_url}?reported={report.tracking_code}", status_code=303)


routes = [
    Route(
        "/staff/forums/{code:str}/follow-ups/{follow_up_id:int}/group",
        follow_up_group,
        methods=["GET", "POST"],
        name="staff_forum_follow_up_group",
    ),
]
