"""Reading the team pages' forms: a new staff account and a change to one. Each parser returns
what it read, what to keep in the form, and the translated errors by field."""

from __future__ import annotations

from starlette.datastructures import FormData

from gesi_app.accounts.forms import Errors, Kept
from gesi_app.accounts.models import Role
from gesi_app.accounts.service import USERNAME
from gesi_app.i18n import gettext
from gesi_app.team import service as users
from gesi_app.team.service import NewUser, UserChanges
from gesi_app.web.forms import EMAIL_ADDRESS, field_text
from gesi_app.web.numbers import parse_int


def _role(value: str, keeps_rep: bool = False) -> Role | None:
    # A group representative needs a group: it is added from the group's page, not here;
    # only a representative's own page keeps that role.
    try:
        role = Role(value)
    except ValueError:
        return None
    return None if role is Role.GROUP_REP and not keeps_rep else role


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
    if kept["email"] and (len(kept["email"]) > 254 or not EMAIL_ADDRESS.match(kept["email"])):
        errors["email"] = gettext("Enter an email address like name@example.go.id")
    role = _role(kept["role"])
    if role is None:
        errors["role"] = gettext("Choose a role")
    agency_id = parse_int(kept["agency"])
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


def parse_user_changes(
    form: FormData, keeps_rep: bool = False
) -> tuple[UserChanges | None, Kept, Errors]:
    kept = {name: field_text(form, name) for name in ("role", "agency", "active")}
    errors: Errors = {}
    role = _role(kept["role"], keeps_rep)
    if role is None:
        errors["role"] = gettext("Choose a role")
    agency_id = parse_int(kept["agency"])
    if role is Role.AGENCY_OFFICER and agency_id is None:
        errors["agency"] = agency_required()
    if kept["active"] not in ("yes", "no"):
        errors["active"] = gettext("Choose whether this staff member can sign in")
    if errors or role is None:
        return None, kept, errors
    return UserChanges(role=role, agency_id=agency_id, active=kept["active"] == "yes"), kept, errors


def user_error_message(error: Exception) -> str:
    """The words for a refused account change (named errors of gesi_app.team.service)."""
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
