"""A per-process sliding-window limit per client address (no CAPTCHA, ever).

Each process counts its own requests: behind a load balancer the effective limit is the
per-process limit times the number of processes. Limits that must hold across processes use
``gesi_app.limits.shared.SharedLimit`` (counted in the database); only the tracking lookup's
failures still count here, until they move there too.
"""

from __future__ import annotations

import time
from collections import deque


class SlidingWindow:
    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._hits: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.seconds:
            hits.popleft()
        if not hits:
            # Forget idle keys so the table cannot grow without bound.
            self._hits.pop(key, None)
            hits = self._hits.setdefault(key, deque())
        return hits

    def allowed(self, key: str, now: float | None = None) -> bool:
        """True while ``key`` has fewer than ``limit`` hits in the window (does not count)."""
        now = time.monotonic() if now is None else now
        return len(self._recent(key, now)) < self.limit

    def hit(self, key: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self._recent(key, now).append(now)
        if len(self._hits) > 100_000:  # a flood of distinct addresses: drop the oldest half
            for stale in list(self._hits)[: len(self._hits) // 2]:
                del self._hits[stale]
