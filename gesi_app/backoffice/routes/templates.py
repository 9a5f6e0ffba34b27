"""Response template pages (admin only): list, add, and change or deactivate a template."""

from __future__ import annotations

from starlette.routing import Route

from gesi_app.accounts.models import ResponseTemplate
from gesi_app.backoffice import response_templates
from gesi_app.backoffice.settings_pages import EditableSetting, form_pages, list_page
from gesi_app.backoffice.template_forms import parse_template, template_error_message


def _current(template: ResponseTemplate) -> dict[str, str]:
    return {
        "label_id": template.label_id,
        "label_en": template.label_en,
        "text_id": template.text_id,
        "text_en": template.text_en,
        "active": "yes" if template.active else "no",
    }


TEMPLATE = EditableSetting(
    form_template="staff/template_form.html",
    list_route="staff_templates",
    saved_query="saved=1",
    context_key="template",
    id_param="template_id",
    get=response_templates.get_template,
    add=response_templates.add_template,
    change=response_templates.change_template,
    parse=parse_template,
    error=response_templates.TemplateError,
    error_message=template_error_message,
    not_found=response_templates.TemplateNotFound,
    current=_current,
)
template_new, template_edit = form_pages(TEMPLATE)

routes = [
    Route(
        "/staff/templates",
        list_page("staff/templates.html", response_templates.list_templates),
        name="staff_templates",
    ),
    Route("/staff/templates/new", template_new, methods=["GET", "POST"], name="staff_template_new"),
    Route(
        "/staff/templates/{template_id:int}",
        template_edit,
        methods=["GET", "POST"],
        name="staff_template",
    ),
]
