"""One-time links to set a password: for a new account, or when a staff member forgot theirs.

An admin makes the link and passes it on. Only the SHA-256 of its token is stored; the link
works once, for 24 hours, and making a new one for the same person ends the older ones.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit, auth, one_time
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import PasswordReset, StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.db.base import utcnow
from gesi_app.passwords import Hasher

VALID_FOR = dt.timedelta(hours=24)
MIN_PASSWORD = 12
MAX_PASSWORD = 200


class ResetLinkInvalid(Exception):
    """The link is unknown, used, expired, or its account is deactivated."""


class PasswordRejected(ValueError):
    """The new password breaks a rule; ``code`` says which (the form turns it into words)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_password_rules(password: str, username: str) -> None:
    if not password:
        raise PasswordRejected("empty")
    if len(password) < MIN_PASSWORD:
        raise PasswordRejected("short")
    if len(password) > MAX_PASSWORD:
        raise PasswordRejected("long")
    if password.strip().lower() == username.strip().lower():
        raise PasswordRejected("username")


async def create_link(
    session: AsyncSession,
    actor: StaffUser,
    user: StaffUser,
    ip: str | None,
    now: dt.datetime | None = None,
) -> str:
    """A new one-time token for ``user``; shown once to the admin, never stored in clear."""
    require(actor, Permission.MANAGE_USERS)
    now = now or utcnow()
    await session.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None))
        .values(expires_at=now)
    )
    token = secrets.token_urlsafe(32)
    await one_time.store(
        session, PasswordReset, token, user, now, VALID_FOR, created_by_id=actor.id
    )
    await audit.record(
        session, actor, Action.RESET_LINK_CREATED, "staff_user", user.id,
        after={"valid_until": (now + VALID_FOR).isoformat()}, ip=ip, now=now,
    )  # fmt: skip
    return token


async def user_for_link(
    session: AsyncSession, token: str, now: dt.datetime | None = None
) -> StaffUser:
    """Whose link this is, while it still works; else ResetLinkInvalid."""
    now = now or utcnow()
    reset = await session.scalar(
        select(PasswordReset).where(PasswordReset.token_hash == one_time.token_hash(token))
    )
    user = await one_time.live_owner(session, reset, now)
    if user is None:
        raise ResetLinkInvalid()
    return user


async def use_link(
    session: AsyncSession,
    token: str,
    password: str,
    ip: str | None,
    now: dt.datetime | None = None,
    *,
    hasher: Hasher,
) -> StaffUser:
    """Set the new password and spend the link. Every session of the account ends."""
    now = now or utcnow()
    user = await user_for_link(session, token, now)
    check_password_rules(password, user.username)
    # Spend the link in the same statement that checks it, so two tabs cannot both use it.
    spent = await session.execute(
        update(PasswordReset)
        .where(
            PasswordReset.token_hash == one_time.token_hash(token), PasswordReset.used_at.is_(None)
        )
        .values(used_at=now)
    )
    if not getattr(spent, "rowcount", 0):
        raise ResetLinkInvalid()
    await auth.set_password(session, user, password, hasher)
    await auth.end_all_sessions(session, user.id)
    await audit.record(session, user, Action.PASSWORD_SET, "staff_user", user.id, ip=ip, now=now)
    return user
