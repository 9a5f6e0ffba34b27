"""Signing in and out: password check, lockout after repeated failures, staff sessions.

Failures are counted in the database per account (the typed username, whether or not it
exists) and per client address, so the limit holds across every app process. Five failures
within 15 minutes lock that account or address for 15 minutes.

A staff session is a row keyed by the SHA-256 of a random key; the browser's signed cookie
holds only the key. Deleting the row (sign-out, deactivation, new password) ends the session
everywhere at once. Sessions end after 12 hours without activity or 7 days in all.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import utcnow
from gesi_app.passwords import hash_password, verify_password
from gesi_app.staff import audit
from gesi_app.staff.audit import Action
from gesi_app.staff.models import Lockout, LoginFailure, StaffSession, StaffUser
from gesi_app.staff.service import user_by_username

LOCK_AFTER = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
LOCK_FOR = dt.timedelta(minutes=15)
IDLE_TIMEOUT = dt.timedelta(hours=12)
ABSOLUTE_TIMEOUT = dt.timedelta(days=7)
# Writing last_seen on every request would make each page a write; once a minute is enough.
TOUCH_EVERY = dt.timedelta(minutes=1)
ACCOUNT, ADDRESS = "account", "address"


# Checked when the username is unknown, so that a wrong username takes as long as a wrong
# password and the answer time does not tell whether an account exists.
@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown usernames, so they take as long as known ones."""
    return hash_password(secrets.token_urlsafe(16))


class SignInRefused(Exception):
    """The sign-in did not succeed; the page says the same for every reason but a lockout."""


class BadCredentials(SignInRefused):
    """Unknown username, wrong password or a deactivated account (never told apart)."""


class LockedOut(SignInRefused):
    """Too many failures for this account or address; try again at ``until`` (UTC)."""

    def __init__(self, until: dt.datetime) -> None:
        super().__init__(until.isoformat())
        self.until = until


@dataclass(frozen=True)
class SignedIn:
    user: StaffUser
    key: str  # goes into the browser's session cookie, never stored in clear


def aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive UTC datetimes; PostgreSQL aware ones. Make both aware."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def account_key(username: str) -> str:
    return username.strip().lower()[:100]


def address_key(ip: str | None) -> str:
    return (ip or "unknown")[:100]


async def locked_until(
    session: AsyncSession, username: str, ip: str | None, now: dt.datetime | None = None
) -> dt.datetime | None:
    """When sign-in opens again for this username or address, or None when it is open."""
    now = now or utcnow()
    until = await session.scalar(
        select(func.max(Lockout.until)).where(
            (
                ((Lockout.scope == ACCOUNT) & (Lockout.key == account_key(username)))
                | ((Lockout.scope == ADDRESS) & (Lockout.key == address_key(ip)))
            ),
            Lockout.until > now,
        )
    )
    return aware(until) if until else None


async def _count_failure(
    session: AsyncSession, scope: str, key: str, now: dt.datetime
) -> dt.datetime | None:
    """Add a failure; when it is the 5th in the window, lock the key and return until when."""
    session.add(LoginFailure(scope=scope, key=key, at=now))
    await session.flush()
    recent = await session.scalar(
        select(func.count(LoginFailure.id)).where(
            LoginFailure.scope == scope,
            LoginFailure.key == key,
            LoginFailure.at > now - FAILURE_WINDOW,
        )
    )
    # Failures older than the window count for nothing; keep the table small.
    await session.execute(
        delete(LoginFailure).where(
            LoginFailure.scope == scope,
            LoginFailure.key == key,
            LoginFailure.at <= now - FAILURE_WINDOW,
        )
    )
    if (recent or 0) < LOCK_AFTER:
        return None
    until = now + LOCK_FOR
    session.add(Lockout(scope=scope, key=key, until=until))
    # After the lock, counting starts again from zero.
    await session.execute(
        delete(LoginFailure).where(LoginFailure.scope == scope, LoginFailure.key == key)
    )
    await session.flush()
    return until


