"""Per-address limit on what the public posts to forums (sign-ins, inputs, votes).

One shared limit per app (GESI_FORUM_POSTS_PER_MINUTE a minute per address, counted in the
database so it holds across every app process), made with the app beside the report
journey's (``AppState.forum_limiter``); a refused post answers with the friendly 429 page,
the same as the report journey.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.exceptions import HTTPException
from starlette.requests import Request

from gesi_app.limits.shared import SharedLimit
from gesi_app.web.client import client_address
from gesi_app.web.state import state_of

WINDOW_SECONDS = 60


def forum_limiter(engine: AsyncEngine, posts_per_minute: int) -> SharedLimit:
    return SharedLimit(engine, "forum-posts", posts_per_minute, WINDOW_SECONDS)


async def count_post(request: Request) -> None:
    """Count one public post from this address, or raise 429 when over the limit.

    Called before the route opens its database session (see gesi_app.limits.shared)."""
    key = client_address(request)
    limit: SharedLimit = state_of(request).forum_limiter
    if not await limit.take(key):
        raise HTTPException(429)
