"""Parsing the response template form: typed data, or field errors in the request's language."""

from __future__ import annotations

from starlette.datastructures import FormData

from gesi_app.backoffice import response_templates
from gesi_app.backoffice.response_templates import LABEL_MAX, TEXT_MAX, TemplateData
from gesi_app.i18n import gettext
from gesi_app.web.forms import field_text

Errors = dict[str, str]
Kept = dict[str, str]
FIELDS = ("label_id", "label_en", "text_id", "text_en")


def _missing(name: str) -> str:
    return {
        "label_id": gettext("Enter the name in Indonesian"),
        "label_en": gettext("Enter the name in English"),
        "text_id": gettext("Enter the text in Indonesian"),
        "text_en": gettext("Enter the text in English"),
    }[name]


def parse_template(form: FormData, with_active: bool) -> tuple[TemplateData | None, Kept, Errors]:
    """Names and texts in both languages; on the change page also whether it is offered."""
    names = (*FIELDS, "active") if with_active else FIELDS
    kept = {name: field_text(form, name) for name in names}
    errors: Errors = {}
    for name in FIELDS:
        limit = LABEL_MAX if name.startswith("label") else TEXT_MAX
        if not kept[name]:
            errors[name] = _missing(name)
        elif len(kept[name]) > limit:
            errors[name] = gettext("Write %(max)s characters or fewer", max=limit)
    if with_active and kept["active"] not in ("yes", "no"):
        errors["active"] = gettext("Choose whether officers can use this template")
    if errors:
        return None, kept, errors
    data = TemplateData(
        label_id=kept["label_id"],
        label_en=kept["label_en"],
        text_id=kept["text_id"],
        text_en=kept["text_en"],
        active=not with_active or kept["active"] == "yes",
    )
    return data, kept, errors


def template_error_message(error: response_templates.TemplateError) -> str:
    if isinstance(error, response_templates.LabelTaken):
        if error.field == "label_id":
            return gettext("Another template has this Indonesian name. Choose another name")
        return gettext("Another template has this English name. Choose another name")
    return gettext("This template cannot be changed")
