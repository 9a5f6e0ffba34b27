"""Agency pages for admins: list, add, rename, deactivate or reactivate."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.agencies import admin
from gesi_app.agencies.forms import agency_error_message, parse_agency
from gesi_app.staff.models import StaffUser
from gesi_app.staff.permissions import Permission
from gesi_app.staff.web import client_ip, page, resumed_fields, staff_page
from gesi_app.web.database import db


@staff_page(Permission.MANAGE_SETTINGS)
async def agency_list(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        rows = await admin.list_agencies(session, user)
    context = {"rows": rows, "saved": request.query_params.get("saved") == "1"}
    return page(request, user, "staff/agencies.html", context)


@staff_page(Permission.MANAGE_SETTINGS)
async def agency_new(request: Request, user: StaffUser) -> Response:
    context: dict[str, Any] = {"errors": {}, "kept": {}, "agency": None}
    if request.method == "GET":
        resumed = resumed_fields(request)
        context.update(kept=resumed or {}, resumed=resumed is not None)
        return page(request, user, "staff/agency_form.html", context)
    data, kept, errors = parse_agency(await request.form(), with_active=False)
    context["kept"] = kept
    if data is not None:
        async with db(request) as session:
            try:
                await admin.add_agency(session, user, data, client_ip(request))
            except admin.AgencyError as error:
                errors = {error.field: agency_error_message(error)}
            else:
                await session.commit()
                url = request.app.url_path_for("staff_agencies")
                return RedirectResponse(f"{url}?saved=1", status_code=303)
    context["errors"] = errors
    return page(request, user, "staff/agency_form.html", context, status_code=400)


@staff_page(Permission.MANAGE_SETTINGS)
async def agency_edit(request: Request, user: StaffUser) -> Response:
    agency_id: int = request.path_params["agency_id"]
    async with db(request) as session:
        try:
            agency = await admin.get_agency(session, user, agency_id)
        except admin.AgencyNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        current = {
            "name_id": agency.name_id,
            "name_en": agency.name_en,
            "active": "yes" if agency.active else "no",
        }
        context: dict[str, Any] = {"errors": {}, "kept": current, "agency": agency}
        if request.method == "GET":
            resumed = resumed_fields(request)
            if resumed is not None:
                context.update(kept={**current, **resumed}, resumed=True)
            return page(request, user, "staff/agency_form.html", context)
        data, kept, errors = parse_agency(await request.form(), with_active=True)
        context["kept"] = kept
        if data is not None:
            try:
                await admin.change_agency(session, user, agency_id, data, client_ip(request))
            except admin.AgencyError as error:
                errors = {error.field: agency_error_message(error)}
            else:
                await session.commit()
                url = request.app.url_path_for("staff_agencies")
                return RedirectResponse(f"{url}?saved=1", status_code=303)
        context["errors"] = errors
        return page(request, user, "staff/agency_form.html", context, status_code=400)


routes = [
    Route("/staff/agencies", agency_list, name="staff_agencies"),
    Route("/staff/agencies/new", agency_new, methods=["GET", "POST"], name="staff_agency_new"),
    Route(
        "/staff/agencies/{agency_id:int}",
        agency_edit,
        methods=["GET", "POST"],
        name="staff_agency",
    ),
]
