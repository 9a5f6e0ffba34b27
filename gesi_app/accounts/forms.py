"""Parsing the staff forms: typed data, or field errors in the request's language.

Each parser also returns what was typed (never a password) so the page can show it again.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

from starlette.datastructures import FormData, QueryParams

from gesi_app.accounts import users
from gesi_app.accounts.audit import ACTION_VALUES, AuditFilter
from gesi_app.accounts.models import Role
from gesi_app.accounts.resets import PasswordRejected, check_password_rules
from gesi_app.accounts.users import NewUser, UserChanges
from gesi_app.i18n import gettext
from gesi_app.web.forms import field_text
from gesi_app.web.numbers import parse_int

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
Errors = dict[str, str]
Kept = dict[str, str]


def _role(value: str) -> Role | None:
    try:
        return Role(value)
    except ValueError:
        return None


def _int(value: str) -> int | None:
    return parse_int(value)


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


def parse_new_user(form: FormData) -> tuple[NewUser | None, Kept, Errors]:
    kept = {
        name: field_text(form, name)
        for name in ("username", "full_name", "email", "role", "agency")
    }
    kept["username"] = kept["username"].lower()
    errors: Errors = {}
    if not kept["username"]:
        errors["username"] = gettext("Enter a username")
    elif not USERNAME.match(kept["username"]):
        errors["username"] = gettext(
            "Use 3 to 60 characters: small letters a to z, numbers, dot, dash or underscore"
        )
    if not kept["full_name"]:
        errors["full_name"] = gettext("Enter the staff member's full name")
    elif len(kept["full_name"]) > 200:
        errors["full_name"] = gettext("Full name must be 200 characters or fewer")
    if kept["email"] and (len(kept["email"]) > 254 or not EMAIL.match(kept["email"])):
        errors["email"] = gettext("Enter an email address like name@example.go.id")
    role = _role(kept["role"])
    if role is None:
        errors["role"] = gettext("Choose a role")
    agency_id = _int(kept["agency"])
    if role is Role.AGENCY_OFFICER and agency_id is None:
        errors["agency"] = agency_required()
    if errors or role is None:
        return None, kept, errors
    data = NewUser(
        username=kept["username"],
        full_name=kept["full_name"],
        email=kept["email"] or None,
        role=role,
        agency_id=agency_id,
    )
    return data, kept, errors


def agency_required() -> str:
    return gettext("Choose the agency of this agency officer")


def parse_user_changes(form: FormData) -> tuple[UserChanges | None, Kept, Errors]:
    kept = {name: field_text(form, name) for name in ("role", "agency", "active")}
    errors: Errors = {}
    role = _role(kept["role"])
    if role is None:
        errors["role"] = gettext("Choose a role")
    agency_id = _int(kept["agency"])
    if role is Role.AGENCY_OFFICER and agency_id is None:
        errors["agency"] = agency_required()
    if kept["active"] not in ("yes", "no"):
        errors["active"] = gettext("Choose whether this staff member can sign in")
    if errors or role is None:
        return None, kept, errors
    return UserChanges(role=role, agency_id=agency_id, active=kept["active"] == "yes"), kept, errors


def user_error_message(error: Exception) -> str:
    """The words for a refused account change (named errors of gesi_app.accounts.users)."""
    if isinstance(error, users.UsernameTaken):
        return gettext("This username is already used. Choose another one")
    if isinstance(error, users.AgencyRequired):
        return agency_required()
    if isinstance(error, users.CannotDeactivateSelf):
        return gettext("You cannot deactivate your own account")
    if isinstance(error, users.LastActiveAdmin):
        return gettext(
            "At least 1 active admin is needed. Make another staff member an admin first"
        )
    return gettext("This staff member cannot be changed")


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
    actor_id = _int(kept["actor"]) if kept["actor"] else None
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
    return _int(field_text(query, "page")) or 1
