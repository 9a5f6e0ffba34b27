"""Parsing the population figure form: typed data, or field errors in the request's language."""

from __future__ import annotations

import re

from starlette.datastructures import FormData

from gesi_app.i18n import gettext
from gesi_app.stats.baselines import (
    NOTE_MAX,
    SOURCE_MAX,
    BaselineData,
    BaselineError,
    BaselineTaken,
    UnknownArea,
)
from gesi_app.stats.models import Segment
from gesi_app.web.forms import field_text

NATIONAL = "national"
FIELDS = ("area", "segment", "share", "year", "source", "note")
SHARE = re.compile(r"^([0-9]{1,3})(?:[.,]([0-9]{1,2}))?\s*%?$")


def parse_share(text: str) -> int | None:
    """ "8,5" or "8.5%" -> 850 (hundredths of a percent); None unless 0 to 100."""
    match = SHARE.match(text.strip())
    if match is None:
        return None
    whole, part = int(match.group(1)), (match.group(2) or "0").ljust(2, "0")
    value = whole * 100 + int(part)
    return value if value <= 10_000 else None


def parse_baseline(
    form: FormData, _changing: bool
) -> tuple[BaselineData | None, dict[str, str], dict[str, str]]:
    """The figure's fields; whether the area exists the service checks (``UnknownArea``)."""
    kept = {name: field_text(form, name) for name in FIELDS}
    errors: dict[str, str] = {}
    if kept["area"] != NATIONAL and not re.fullmatch(r"[0-9.]{2,16}", kept["area"]):
        errors["area"] = gettext("Choose an area, or the whole country")
    segment = next((s for s in Segment if s.value == kept["segment"]), None)
    if segment is None:
        errors["segment"] = gettext("Choose a group")
    share = parse_share(kept["share"])
    if share is None:
        errors["share"] = gettext("Enter a percentage from 0 to 100, for example 8,5")
    year = int(kept["year"]) if re.fullmatch(r"[0-9]{4}", kept["year"]) else None
    if year is None or not 1900 <= year <= 2100:
        errors["year"] = gettext("Enter the year of the figure, for example 2020")
    if not kept["source"]:
        errors["source"] = gettext("Enter where the figure comes from")
    elif len(kept["source"]) > SOURCE_MAX:
        errors["source"] = gettext("Write %(max)s characters or fewer", max=SOURCE_MAX)
    if len(kept["note"]) > NOTE_MAX:
        errors["note"] = gettext("Write %(max)s characters or fewer", max=NOTE_MAX)
    if errors or segment is None or share is None or year is None:
        return None, kept, errors
    data = BaselineData(
        region_code=None if kept["area"] == NATIONAL else kept["area"],
        segment=segment,
        share_bp=share,
        year=year,
        source=kept["source"],
        note=kept["note"],
    )
    return data, kept, errors


def baseline_error_message(error: BaselineError) -> str:
    if isinstance(error, UnknownArea):
        return gettext("Choose an area, or the whole country")
    if isinstance(error, BaselineTaken):
        return gettext("This area already has a figure for this group and year. Change that one")
    return gettext("This figure cannot be changed")
