"""A community group's desk (representatives only): the group's reports, and each report's
page where any representative replies to the agency and rates its answer, as a reporter does
on the tracking page (the group's desk stands in for the reporter's PIN)."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, staff_page
from gesi_app.groups import desk
from gesi_app.i18n import gettext
from gesi_app.reports.codes import spaced
from gesi_app.reports.deadlines import Deadlines
from gesi_app.tracking import service as tracking
from gesi_app.tracking.forms import parse_rating, parse_reply
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of

NO_STORE = {"Cache-Control": "no-store"}
NOTICE = "desk_notice"  # session: a one-time "sent" notice for the report's next view


def _text(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


@staff_page(Permission.GROUP_DESK)
async def desk_home(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        group = await desk.desk_group(session, user)
        rows = await desk.desk_reports(session, user)
    context = {"group": group, "rows": rows}
    return page(request, user, "groups/desk.html", context, headers=NO_STORE)


async def _report_page(
    request: Request,
    user: StaffUser,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    code: str = request.path_params["code"]
    state = state_of(request)
    async with db(request) as session:
        try:
            report = await desk.desk_report(session, user, code)
        except desk.DeskReportNotFound:
            return page(request, user, "groups/desk_not_found.html", status_code=404)
        group = await desk.desk_group(session, user)
        view = await tracking.view(
            session,
            report.tracking_code,
            timezone=state.settings.timezone,
            deadlines=state.resource(Deadlines),
        )
    context: dict[str, Any] = {
        "group": group,
        "page": view,
        "report": view.report,
        "spaced_code": spaced(view.report.tracking_code),
        "errors": errors or {},
        "values": values or {},
        "notice": request.session.pop(NOTICE, None) if status_code == 200 else None,
        "reply_action": request.url_for("staff_desk_reply", code=view.report.tracking_code).path,
        "rating_action": request.url_for("staff_desk_rating", code=view.report.tracking_code).path,
    }
    return page(
        request, user, "groups/desk_report.html", context, status_code=status_code, headers=NO_STORE
    )


@staff_page(Permission.GROUP_DESK)
async def desk_report(request: Request, user: StaffUser) -> Response:
    return await _report_page(request, user)


def _back(request: Request, code: str) -> RedirectResponse:
    return RedirectResponse(request.url_for("staff_desk_report", code=code).path, 303)


@staff_page(Permission.GROUP_DESK)
async def desk_reply(request: Request, user: StaffUser) -> Response:
    form = await request.form()
    parsed = parse_reply(form)
    state = state_of(request)
    async with db(request) as session:
        try:
            report = await desk.desk_report(session, user, request.path_params["code"])
        except desk.DeskReportNotFound:
            return page(request, user, "groups/desk_not_found.html", status_code=404)
        if isinstance(parsed, dict):
            values = {"reply": _text(form, "reply")}
            return await _report_page(request, user, errors=parsed, values=values, status_code=400)
        await desk.record_reply(session, user, report, client_address(request))
        try:
            await tracking.add_reply(
                session,
                report,
                parsed,
                timezone=state.settings.timezone,
                deadlines=state.resource(Deadlines),
            )
        except tracking.ReplyNotAllowed:
            message = gettext("This report is closed. You cannot reply to it any more.")
            return await _report_page(
                request, user, errors={"status-now": message}, status_code=409
            )
    request.session[NOTICE] = "reply"
    return _back(request, report.tracking_code)


@staff_page(Permission.GROUP_DESK)
async def desk_rating(request: Request, user: StaffUser) -> Response:
    form = await request.form()
    parsed = parse_rating(form)
    async with db(request) as session:
        try:
            report = await desk.desk_report(session, user, request.path_params["code"])
        except desk.DeskReportNotFound:
            return page(request, user, "groups/desk_not_found.html", status_code=404)
        if isinstance(parsed, dict):
            values = {"score": _text(form, "score"), "comment": _text(form, "comment")}
            return await _report_page(request, user, errors=parsed, values=values, status_code=400)
        await desk.record_rating(session, user, report, parsed.score, client_address(request))
        try:
            await tracking.rate(session, report, parsed.score, parsed.comment)
        except tracking.AlreadyRated:
            message = gettext("You have already rated this answer. We keep your first rating.")
            return await _report_page(
                request, user, errors={"rating-given": message}, status_code=409
            )
        except tracking.RatingNotAllowed:
            message = gettext("You can rate the answer after the agency has answered.")
            return await _report_page(
                request, user, errors={"status-now": message}, status_code=409
            )
    request.session[NOTICE] = "rating"
    return _back(request, report.tracking_code)


routes = [
    Route("/staff/desk", desk_home, name="staff_desk"),
    Route("/staff/desk/{code:str}", desk_report, name="staff_desk_report"),
    Route("/staff/desk/{code:str}/reply", desk_reply, methods=["POST"], name="staff_desk_reply"),
    Route("/staff/desk/{code:str}/rating", desk_rating, methods=["POST"], name="staff_desk_rating"),
]
