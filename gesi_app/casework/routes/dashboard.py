"""The staff dashboard: the signed-in member's start page (overdue reports, missing calendars)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, has_permission
from gesi_app.agencies.models import Agency
from gesi_app.backoffice.web import page, staff_page
from gesi_app.calendar import service as working_calendar
from gesi_app.casework import queue
from gesi_app.reports import deadline_gaps
from gesi_app.web.database import db
from gesi_app.web.state import state_of


@staff_page()
async def dashboard(request: Request, user: StaffUser) -> Response:
    agency = None
    overdue = None
    async with db(request) as session:
        if user.agency_id is not None:
            agency = await session.get(Agency, user.agency_id)
        if has_permission(user, Permission.VIEW_QUEUE):
            today = clock.today(state_of(request).settings.timezone)
            overdue = await queue.count_overdue(session, user, today)
        missing: list[int] = []
        if has_permission(user, Permission.MANAGE_SETTINGS):
            timezone = state_of(request).settings.timezone
            calendar = await working_calendar.load(session)
            missing = await deadline_gaps.missing_years(session, calendar, timezone)
    context = {"agency": agency, "overdue": overdue, "missing": missing}
    return page(request, user, "staff/dashboard.html", context)


routes = [Route("/staff", dashboard, name="staff_home")]
