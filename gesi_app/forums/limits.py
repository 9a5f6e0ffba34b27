"""Per-address limit on what the public posts to forums (sign-ins, inputs, votes).

One SlidingWindow per app (GESI_FORUM_POSTS_PER_MINUTE a minute per address), created on first
use; a refused post answers with the friendly 429 page, the same as the report journey.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request

from gesi_app.web.ratelimit import SlidingWindow

WINDOW_SECONDS = 60


def _window(request: Request) -> SlidingWindow:
    window: SlidingWindow | None = getattr(request.app.state, "forum_limiter", None)
    if window is None:
        limit = request.app.state.settings.forum_posts_per_minute
        window = SlidingWindow(limit, WINDOW_SECONDS)
        request.app.state.forum_limiter = window
    return window


def count_post(request: Request) -> None:
    """Count one public post from this address, or raise 429 when over the limit."""
    key = request.client.host if request.client else "unknown"
    window = _window(request)
    if not window.allowed(key):
        raise HTTPException(429)
    window.hit(key)
