"""Parsing the agency form: typed data, or field errors in the request's language."""

from __future__ import annotations

from starlette.datastructures import FormData

from gesi_app.agencies import admin
from gesi_app.agencies.admin import NAME_MAX, AgencyData
from gesi_app.i18n import gettext
from gesi_app.web.forms import field_text

Errors = dict[str, str]
Kept = dict[str, str]


def parse_agency(form: FormData, with_active: bool) -> tuple[AgencyData | None, Kept, Errors]:
    """Names in both languages; on the change page also whether the agency is in use."""
    kept = {name: field_text(form, name) for name in ("name_id", "name_en", "active")}
    errors: Errors = {}
    missing = {
        "name_id": gettext("Enter the agency's name in Indonesian"),
        "name_en": gettext("Enter the agency's name in English"),
    }
    for name, message in missing.items():
        if not kept[name]:
            errors[name] = message
        elif len(kept[name]) > NAME_MAX:
            errors[name] = gettext("Write %(max)s characters or fewer", max=NAME_MAX)
    if with_active and kept["active"] not in ("yes", "no"):
        errors["active"] = gettext("Choose whether reports can be sent to this agency")
    if errors:
        return None, kept, errors
    data = AgencyData(
        name_id=kept["name_id"],
        name_en=kept["name_en"],
        active=not with_active or kept["active"] == "yes",
    )
    return data, kept, errors


def agency_error_message(error: admin.AgencyError) -> str:
    if isinstance(error, admin.NameTaken):
        if error.field == "name_en":
            return gettext("Another agency has this English name. Choose another name")
        return gettext("Another agency has this Indonesian name. Choose another name")
    return gettext("This agency cannot be changed")
