"""Parsing the outcome forms (themes, grouping, merging, agreed points, follow-up items):
typed values, or errors in the page's language with what was typed kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from starlette.datastructures import FormData

from gesi_app.forums.forms import text
from gesi_app.forums.models import PointState
from gesi_app.forums.outcomes import FOLLOW_UP_MAX, POINT_MAX, THEME_MAX, NewFollowUp, NewPoint
from gesi_app.i18n import gettext as _
from gesi_app.reports.forms import parse_date_parts
from gesi_app.web.numbers import parse_int

NO_THEME = "none"
T = TypeVar("T")


@dataclass(frozen=True)
class Parsed(Generic[T]):
    value: T | None
    kept: dict[str, object] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def parse_theme(form: FormData) -> Parsed[str]:
    title = text(form, "theme_title")
    kept: dict[str, object] = {"theme_title": title}
    if not title:
        return Parsed(None, kept, {"theme_title": _("Enter the name of the theme")})
    if len(title) > THEME_MAX:
        error = _("The name must be %(max)s characters or fewer", max=THEME_MAX)
        return Parsed(None, kept, {"theme_title": error})
    return Parsed(title, kept)


def parse_assign(
    form: FormData, inputs: Collection[int], themes: Collection[int]
) -> Parsed[tuple[list[int], int | None]]:
    """Ticked inputs and the theme they go under (``none`` takes them out of any theme)."""
    numbers = [parse_int(v) for v in form.getlist("inputs") if isinstance(v, str)]
    picked = [i for i in numbers if i is not None and i in inputs]
    theme = text(form, "theme")
    kept: dict[str, object] = {"inputs": picked, "theme": theme}
    errors: dict[str, str] = {}
    if not picked:
        errors["inputs"] = _("Tick at least one input")
    theme_id = number if (number := parse_int(theme)) in themes else None
    if theme_id is None and theme != NO_THEME:
        errors["theme"] = _("Choose the theme from the list")
    if errors:
        return Parsed(None, kept, errors)
    return Parsed((picked, theme_id), kept)


def parse_merge(form: FormData, inputs: Collection[int]) -> Parsed[tuple[int, int]]:
    duplicate, into = text(form, "duplicate"), text(form, "into")
    kept: dict[str, object] = {"duplicate": duplicate, "into": into}
    errors: dict[str, str] = {}
    duplicate_id, into_id = parse_int(duplicate), parse_int(into)
    if duplicate_id is None or duplicate_id not in inputs:
        errors["duplicate"] = _("Choose the input that repeats another")
    if into_id is None or into_id not in inputs:
        errors["into"] = _("Choose the input it repeats")
    elif duplicate == into:
        errors["into"] = _("Choose a different input from the one that repeats it")
    if errors or duplicate_id is None or into_id is None:
        return Parsed(None, kept, errors)
    return Parsed((duplicate_id, into_id), kept)


POINT_FIELDS = ("point", "point_owner", "point_due_day", "point_due_month", "point_due_year")


def parse_point(form: FormData, agencies: Collection[str]) -> Parsed[NewPoint]:
    """The point's words, and optionally its owner agency (one of ``agencies``, ids as text),
    due date and state: the date may lie in the past, as a point is often updated late."""
    kept: dict[str, object] = {name: text(form, name) for name in (*POINT_FIELDS, "point_state")}
    errors: dict[str, str] = {}
    point, owner, state = str(kept["point"]), str(kept["point_owner"]), str(kept["point_state"])
    if not point:
        errors["point"] = _("Enter the point that was agreed")
    elif len(point) > POINT_MAX:
        errors["point"] = _("The point must be %(max)s characters or fewer", max=POINT_MAX)
    if owner and owner not in agencies:
        errors["point_owner"] = _("Choose the agency from the list")
    parts = [str(kept[f"point_due_{part}"]) for part in ("day", "month", "year")]
    due = None
    if any(parts):
        due, date_errors = parse_date_parts("point_due", *parts, empty="")
        errors.update(date_errors)
    states = {s.value for s in PointState}
    if state and state not in states:
        errors["point_state"] = _("Choose where it stands from the list")
    if errors:
        return Parsed(None, kept, errors)
    new = NewPoint(
        text=point,
        agency_id=int(owner) if owner else None,
        due_on=due,
        state=PointState(state) if state else None,
    )
    return Parsed(new, kept)


def parse_follow_up(
    form: FormData, agencies: Collection[str], today: dt.date
) -> Parsed[NewFollowUp]:
    names = ("what", "owner", "due_day", "due_month", "due_year")
    kept: dict[str, object] = {name: text(form, name) for name in names}
    errors: dict[str, str] = {}
    what = str(kept["what"])
    if not what:
        errors["what"] = _("Enter what will be done")
    elif len(what) > FOLLOW_UP_MAX:
        errors["what"] = _("Write %(max)s characters or fewer", max=FOLLOW_UP_MAX)
    if kept["owner"] not in agencies:
        errors["owner"] = _("Choose the agency that will do it")
    due, date_errors = parse_date_parts(
        "due",
        str(kept["due_day"]),
        str(kept["due_month"]),
        str(kept["due_year"]),
        empty=_("Enter the date it is due"),
    )
    errors.update(date_errors)
    if due is not None and due < today:
        errors["due_day"] = _("The due date must be today or later")
    if errors or due is None:
        return Parsed(None, kept, errors)
    return Parsed(NewFollowUp(what=what, agency_id=int(str(kept["owner"])), due_on=due), kept)
