"""Repeatable randomness: ``secrets`` drawing from seeded generators, installed before
the app is imported.
"""

from __future__ import annotations

import random
import secrets
import sys
from collections import Counter
from typing import Any


class SeededSecrets:
    """secrets' functions drawing from a generator per calling function (and call count)."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()

    def _rng(self) -> random.Random:
        caller = sys._getframe(2).f_code.co_qualname
        self.calls[caller] += 1
        # Not for secrets: repeatable values are the point here.
        return random.Random(f"{caller}:{self.calls[caller]}")  # noqa: S311

    def install(self) -> None:
        def choice(seq: Any) -> Any:
            return self._rng().choice(seq)

        def randbelow(n: int) -> int:
            return self._rng().randrange(n)

        def token_bytes(n: int | None = None) -> bytes:
            return self._rng().randbytes(32 if n is None else n)

        def token_hex(n: int | None = None) -> str:
            return self._rng().randbytes(32 if n is None else n).hex()

        def token_urlsafe(n: int | None = None) -> str:
            import base64

            raw = self._rng().randbytes(32 if n is None else n)
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

        secrets.choice = choice
        secrets.randbelow = randbelow
        secrets.token_bytes = token_bytes
        secrets.token_hex = token_hex
        secrets.token_urlsafe = token_urlsafe


# ---------------------------------------------------------------------------------------------
