"""Join codes: six characters from the tracking-code alphabet (no 0/O, 1/I/L look-alikes)."""

from __future__ import annotations

import re
import secrets

from gesi_app.reports.codes import ALPHABET

LENGTH = 6
_CODE = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")


def new_join_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_join_code(typed: str) -> str | None:
    """The canonical code for what a person typed ("k7m 2pq" -> "K7M2PQ"), or None."""
    compact = re.sub(r"[\s\-_.]", "", typed.upper())
    return compact if _CODE.match(compact) else None


def spaced(code: str) -> str:
    """Three and three, easy to read aloud and to type: "K7M 2PQ"."""
    return f"{code[:3]} {code[3:]}"
