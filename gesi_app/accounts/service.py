"""Creating staff accounts. Passwords are hashed with Argon2id."""

from __future__ import annotations

import re
import secrets
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.passwords import Hasher

# A staff username: 3-60 characters of a-z, 0-9, dot, dash or underscore.
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")


class HasId(Protocol):
    """A stored row (an agency): accounts sit below the features and know them by id only."""

    @property
    def id(self) -> int: ...


class StaffError(ValueError):
    """A staff account cannot be created as asked."""


def generate_password() -> str:
    """A password of 5 groups of 4 readable characters: long, and easy to type once."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(5))


async def create_user(
    session: AsyncSession,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    agency: HasId | None = None,
    email: str | None = None,
    password_hash: str,
) -> StaffUser:
    """Add a staff account. An agency officer must belong to an agency; others may not.

    ``password_hash`` is the Argon2 hash of ``password``, made by the caller's Hasher (off
    the event loop in a request; seeding many databases may reuse one).
    """
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise StaffError("username: 3-60 characters of a-z, 0-9, dot, dash or underscore")
    if role is Role.AGENCY_OFFICER and agency is None:
        raise StaffError("an agency officer needs an agency (--agency SLUG)")
    if len(password) < 12:
        raise StaffError("password: at least 12 characters")
    if await session.scalar(select(StaffUser.id).where(StaffUser.username == username)) is not None:
        raise StaffError(f"username {username!r} is taken")
    user = StaffUser(
        username=username,
        full_name=full_name.strip() or username,
        role=role,
        password_hash=password_hash,
        agency_id=agency.id if agency else None,
        email=email,
    )
    session.add(user)
    await session.flush()
    return user


async def create_without_password(
    session: AsyncSession,
    *,
    username: str,
    full_name: str,
    role: Role,
    email: str | None,
    hasher: Hasher,
    agency: HasId | None = None,
) -> StaffUser:
    """Add an account whose password nobody knows: the person chooses their own through a
    one-time link (``resets.create_link``), or signs in by a link sent to them."""
    unknown = generate_password() + generate_password()
    return await create_user(
        session,
        username=username,
        full_name=full_name,
        role=role,
        password=unknown,
        agency=agency,
        email=email,
        password_hash=await hasher.hash_off_loop(unknown),  # Argon2 never on the event loop
    )


async def user_by_username(session: AsyncSession, username: str) -> StaffUser | None:
    return await session.scalar(
        select(StaffUser).where(StaffUser.username == username.strip().lower())
    )
