"""A collective report typed in by staff: a paper petition at intake (casework) or a forum's
follow-up item (forums), sent by an approved community group on behalf of its members, with
the same bounds as the web journey's collective question (reports/collective_forms.py)."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.datastructures import FormData

from gesi_app.i18n import gettext
from gesi_app.reports import forms as report_forms
from gesi_app.reports.collective import ActingGroup, Collective
from gesi_app.reports.collective_forms import COUNTS, parse_on_behalf_count
from gesi_app.web.forms import field_text
from gesi_app.web.numbers import parse_int

FIELDS = ("group", *COUNTS)


def parse_collective(
    form: FormData, groups: Mapping[int, ActingGroup], anonymous: bool
) -> tuple[Collective | None, dict[str, str]]:
    """None and no errors when no group was chosen (a report of one person)."""
    chosen = field_text(form, "group")
    counts_typed = any(field_text(form, name) for name in COUNTS)
    if not chosen:
        if counts_typed:
            return None, {
                "group": gettext("Choose the group that sent the petition, or clear the counts")
            }
        return None, {}
    group_id = parse_int(chosen)
    group = groups.get(group_id) if group_id is not None else None
    if group is None:
        return None, {"group": gettext("Choose a group from the list")}
    errors: dict[str, str] = {}
    if anonymous:
        errors["group"] = gettext(
            "A collective report shows the group's name. Choose No for hiding the name"
        )
    parsed = parse_on_behalf_count(form, report_forms.Options(members=group.members))
    errors.update(parsed.errors)
    if errors:
        return None, errors
    answers = parsed.answers
    signed = answers.get("behalf_signed")
    return (
        Collective(
            group.id,
            int(answers["behalf_total"]),
            int(answers["behalf_women"]),
            int(answers["behalf_youth"]),
            int(answers["behalf_disability"]),
            None if signed is None else int(signed),
        ),
        {},
    )
