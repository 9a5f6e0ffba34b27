"""Tracking codes and PINs: short enough to read aloud or send by SMS, no look-alikes."""

from __future__ import annotations

import re
import secrets

# No 0/O, 1/I/L: a code read aloud or copied from a phone screen cannot be misread.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "SRA"
_CODE = re.compile(rf"^{PREFIX}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{2}}$")


def new_tracking_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(6))
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def normalise_code(typed: str) -> str | None:
    """The canonical code for what a person typed ("sra 7k4q 2m" -> "SRA-7K4Q-2M"), or None."""
    compact = re.sub(r"[\s\-_.]", "", typed.upper())
    if compact.startswith(PREFIX):
        compact = compact[len(PREFIX) :]
    if len(compact) != 6:
        return None
    code = f"{PREFIX}-{compact[:4]}-{compact[4:]}"
    return code if _CODE.match(code) else None


def new_pin() -> str:
    """Six digits, the reporter's key: easy to read aloud, shown once on the confirmation page.

    Guessing is held back per address and per report (tracking/keys.py), so 10**6 is enough.
    """
    return f"{secrets.randbelow(1_000_000):06d}"


def spaced(code: str) -> str:
    """The code as a screen reader should spell it: one character at a time."""
    return " ".join(ch for ch in code if ch != "-")
