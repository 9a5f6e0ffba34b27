"""Shared form types used by every feature's forms and the form macros."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """One radio or checkbox: its value, visible label, optional hint and a divider before it."""

    value: str
    label: str
    hint: str | None = None
    divider: str | None = None
