"""Parsing the staff forms: typed data, or field errors in the request's language.

Each parser also returns what was typed (never a password) so the page can show it again.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from lokal import parse_phone
from starlette.datastructures import FormData, QueryParams

from gesi_app.accounts import signin_links
from gesi_app.accounts.audit import ACTION_VALUES, AuditFilter
from gesi_app.accounts.resets import PasswordRejected, check_password_rules
from gesi_app.i18n import gettext
from gesi_app.web.forms import EMAIL_ADDRESS, field_text
from gesi_app.web.numbers import parse_int

Errors = dict[str, str]
Kept = dict[str, str]


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str


def parse_login(form: FormData) -> tuple[Credentials, Kept, Errors]:
    username = field_text(form, "username")
    raw_password = form.get("password", "")
    # Passwords are taken as typed: spaces may be part of them.
    password = raw_password if isinstance(raw_password, str) else ""
    errors: Errors = {}
    if not username:
        errors["username"] = gettext("Enter your username")
    if not password:
        errors["password"] = gettext("Enter your password")
    return Credentials(username, password), {"username": username}, errors


def bad_credentials() -> Errors:
    return {"username": gettext("The username or password is not right")}


def password_message(error: PasswordRejected) -> str:
    messages = {
        "empty": gettext("Enter a new password"),
        "short": gettext("Use at least 12 characters"),
        "long": gettext("Use 200 characters or fewer"),
        "username": gettext("Choose a password that is not your username"),
    }
    return messages[error.code]


def parse_new_password(form: FormData, username: str) -> tuple[str, Errors]:
    raw = form.get("password", "")
    password = raw if isinstance(raw, str) else ""
    try:
        check_password_rules(password, username)
    except PasswordRejected as error:
        return password, {"password": password_message(error)}
    return password, {}


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_audit_filter(
    query: QueryParams, actor_ids: set[int], timezone: str
) -> tuple[AuditFilter, Kept, Errors]:
    """The audit-log filter from the query string; dates are whole days in local time."""
    kept = {name: field_text(query, name) for name in ("actor", "action", "start", "end")}
    errors: Errors = {}
    actor_id = parse_int(kept["actor"]) if kept["actor"] else None
    if kept["actor"] and actor_id not in actor_ids:
        errors["actor"] = gettext("Choose a staff member from the list")
    if kept["action"] and kept["action"] not in ACTION_VALUES:
        errors["action"] = gettext("Choose an action from the list")
    start = _date(kept["start"]) if kept["start"] else None
    if kept["start"] and start is None:
        errors["start"] = gettext("Enter the start date as year-month-day, for example 2026-11-23")
    end = _date(kept["end"]) if kept["end"] else None
    if kept["end"] and end is None:
        errors["end"] = gettext("Enter the end date as year-month-day, for example 2026-11-23")
    if start and end and end < start:
        errors["end"] = gettext("The end date must be on or after the start date")
    tz = zoneinfo.ZoneInfo(timezone)

    def day_start(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), tz).astimezone(dt.UTC)

    where = AuditFilter(
        actor_id=actor_id,
        action=kept["action"] or None,
        start=day_start(start) if start else None,
        end=day_start(end + dt.timedelta(days=1)) if end else None,
    )
    return where, kept, errors


def page_number(query: QueryParams) -> int:
    return parse_int(field_text(query, "page")) or 1


def parse_link_address(
    form: FormData, sms_on: bool
) -> tuple[signin_links.Address | None, Kept, Errors]:
    """Where to send a sign-in link: an email address, or a mobile number when SMS go out."""
    typed = field_text(form, "address")
    kept = {"address": typed}
    if not typed:
        if sms_on:
            message = gettext("Enter your email address or mobile phone number")
        else:
            message = gettext("Enter your email address")
        return None, kept, {"address": message}
    if "@" in typed:
        if len(typed) > 254 or not EMAIL_ADDRESS.match(typed):
            message = gettext("Enter an email address like name@example.go.id")
            return None, kept, {"address": message}
        return signin_links.Address(signin_links.EMAIL, typed.lower()), kept, {}
    info = parse_phone(typed)
    if not info.valid or not info.e164:
        if sms_on:
            message = gettext(
                "Enter an email address like name@example.go.id or a mobile phone number "
                "like 0812 3456 7890"
            )
        else:
            message = gettext("Enter an email address like name@example.go.id")
        return None, kept, {"address": message}
    if not sms_on:
        message = gettext("This site cannot send text messages. Enter your email address")
        return None, kept, {"address": message}
    return signin_links.Address(signin_links.SMS, info.e164), kept, {}
