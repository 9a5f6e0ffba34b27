"""Community groups for admins: lists by state, a group's page with its history, review,
adding and changing a group."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.labels import ACTION_LABELS
from gesi_app.backoffice.settings_pages import EditableSetting, form_pages
from gesi_app.backoffice.web import page, resumed_fields, staff_page
from gesi_app.groups import admin, reps, service
from gesi_app.groups.forms import COUNTS
from gesi_app.groups.labels import KIND_LABELS
from gesi_app.groups.models import GroupKind
from gesi_app.groups.staff_forms import group_error_message, parse_group, parse_review
from gesi_app.groups.staff_labels import FIELD_LABELS, STATE_LABELS
from gesi_app.i18n import gettext as _
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice


async def _area_options(
    session: AsyncSession,
) -> tuple[list[Choice], list[tuple[str, list[Choice]]]]:
    """The area select: each kecamatan as a group of its own "whole district" and villages."""
    groups = []
    for kecamatan in await service.kecamatan_list(session):
        villages = await service.desa_list(session, kecamatan.code)
        whole = Choice(kecamatan.code, _("%(name)s, the whole district", name=kecamatan.name))
        groups.append((kecamatan.name, [whole, *(Choice(r.code, r.name) for r in villages)]))
    return [Choice("", _("Choose one"))], groups


async def _form_context(
    session: AsyncSession, user: StaffUser, group: admin.StaffGroup | None
) -> dict[str, Any]:
    options, area_groups = await _area_options(session)
    kinds = [Choice(k.value, str(KIND_LABELS[k])) for k in GroupKind]
    return {"area_options": options, "area_groups": area_groups, "kind_choices": kinds}


def _current(staff_group: admin.StaffGroup) -> dict[str, str]:
    group, contact = staff_group.group, staff_group.contact
    return {
        "name": group.name,
        "kind": group.kind.value,
        "region": group.region_code,
        "speaks_for": group.speaks_for,
        **{name: str(getattr(group, name)) for name in COUNTS},
        "rep_name": contact.name,
        "rep_email": contact.email or "",
        "rep_phone": contact.phone or "",
    }


GROUP = EditableSetting(
    form_template="groups/staff_form.html",
    list_route="staff_groups",
    saved_query="saved=1",
    context_key="group",
    id_param="group_id",
    get=admin.get_with_contact,
    add=admin.add_group,
    change=admin.change_group,
    parse=parse_group,
    error=admin.GroupError,
    error_message=group_error_message,
    not_found=admin.GroupNotFound,
    current=_current,
    more_context=_form_context,
)
group_new, group_edit = form_pages(GROUP)


@staff_page(Permission.MANAGE_SETTINGS)
async def group_list(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        by_state = await admin.groups_by_state(session, user)
    context = {
        "by_state": by_state,
        "state_labels": STATE_LABELS,
        "kind_labels": KIND_LABELS,
        "saved": request.query_params.get("saved") == "1",
    }
    return page(request, user, "groups/staff_list.html", context)


@staff_page(Permission.MANAGE_SETTINGS)
async def group_detail(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        try:
            found = await admin.get_with_contact(session, user, request.path_params["group_id"])
        except admin.GroupNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        area = await service.area_of(session, found.group.region_code)
        entries = await admin.history(session, user, found.group)
        representatives = await reps.representatives(session, user, found.group)
    context = {
        "group": found.group,
        "contact": found.contact,
        "area": area,
        "history": entries,
        "representatives": representatives,
        "kind_labels": KIND_LABELS,
        "state_labels": STATE_LABELS,
        "field_labels": FIELD_LABELS,
        "action_labels": {k: str(v) for k, v in ACTION_LABELS.items()},
        "saved": request.query_params.get("saved") == "1",
    }
    return page(request, user, "groups/staff_group.html", context)


@staff_page(Permission.MANAGE_SETTINGS)
async def group_review(request: Request, user: StaffUser) -> Response:
    group_id: int = request.path_params["group_id"]
    async with db(request) as session:
        try:
            group = await admin.get_group(session, user, group_id)
        except admin.GroupNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        context: dict[str, Any] = {
            "group": group,
            "errors": {},
            "kept": {},
            "state_labels": STATE_LABELS,
        }
        if request.method == "GET":
            resumed = resumed_fields(request)
            context.update(kept=resumed or {}, resumed=resumed is not None)
            return page(request, user, "groups/staff_review.html", context)
        approve, reason, kept, errors = parse_review(await request.form())
        context["kept"] = kept
        if approve is not None:
            try:
                await admin.review(
                    session, user, group_id, approve, reason, client_address(request)
                )
            except admin.GroupError as error:
                errors = {error.field: group_error_message(error)}
            else:
                await session.commit()
                url = request.app.url_path_for("staff_group", group_id=group_id)
                return RedirectResponse(f"{url}?saved=1", status_code=303)
        context["errors"] = errors
        return page(request, user, "groups/staff_review.html", context, status_code=400)


routes = [
    Route("/staff/groups", group_list, name="staff_groups"),
    Route("/staff/groups/new", group_new, methods=["GET", "POST"], name="staff_group_new"),
    Route("/staff/groups/{group_id:int}", group_detail, name="staff_group"),
    Route(
        "/staff/groups/{group_id:int}/edit",
        group_edit,
        methods=["GET", "POST"],
        name="staff_group_edit",
    ),
    Route(
        "/staff/groups/{group_id:int}/review",
        group_review,
        methods=["GET", "POST"],
        name="staff_group_review",
    ),
]
