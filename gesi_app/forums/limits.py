"""Per-address limit on what the public posts to forums (sign-ins, inputs, votes).

One SlidingWindow per app (GESI_FORUM_POSTS_PER_MINUTE a minute per address), made with the
app beside the report journey's (``app.state.forum_limiter``); a refused post answers with
the friendly 429 page, the same as the report journey.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request

from gesi_app.web.ratelimit import SlidingWindow

WINDOW_SECONDS = 60


def forum_limiter(posts_per_minute: int) -> SlidingWindow:
    return SlidingWindow(posts_per_minute, WINDOW_SECONDS)


def count_post(request: Request) -> None:
    """Count one public post from this address, or raise 429 when over the limit."""
    key = request.client.host if request.client else "unknown"
    window: SlidingWindow = request.app.state.forum_limiter
    if not window.allowed(key):
        raise HTTPException(429)
    window.hit(key)
