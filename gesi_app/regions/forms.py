"""Parsing the area form: typed data, or field errors in the request's language."""

from __future__ import annotations

from starlette.datastructures import FormData

from gesi_app.i18n import gettext
from gesi_app.regions.admin import NAME_MAX, AreaData


def parse_area(form: FormData) -> tuple[AreaData | None, dict[str, str], dict[str, str]]:
    kept = {}
    for name in ("name", "active"):
        value = form.get(name, "")
        kept[name] = value.strip() if isinstance(value, str) else ""
    errors: dict[str, str] = {}
    if not kept["name"]:
        errors["name"] = gettext("Enter the name people see")
    elif len(kept["name"]) > NAME_MAX:
        errors["name"] = gettext("Write %(max)s characters or fewer", max=NAME_MAX)
    if kept["active"] not in ("yes", "no"):
        errors["active"] = gettext("Choose whether people can choose this area")
    if errors:
        return None, kept, errors
    return AreaData(kept["name"], kept["active"] == "yes"), kept, errors
