"""Shared form types used by every feature's forms and the form macros."""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.datastructures import FormData, QueryParams

# An email address as people type it: something@domain.tld, no spaces (the mail server says
# the rest). Used with a length check of 254.
EMAIL_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Choice:
    """One radio or checkbox: its value, visible label, optional hint and a divider before it.

    ``name_ref`` ("topic:12") says the label is a name kept in the database, spoken by its
    own address (audio/names.py); the other labels are spoken when they are our prompts."""

    value: str
    label: str
    hint: str | None = None
    divider: str | None = None
    name_ref: str | None = None


def field_text(form: FormData | QueryParams, name: str) -> str:
    """A text field's value without surrounding spaces; "" when it is missing or a file."""
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""
