"""Parsing the admins' group form (every fact on one page) and the review form."""

from __future__ import annotations

from starlette.datastructures import FormData

from gesi_app.groups import admin, forms
from gesi_app.groups.forms import COUNTS
from gesi_app.groups.models import GroupKind
from gesi_app.groups.service import GroupData, Members, Representative
from gesi_app.i18n import gettext
from gesi_app.web.forms import field_text

Errors = dict[str, str]
Kept = dict[str, str]
FIELDS = ("name", "kind", "region", "speaks_for", *COUNTS, "rep_name", "rep_email", "rep_phone")


def parse_group(form: FormData, changing: bool) -> tuple[GroupData | None, Kept, Errors]:
    """Every fact of a group, on the "add" and the "change" page alike. Whether the area is
    one of this site's is the service's rule (admin.UnknownArea)."""
    kept = {name: field_text(form, name) for name in FIELDS}
    errors: Errors = {}
    answers: dict[str, object] = {}
    for parsed in (
        forms.parse_name(form),
        forms.parse_kind(form),
        forms.parse_members(form),
        forms.parse_speaks_for(form),
        forms.parse_representative(form),
    ):
        errors.update(parsed.errors)
        answers.update(parsed.answers)
    if not kept["region"]:
        errors["region"] = gettext("Choose the area of the group")
    ordered = {name: errors[name] for name in FIELDS if name in errors}
    if ordered:
        return None, kept, ordered
    data = GroupData(
        name=str(answers["name"]),
        kind=GroupKind(str(answers["kind"])),
        region_code=kept["region"],
        speaks_for=str(answers["speaks_for"]),
        members=Members(*(int(str(answers[name])) for name in COUNTS)),
        representative=Representative(
            str(answers["rep_name"]),
            str(answers["rep_email"]) if answers["rep_email"] else None,
            str(answers["rep_phone"]) if answers["rep_phone"] else None,
        ),
    )
    return data, kept, {}


def parse_review(form: FormData) -> tuple[bool | None, str, Kept, Errors]:
    kept = {"decision": field_text(form, "decision"), "reason": field_text(form, "reason")}
    if kept["decision"] not in ("approve", "reject"):
        return None, "", kept, {"decision": gettext("Choose whether to approve the group")}
    return kept["decision"] == "approve", kept["reason"], kept, {}


def group_error_message(error: admin.GroupError) -> str:
    if isinstance(error, admin.UnknownArea):
        return gettext("Choose the area of the group")
    if isinstance(error, admin.ReasonMissing):
        return gettext("Say why the group is rejected")
    if isinstance(error, admin.ReasonTooLong):
        return gettext("Write the reason in 1,000 characters or fewer")
    return gettext("This group cannot be changed")
