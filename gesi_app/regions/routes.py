"""Area pages for admins: the kecamatan of each kabupaten/kota served, and one page per
kecamatan or desa to rename it for display or turn it off for the report journey."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, resumed_fields, staff_page
from gesi_app.regions import admin
from gesi_app.regions.forms import parse_area
from gesi_app.web.client import client_address
from gesi_app.web.database import db


@staff_page(Permission.MANAGE_SETTINGS)
async def area_list(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        served = await admin.served_areas(session, user)
    return page(request, user, "staff/regions.html", {"served": served})


@staff_page(Permission.MANAGE_SETTINGS)
async def area_edit(request: Request, user: StaffUser) -> Response:
    code: str = request.path_params["code"]
    async with db(request) as session:
        try:
            area = await admin.get_area(session, user, code)
        except admin.AreaNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        current = {"name": area.name, "active": "yes" if area.active else "no"}
        context: dict[str, Any] = {
            "area": area,
            "parent": await session.get(type(area), area.parent_code) if area.parent_code else None,
            "places": await admin.places_in(session, user, area),
            "errors": {},
            "kept": current,
            "saved": request.query_params.get("saved") == "1",
        }
        if request.method == "GET":
            resumed = resumed_fields(request)
            if resumed is not None:
                context.update(kept={**current, **resumed}, resumed=True)
            return page(request, user, "staff/region.html", context)
        data, kept, errors = parse_area(await request.form())
        context["kept"] = kept
        if data is not None:
            await admin.change_area(session, user, code, data, client_address(request))
            await session.commit()
            url = request.app.url_path_for("staff_region", code=code)
            return RedirectResponse(f"{url}?saved=1", status_code=303)
        context["errors"] = errors
        return page(request, user, "staff/region.html", context, status_code=400)


routes = [
    Route("/staff/regions", area_list, name="staff_regions"),
    Route("/staff/regions/{code:str}", area_edit, methods=["GET", "POST"], name="staff_region"),
]
