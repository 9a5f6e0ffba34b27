"""Brute-force protection for tracking-code lookups, without a CAPTCHA.

Failed lookups are counted per client address in a sliding window, in this process's memory.
With several processes each one counts on its own: an attacker gets at most
``limit * processes`` guesses a window, still far too few for 31**6 possible codes.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

LIMIT = 10
WINDOW_SECONDS = 600.0
MAX_CLIENTS = 10_000  # memory bound: the oldest client is forgotten first


class FailureWindow:
    """Counts failures per key; a key with ``limit`` failures in ``window`` seconds is blocked."""

    def __init__(
        self,
        limit: int = LIMIT,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float] | None:
        times = self._failures.get(key)
        if times is None:
            return None
        cutoff = self.clock() - self.window
        while times and times[0] <= cutoff:
            times.popleft()
        if not times:
            del self._failures[key]
            return None
        return times

    def blocked(self, key: str) -> bool:
        times = self._recent(key)
        return times is not None and len(times) >= self.limit

    def fail(self, key: str) -> None:
        times = self._recent(key)
        if times is None:
            if len(self._failures) >= MAX_CLIENTS:
                del self._failures[next(iter(self._failures))]
            times = self._failures[key] = deque(maxlen=self.limit)
        times.append(self.clock())
