"""What one-time links have in common (password resets, sign-in links): only the SHA-256 of
the token is stored, a link works until it is used or expires, and only for an active
account."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import auth
from gesi_app.accounts.models import PasswordReset, SignInLink, StaffUser

Link = PasswordReset | SignInLink


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def store(
    session: AsyncSession,
    kind: type[Link],
    token: str,
    user: StaffUser,
    now: dt.datetime,
    valid_for: dt.timedelta,
    **more: Any,
) -> None:
    """Keep a new link of ``kind`` for ``user``: its token's hash, valid from ``now``."""
    session.add(
        kind(
            token_hash=token_hash(token),
            user_id=user.id,
            created_at=now,
            expires_at=now + valid_for,
            **more,
        )
    )
    await session.flush()


async def live_owner(
    session: AsyncSession, link: Link | None, now: dt.datetime
) -> StaffUser | None:
    """The account ``link`` is for, while the link is unused and unexpired and the account
    active; else None."""
    if link is None or link.used_at is not None or auth.aware(link.expires_at) <= now:
        return None
    user = await session.get(StaffUser, link.user_id)
    return user if user is not None and user.active else None
