"""Adding a representative to a community group (admins, from the group's page)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, password_link, resumed_fields, staff_page
from gesi_app.groups import reps
from gesi_app.groups.rep_forms import parse_new_rep, rep_error_message
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of

NO_STORE = {"Cache-Control": "no-store"}


@staff_page(Permission.MANAGE_USERS)
async def rep_new(request: Request, user: StaffUser) -> Response:
    group_id: int = request.path_params["group_id"]
    async with db(request) as session:
        try:
            group = await reps.group_for_reps(session, user, group_id)
        except reps.GroupNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        context: dict[str, Any] = {"group": group, "errors": {}, "kept": {}}
        if request.method == "GET":
            resumed = resumed_fields(request)
            context.update(kept=resumed or {}, resumed=resumed is not None)
            return page(request, user, "groups/staff_rep_new.html", context)
        data, kept, errors = parse_new_rep(await request.form())
        context["kept"] = kept
        if data is not None:
            try:
                added = await reps.add_representative(
                    session, user, group_id, data, client_address(request),
                    hasher=state_of(request).hasher,
                )  # fmt: skip
            except reps.RepError as error:
                errors = {error.field: rep_error_message(error)}
            else:
                await session.commit()
                context = {
                    "group": group,
                    "person": added.user,
                    "link": password_link(request, added.password_token),
                }
                return page(request, user, "groups/staff_rep_added.html", context, headers=NO_STORE)
        context["errors"] = errors
        return page(request, user, "groups/staff_rep_new.html", context, status_code=400)


routes = [
    Route(
        "/staff/groups/{group_id:int}/representatives/new",
        rep_new,
        methods=["GET", "POST"],
        name="staff_group_rep_new",
    ),
]
