"""A database session for one request, from the factory that the app's lifespan created."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request


def db(request: Request) -> AsyncSession:
    """A new session; use as ``async with db(request) as session:``."""
    session: AsyncSession = request.app.state.sessions()
    return session
