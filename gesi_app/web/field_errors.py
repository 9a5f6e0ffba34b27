"""The base of a settings service's domain errors: each belongs to one form field."""

from __future__ import annotations


class FieldError(Exception):
    """A change that is not allowed; ``field`` names the form field the page shows it at."""

    field: str
