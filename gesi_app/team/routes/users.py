"""Staff member pages (admin only): list, add, change, and make a one-time password link."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts import resets
from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.labels import ROLE_HINTS, ROLE_LABELS
from gesi_app.backoffice.web import page, password_link, resumed_fields, staff_page
from gesi_app.i18n import get_locale, gettext
from gesi_app.team import service as users
from gesi_app.team.forms import parse_new_user, parse_user_changes, user_error_message
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

NO_STORE = {"Cache-Control": "no-store"}


def _role_choices(person: StaffUser | None = None) -> list[Choice]:
    # A group representative is added from its group's page, where the group is chosen; its
    # own page keeps the role (to deactivate it like any staff member).
    keep_rep = person is not None and person.role is Role.GROUP_REP
    return [
        Choice(r.value, str(ROLE_LABELS[r]), str(ROLE_HINTS[r]))
        for r in Role
        if r is not Role.GROUP_REP or keep_rep
    ]


async def _agency_choices(session: AsyncSession) -> list[Choice]:
    locale = get_locale()
    agencies = await users.active_agencies(session)
    return [Choice("", gettext("No agency"))] + [
        Choice(str(a.id), a.name(locale)) for a in agencies
    ]


@staff_page(Permission.MANAGE_USERS)
async def user_list(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        rows = await users.list_users(session, user)
    return page(request, user, "staff/users.html", {"rows": rows})


@staff_page(Permission.MANAGE_USERS)
async def user_new(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        context: dict[str, Any] = {
            "roles": _role_choices(),
            "agencies": await _agency_choices(session),
            "errors": {},
            "kept": {},
        }
        if request.method == "GET":
            resumed = resumed_fields(request)
            context.update(kept=resumed or {}, resumed=resumed is not None)
            return page(request, user, "staff/user_new.html", context)
        data, kept, errors = parse_new_user(await request.form())
        context["kept"] = kept
        if data is not None:
            try:
                created = await users.add_user(
                    session, user, data, client_address(request), hasher=state_of(request).hasher
                )
            except users.UserError as error:
                errors = {error.field: user_error_message(error)}
            else:
                await session.commit()
                return page(
                    request,
                    user,
                    "staff/link.html",
                    {
                        "person": created.user,
                        "link": password_link(request, created.setup_token),
                        "new": True,
                    },
                    headers=NO_STORE,
                )
        context["errors"] = errors
        return page(request, user, "staff/user_new.html", context, status_code=400)


@staff_page(Permission.MANAGE_USERS)
async def user_edit(request: Request, user: StaffUser) -> Response:
    user_id: int = request.path_params["user_id"]
    async with db(request) as session:
        try:
            person = await users.get_user(session, user, user_id)
        except users.UserNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        current = {
            "role": person.role.value,
            "agency": str(person.agency_id or ""),
            "active": "yes" if person.active else "no",
        }
        context: dict[str, Any] = {
            "person": person,
            "roles": _role_choices(person),
            "agencies": await _agency_choices(session),
            "errors": {},
            "kept": current,
            "saved": request.query_params.get("saved") == "1",
        }
        if request.method == "GET":
            resumed = resumed_fields(request)
            if resumed is not None:
                context.update(kept={**current, **resumed}, resumed=True)
            return page(request, user, "staff/user_edit.html", context)
        changes, kept, errors = parse_user_changes(
            await request.form(), keeps_rep=person.role is Role.GROUP_REP
        )
        context["kept"] = kept
        if changes is not None:
            try:
                await users.change_user(session, user, user_id, changes, client_address(request))
            except users.UserError as error:
                errors = {error.field: user_error_message(error)}
            else:
                await session.commit()
                url = request.app.url_path_for("staff_user", user_id=user_id)
                return RedirectResponse(f"{url}?saved=1", status_code=303)
        context["errors"] = errors
        return page(request, user, "staff/user_edit.html", context, status_code=400)


@staff_page(Permission.MANAGE_USERS)
async def user_reset(request: Request, user: StaffUser) -> Response:
    user_id: int = request.path_params["user_id"]
    async with db(request) as session:
        try:
            person = await users.get_user(session, user, user_id)
        except users.UserNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        if request.method == "GET" or not person.active:
            status = 200 if request.method == "GET" else 400
            return page(
                request, user, "staff/reset_confirm.html", {"person": person}, status_code=status
            )
        token = await resets.create_link(session, user, person, client_address(request))
        await session.commit()
    context = {"person": person, "link": password_link(request, token), "new": False}
    return page(request, user, "staff/link.html", context, headers=NO_STORE)


routes = [
    Route("/staff/users", user_list, name="staff_users"),
    Route("/staff/users/new", user_new, methods=["GET", "POST"], name="staff_user_new"),
    Route("/staff/users/{user_id:int}", user_edit, methods=["GET", "POST"], name="staff_user"),
    Route(
        "/staff/users/{user_id:int}/reset",
        user_reset,
        methods=["GET", "POST"],
        name="staff_user_reset",
    ),
]
