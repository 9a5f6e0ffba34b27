"""Parsing the forum set-up form: typed data, or errors in the page's language and what was typed.

Every error says what to do. Nothing here touches the database: the routes pass the choices
that exist (agencies) in.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Collection
from dataclasses import dataclass

from starlette.datastructures import FormData

from gesi_app.forums.models import Accommodation, Audience, ForumFormat
from gesi_app.forums.service import NewForum
from gesi_app.i18n import gettext as _
from gesi_app.web.numbers import parse_date

TITLE_MIN, TITLE_MAX = 5, 150
PLACE_MAX = 300
AGENDA_MAX_ITEMS, AGENDA_ITEM_MAX = 20, 200
FIELDS = ("title", "agency", "format", "date_day", "date_month", "date_year", "time", "place")
_TIME = re.compile(r"^([0-9]{1,2})[.:]([0-9]{2})$")


@dataclass(frozen=True)
class SetUp:
    forum: NewForum | None
    kept: dict[str, object]
    errors: dict[str, str]


def text(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _picked(form: FormData, name: str, allowed: Collection[str]) -> list[str]:
    return [v for v in form.getlist(name) if isinstance(v, str) and v in allowed]


def _starts_at(
    kept: dict[str, object], timezone: str, today: dt.date, errors: dict[str, str]
) -> dt.datetime | None:
    day, month, year = (str(kept[f"date_{p}"]) for p in ("day", "month", "year"))
    when: dt.date | None = None
    if not (day or month or year):
        errors["date_day"] = _("Enter the date of the forum")
    else:
        when = parse_date(day, month, year)
        if when is None:
            errors["date_day"] = _("Enter a real date, for example 17 8 2026")
        else:
            if len(year) != 4:
                errors["date_year"] = _("Enter the year with 4 digits, for example 2026")
                when = None
            elif when < today:
                errors["date_day"] = _("The date must be today or later")
                when = None
    match = _TIME.match(str(kept["time"]))
    clock: dt.time | None = None
    if not kept["time"]:
        errors["time"] = _("Enter the start time, for example 09.30")
    elif match is None or int(match[1]) > 23 or int(match[2]) > 59:
        errors["time"] = _("Enter the time as hours and minutes, for example 09.30")
    else:
        clock = dt.time(int(match[1]), int(match[2]))
    if when is None or clock is None:
        return None
    local = dt.datetime.combine(when, clock, tzinfo=zoneinfo.ZoneInfo(timezone))
    return local.astimezone(dt.UTC)


def parse_setup(form: FormData, agencies: Collection[str], timezone: str, today: dt.date) -> SetUp:
    kept: dict[str, object] = {name: text(form, name) for name in FIELDS}
    kept["agenda"] = text(form, "agenda")
    accommodations = _picked(form, "accommodations", {a.value for a in Accommodation})
    audiences = _picked(form, "audiences", {a.value for a in Audience})
    kept["accommodations"], kept["audiences"] = accommodations, audiences
    errors: dict[str, str] = {}
    title = str(kept["title"])
    if not title:
        errors["title"] = _("Enter the title of the forum")
    elif not TITLE_MIN <= len(title) <= TITLE_MAX:
        errors["title"] = _(
            "The title must be %(min)s to %(max)s characters", min=TITLE_MIN, max=TITLE_MAX
        )
    if kept["agency"] and kept["agency"] not in agencies:
        errors["agency"] = _("Choose the agency from the list")
    if kept["format"] not in {f.value for f in ForumFormat}:
        errors["format"] = _("Choose how people take part")
    starts_at = _starts_at(kept, timezone, today, errors)
    place = str(kept["place"])
    if not place:
        errors["place"] = _("Enter where the forum is, or the link to join it")
    elif len(place) > PLACE_MAX:
        errors["place"] = _("The place must be %(max)s characters or fewer", max=PLACE_MAX)
    agenda = tuple(line.strip() for line in str(kept["agenda"]).splitlines() if line.strip())
    if not agenda:
        errors["agenda"] = _("Enter at least one agenda item, one a line")
    elif len(agenda) > AGENDA_MAX_ITEMS:
        errors["agenda"] = _("Enter %(max)s agenda items or fewer", max=AGENDA_MAX_ITEMS)
    elif any(len(line) > AGENDA_ITEM_MAX for line in agenda):
        errors["agenda"] = _(
            "Each agenda item must be %(max)s characters or fewer", max=AGENDA_ITEM_MAX
        )
    if errors or starts_at is None:
        return SetUp(None, kept, errors)
    forum = NewForum(
        title=title,
        agency_id=int(str(kept["agency"])) if kept["agency"] else None,
        format=ForumFormat(str(kept["format"])),
        starts_at=starts_at,
        place=place,
        agenda=agenda,
        accommodations=tuple(Accommodation(a) for a in accommodations),
        audiences=tuple(Audience(a) for a in audiences),
    )
    return SetUp(forum, kept, {})
