"""A database session for one request, from the factory that the app's lifespan created."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from gesi_app.web.state import state_of


def db(request: Request) -> AsyncSession:
    """A new session; use as ``async with db(request) as session:``."""
    session: AsyncSession = state_of(request).sessions()
    return session
