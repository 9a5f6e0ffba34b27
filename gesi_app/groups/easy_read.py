"""Easy read of the community groups' citizen pages: the directory, a group, registration.

EASY and ALREADY_EASY as in the other features (see public/easy_read.py).
"""

from __future__ import annotations

from gesi_app.i18n.easy import Easy

EASY: dict[str, Easy] = {}

ALREADY_EASY: dict[str, tuple[str, ...]] = {}
