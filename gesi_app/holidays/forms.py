"""Parsing the add-a-holiday form: typed data, or field errors in the request's language."""

from __future__ import annotations

from starlette.datastructures import FormData

from gesi_app.holidays.admin import NewHoliday
from gesi_app.i18n import gettext as _
from gesi_app.reports.forms import parse_date_parts
from gesi_app.web.forms import field_text

NAME_MAX = 200
FIELDS = ("date_day", "date_month", "date_year", "name_id", "name_en")


def parse_new_holiday(form: FormData) -> tuple[NewHoliday | None, dict[str, str], dict[str, str]]:
    """The holiday, what was typed, and the errors (field id → message), in form order."""
    kept = {name: field_text(form, name) for name in FIELDS}
    errors: dict[str, str] = {}
    day, date_errors = parse_date_parts(
        "date",
        kept["date_day"],
        kept["date_month"],
        kept["date_year"],
        empty=_("Enter the date of the holiday"),
    )
    errors.update(date_errors)
    if day is not None and not 2000 <= day.year <= 2100:
        errors["date_year"] = _("Enter a year from 2000 to 2100")
    for name, empty in (
        ("name_id", _("Enter the name of the holiday in Indonesian")),
        ("name_en", _("Enter the name of the holiday in English")),
    ):
        if not kept[name]:
            errors[name] = empty
        elif len(kept[name]) > NAME_MAX:
            errors[name] = _("Write %(max)s characters or fewer", max=NAME_MAX)
    if errors or day is None:
        return None, kept, errors
    return NewHoliday(day, kept["name_id"], kept["name_en"]), kept, {}
