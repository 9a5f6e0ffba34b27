"""The holidays page (admins): the calendar by year, add and remove local holidays, mark a
year complete. Plain forms and POSTs; every change is audited in gesi_app.holidays.admin."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, staff_page
from gesi_app.calendar import service as working_calendar
from gesi_app.calendar.models import HolidayKind
from gesi_app.holidays import admin
from gesi_app.holidays.forms import parse_new_holiday
from gesi_app.i18n import gettext as _
from gesi_app.i18n import lazy_gettext
from gesi_app.reports import deadline_gaps
from gesi_app.reports.deadlines import Deadlines
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of

KIND_LABELS = {
    HolidayKind.NATIONAL: lazy_gettext("National holiday"),
    HolidayKind.CUTI_BERSAMA: lazy_gettext("Cuti bersama (joint leave)"),
    HolidayKind.LOCAL: lazy_gettext("Local holiday"),
}
DONE = ("added", "removed", "completed")


def _timezone(request: Request) -> str:
    tz: str = state_of(request).settings.timezone
    return tz


async def _list_page(
    request: Request,
    user: StaffUser,
    session: AsyncSession,
    kept: dict[str, str],
    errors: dict[str, str],
) -> Response:
    timezone = _timezone(request)
    today = clock.today(timezone)
    missing = await deadline_gaps.missing_years(
        session, await working_calendar.load(session), timezone
    )
    done = request.query_params.get("done", "")
    context: dict[str, Any] = {
        "years": await admin.years(session, user, today, missing),
        "missing": missing,
        "kind_labels": KIND_LABELS,
        "kept": kept,
        "errors": errors,
        "done": done if done in DONE else "",
    }
    return page(request, user, "staff/holidays.html", context, status_code=400 if errors else 200)


@staff_page(Permission.MANAGE_SETTINGS)
async def holidays(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        if request.method == "GET":
            return await _list_page(request, user, session, {}, {})
        new, kept, errors = parse_new_holiday(await request.form())
        if new is not None:
            try:
                await admin.add_local(session, user, new, client_address(request))
            except admin.HolidayError:
                errors = {"name_id": _("This holiday is already on that date")}
            else:
                await session.commit()
                return RedirectResponse(_done(request, "added"), status_code=303)
        return await _list_page(request, user, session, kept, errors)


@staff_page(Permission.MANAGE_SETTINGS)
async def holiday_remove(request: Request, user: StaffUser) -> Response:
    holiday_id: int = request.path_params["holiday_id"]
    async with db(request) as session:
        try:
            holiday = await admin.get_removable(session, user, holiday_id)
        except admin.HolidayError:
            return page(request, user, "staff/not_found.html", status_code=404)
        if request.method == "GET":
            return page(request, user, "staff/holiday_remove.html", {"holiday": holiday})
        await admin.remove(session, user, holiday_id, client_address(request))
        await session.commit()
    return RedirectResponse(_done(request, "removed"), status_code=303)


@staff_page(Permission.MANAGE_SETTINGS)
async def year_complete(request: Request, user: StaffUser) -> Response:
    year: int = request.path_params["year"]
    async with db(request) as session:
        try:
            await admin.mark_complete(
                session,
                user,
                year,
                client_address(request),
                timezone=_timezone(request),
                deadlines=state_of(request).resource(Deadlines),
            )
        except admin.HolidayError:
            return page(request, user, "staff/not_found.html", status_code=404)
        await session.commit()
    return RedirectResponse(_done(request, "completed") + f"#year-{year}", status_code=303)


def _done(request: Request, what: str) -> str:
    return f"{request.app.url_path_for('staff_holidays')}?done={what}"


routes = [
    Route("/staff/holidays", holidays, methods=["GET", "POST"], name="staff_holidays"),
    Route(
        "/staff/holidays/{holiday_id:int}/remove",
        holiday_remove,
        methods=["GET", "POST"],
        name="staff_holiday_remove",
    ),
    Route(
        "/staff/holidays/years/{year:int}/complete",
        year_complete,
        methods=["POST"],
        name="staff_holiday_year_complete",
    ),
]
