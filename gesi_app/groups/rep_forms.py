"""Parsing the admins' form that adds a representative to a group."""

from __future__ import annotations

from lokal import parse_phone
from starlette.datastructures import FormData

from gesi_app.accounts.service import USERNAME
from gesi_app.groups import reps
from gesi_app.groups.forms import EMAIL_MAX, REP_NAME_MAX
from gesi_app.i18n import gettext
from gesi_app.web.forms import EMAIL_ADDRESS, field_text

Errors = dict[str, str]
Kept = dict[str, str]
FIELDS = ("full_name", "username", "email", "phone")


def parse_new_rep(form: FormData) -> tuple[reps.NewRep | None, Kept, Errors]:
    kept = {name: field_text(form, name) for name in FIELDS}
    kept["username"] = kept["username"].lower()
    errors: Errors = {}
    if not kept["full_name"]:
        errors["full_name"] = gettext("Enter the representative's full name")
    elif len(kept["full_name"]) > REP_NAME_MAX:
        errors["full_name"] = gettext("Write a name of 120 characters or fewer")
    if not kept["username"]:
        errors["username"] = gettext("Enter a username")
    elif not USERNAME.match(kept["username"]):
        errors["username"] = gettext(
            "Use 3 to 60 characters: small letters a to z, numbers, dot, dash or underscore"
        )
    email = kept["email"]
    if email and (len(email) > EMAIL_MAX or not EMAIL_ADDRESS.match(email)):
        errors["email"] = gettext("Enter an email address like name@example.go.id")
    phone = None
    if kept["phone"]:
        info = parse_phone(kept["phone"])
        if not info.valid or not info.e164:
            errors["phone"] = gettext("Enter a phone number like 0812 3456 7890")
        else:
            phone = info.e164
    if not email and not kept["phone"]:
        errors["email"] = gettext(
            "Enter an email address or a phone number, so the representative can get a sign-in link"
        )
    if errors:
        return None, kept, {name: errors[name] for name in FIELDS if name in errors}
    data = reps.NewRep(
        full_name=kept["full_name"],
        username=kept["username"],
        email=email.lower() or None,
        phone=phone,
    )
    return data, kept, {}


def rep_error_message(error: reps.RepError) -> str:
    if isinstance(error, reps.UsernameTaken):
        return gettext("This username is already used. Choose another one")
    if isinstance(error, reps.GroupNotApproved):
        return gettext("Approve the group before you add a representative")
    return gettext("This representative cannot be added")
