"""Parsing the topic form: typed data, or field errors in the request's language."""

from __future__ import annotations

from starlette.datastructures import FormData

from gesi_app.categories import admin
from gesi_app.categories.admin import NAME_MAX, TopicData
from gesi_app.i18n import gettext
from gesi_app.web.forms import field_text
from gesi_app.web.numbers import parse_int

Errors = dict[str, str]
Kept = dict[str, str]


def _id(value: str) -> int | None:
    return parse_int(value)


def parse_topic(form: FormData, editing: bool) -> tuple[TopicData | None, Kept, Errors]:
    """Names in both languages and the default agency; when adding, where the topic goes;
    when changing, whether it is offered to the public."""
    kept = {
        name: field_text(form, name)
        for name in ("name_id", "name_en", "parent", "agency", "active")
    }
    errors: Errors = {}
    if not editing and kept["parent"] and _id(kept["parent"]) is None:
        errors["parent"] = gettext("Choose where the topic goes from the list")
    missing = {
        "name_id": gettext("Enter the topic's name in Indonesian"),
        "name_en": gettext("Enter the topic's name in English"),
    }
    for name, message in missing.items():
        if not kept[name]:
            errors[name] = message
        elif len(kept[name]) > NAME_MAX:
            errors[name] = gettext("Write %(max)s characters or fewer", max=NAME_MAX)
    if kept["agency"] and _id(kept["agency"]) is None:
        errors["agency"] = gettext("Choose an agency from the list")
    if editing and kept["active"] not in ("yes", "no"):
        errors["active"] = gettext("Choose whether people can choose this topic")
    if errors:
        return None, kept, errors
    data = TopicData(
        name_id=kept["name_id"],
        name_en=kept["name_en"],
        agency_id=_id(kept["agency"]),
        parent_id=None if editing else _id(kept["parent"]),
        active=not editing or kept["active"] == "yes",
    )
    return data, kept, errors


def topic_error_message(error: admin.TopicError) -> str:
    if isinstance(error, admin.NameTaken):
        if error.field == "name_en":
            return gettext("Another topic here has this English name. Choose another name")
        return gettext("Another topic here has this Indonesian name. Choose another name")
    if isinstance(error, admin.BadParent):
        return gettext("Choose where the topic goes from the list")
    if isinstance(error, admin.BadAgency):
        return gettext("Choose an agency from the list")
    return gettext("This topic cannot be changed")
