"""Response template pages (admin only): list, add, and change or deactivate a template."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.staff import response_templates
from gesi_app.staff.models import StaffUser
from gesi_app.staff.permissions import Permission
from gesi_app.staff.template_forms import parse_template, template_error_message
from gesi_app.staff.web import client_ip, page, resumed_fields, staff_page
from gesi_app.web.database import db


@staff_page(Permission.MANAGE_SETTINGS)
async def template_list(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        rows = await response_templates.list_templates(session, user)
    context = {"rows": rows, "saved": request.query_params.get("saved") == "1"}
    return page(request, user, "staff/templates.html", context)


@staff_page(Permission.MANAGE_SETTINGS)
async def template_new(request: Request, user: StaffUser) -> Response:
    context: dict[str, Any] = {"errors": {}, "kept": {}, "template": None}
    if request.method == "GET":
        resumed = resumed_fields(request)
        context.update(kept=resumed or {}, resumed=resumed is not None)
        return page(request, user, "staff/template_form.html", context)
    data, kept, errors = parse_template(await request.form(), with_active=False)
    context["kept"] = kept
    if data is not None:
        async with db(request) as session:
            try:
                await response_templates.add_template(session, user, data, client_ip(request))
            except response_templates.TemplateError as error:
                errors = {error.field: template_error_message(error)}
            else:
                await session.commit()
                url = request.app.url_path_for("staff_templates")
                return RedirectResponse(f"{url}?saved=1", status_code=303)
    context["errors"] = errors
    return page(request, user, "staff/template_form.html", context, status_code=400)


@staff_page(Permission.MANAGE_SETTINGS)
async def template_edit(request: Request, user: StaffUser) -> Response:
    template_id: int = request.path_params["template_id"]
    async with db(request) as session:
        try:
            template = await response_templates.get_template(session, user, template_id)
        except response_templates.TemplateNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        current = {
            "label_id": template.label_id,
            "label_en": template.label_en,
            "text_id": template.text_id,
            "text_en": template.text_en,
            "active": "yes" if template.active else "no",
        }
        context: dict[str, Any] = {"errors": {}, "kept": current, "template": template}
        if request.method == "GET":
            resumed = resumed_fields(request)
            if resumed is not None:
                context.update(kept={**current, **resumed}, resumed=True)
            return page(request, user, "staff/template_form.html", context)
        data, kept, errors = parse_template(await request.form(), with_active=True)
        context["kept"] = kept
        if data is not None:
            try:
                await response_templates.change_template(
                    session, user, template_id, data, client_ip(request)
                )
            except response_templates.TemplateError as error:
                errors = {error.field: template_error_message(error)}
            else:
                await session.commit()
                url = request.app.url_path_for("staff_templates")
                return RedirectResponse(f"{url}?saved=1", status_code=303)
        context["errors"] = errors
        return page(request, user, "staff/template_form.html", context, status_code=400)


routes = [
    Route("/staff/templates", template_list, name="staff_templates"),
    Route("/staff/templates/new", template_new, methods=["GET", "POST"], name="staff_template_new"),
    Route(
        "/staff/templates/{template_id:int}",
        template_edit,
        methods=["GET", "POST"],
        name="staff_template",
    ),
]