async def sign_in(
    session: AsyncSession,
    username: str,
    password: str,
    ip: str | None,
    now: dt.datetime | None = None,
) -> SignedIn:
    """Check the password and start a session; raise BadCredentials or LockedOut.

    The caller commits in every case, so that failures and lockouts are counted.
    """
    now = now or utcnow()
    until = await locked_until(session, username, ip, now)
    if until is not None:
        raise LockedOut(until)
    user = await user_by_username(session, username)
    if user is None:
        verify_password(_dummy_hash(), password)
        ok = False
    else:
        ok = verify_password(user.password_hash, password) and user.active
    if not ok:
        typed = account_key(username)
        await audit.record(
            session, None, Action.SIGN_IN_FAILED, "staff_user", user.id if user else None,
            ip=ip, actor_username=typed, now=now,
        )  # fmt: skip
        locks = []
        for scope, key in ((ACCOUNT, typed), (ADDRESS, address_key(ip))):
            lock = await _count_failure(session, scope, key, now)
            if lock is not None:
                locks.append(lock)
                await audit.record(
                    session, None, Action.SIGN_IN_LOCKED, "lockout", None,
                    after={"scope": scope, "key": key, "until": lock.isoformat()},
                    ip=ip, actor_username=typed, now=now,
                )  # fmt: skip
        if locks:
            raise LockedOut(max(locks))
        raise BadCredentials()
    assert user is not None
    # A successful sign-in clears this account's count (never the address's: one good
    # account must not reset an attacker's count for a whole address).
    await session.execute(
        delete(LoginFailure).where(
            LoginFailure.scope == ACCOUNT, LoginFailure.key == account_key(username)
        )
    )
    key = await start_session(session, user, ip, now)
    await audit.record(session, user, Action.SIGN_IN, "staff_user", user.id, ip=ip, now=now)
    return SignedIn(user, key)


async def start_session(
    session: AsyncSession, user: StaffUser, ip: str | None, now: dt.datetime | None = None
) -> str:
    now = now or utcnow()
    key = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            key_hash=_hash(key),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            ip=ip and ip[:45],
        )
    )
    user.last_sign_in_at = now
    await session.flush()
    return key


async def resolve(
    session: AsyncSession, key: str | None, now: dt.datetime | None = None
) -> StaffUser | None:
    """The active staff member of this session key, or None (an expired session is ended)."""
    if not key:
        return None
    now = now or utcnow()
    row = await session.get(StaffSession, _hash(key))
    if row is None:
        return None
    user = await session.get(StaffUser, row.user_id)
    expired = (
        now - aware(row.last_seen_at) > IDLE_TIMEOUT
        or now - aware(row.created_at) > ABSOLUTE_TIMEOUT
    )
    if user is None or not user.active or expired:
        await session.delete(row)
        await session.flush()
        return None
    if now - aware(row.last_seen_at) > TOUCH_EVERY:
        row.last_seen_at = now
        await session.flush()
    return user


async def sign_out(
    session: AsyncSession, key: str | None, ip: str | None, now: dt.datetime | None = None
) -> StaffUser | None:
    """End this session; returns whose it was (None when it had already ended)."""
    if not key:
        return None
    row = await session.get(StaffSession, _hash(key))
    if row is None:
        return None
    user = await session.get(StaffUser, row.user_id)
    await session.delete(row)
    if user is not None:
        await audit.record(session, user, Action.SIGN_OUT, "staff_user", user.id, ip=ip, now=now)
    await session.flush()
    return user


async def forget(session: AsyncSession, key: str | None) -> None:
    """Drop a session without a sign-out entry: signing in again replaces the old session."""
    if key:
        await session.execute(delete(StaffSession).where(StaffSession.key_hash == _hash(key)))


async def end_all_sessions(session: AsyncSession, user_id: int) -> int:
    """Sign a staff member out everywhere (deactivation, new password). Returns how many."""
    result = await session.execute(delete(StaffSession).where(StaffSession.user_id == user_id))
    return int(getattr(result, "rowcount", 0) or 0)


async def set_password(session: AsyncSession, user: StaffUser, password: str) -> None:
    user.password_hash = hash_password(password)
    await session.flush()
