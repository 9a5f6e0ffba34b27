"""Signing in and out: password check, limits on wrong tries, staff sessions.

Wrong tries are counted in the database (gesi_app.limits.shared), so the limits hold across
every app process, and each try is counted *before* its password check with one atomic
statement: thirty tries at once get thirty different counts, and only those within the limit
reach Argon2. Three limits, each over 15 minutes from a key's first try:

- one account from one address (``PAIR_TRIES``): that pair waits until the window ends;
- one account from every address it has not signed in from in the last 30 days
  (``ACCOUNT_TRIES``): a slower pace for guessing the account from many places. The real
  user's own address is exempt once she has signed in from it, so a stranger who knows
  ``admin`` cannot shut the admin out;
- one address, whatever the account (``ADDRESS_TRIES``): guessing many accounts from one place.

A wrong username is counted like a wrong password, so the answers tell nothing about which
accounts exist. A successful sign-in clears its pair's count and gives back its other counts.

A staff session is a row keyed by the SHA-256 of a random key; the browser's signed cookie
holds only the key. Deleting the row (sign-out, deactivation, new password) ends the session
everywhere at once. Sessions end after 12 hours without activity or 7 days in all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import AuditEntry, StaffSession, StaffUser
from gesi_app.accounts.service import user_by_username
from gesi_app.db.base import utcnow
from gesi_app.limits.shared import SharedLimit, engine_of
from gesi_app.passwords import Hasher

PAIR_TRIES = 5
ACCOUNT_TRIES = 10
ADDRESS_TRIES = 20
WINDOW_SECONDS = 15 * 60
KNOWN_FOR = dt.timedelta(days=30)  # an address the account signed in from is hers this long
IDLE_TIMEOUT = dt.timedelta(hours=12)
ABSOLUTE_TIMEOUT = dt.timedelta(days=7)
# Writing last_seen on every request would make each page a write; once a minute is enough.
TOUCH_EVERY = dt.timedelta(minutes=1)
PAIR, ACCOUNT, ADDRESS = "pair", "account", "address"


class SignInRefused(Exception):
    """The sign-in did not succeed; the page says the same for every reason but a pause."""


class BadCredentials(SignInRefused):
    """Unknown username, wrong password or a deactivated account (never told apart)."""


class LockedOut(SignInRefused):
    """Too many wrong tries for ``scope`` (pair, account or address); open again at
    ``until`` (UTC)."""

    def __init__(self, until: dt.datetime, scope: str = PAIR) -> None:
        super().__init__(until.isoformat())
        self.until = until
        self.scope = scope


@dataclass(frozen=True)
class SignedIn:
    user: StaffUser
    key: str  # goes into the browser's session cookie, never stored in clear


@dataclass(frozen=True)
class SignInLimits:
    pair: SharedLimit
    account: SharedLimit
    address: SharedLimit

    @classmethod
    def on(cls, engine: AsyncEngine) -> SignInLimits:
        return cls(
            SharedLimit(engine, "sign-in-pair", PAIR_TRIES, WINDOW_SECONDS),
            SharedLimit(engine, "sign-in-account", ACCOUNT_TRIES, WINDOW_SECONDS),
            SharedLimit(engine, "sign-in-address", ADDRESS_TRIES, WINDOW_SECONDS),
        )


def aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive UTC datetimes; PostgreSQL aware ones. Make both aware."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def account_key(username: str) -> str:
    return username.strip().lower()[:100]


def address_key(ip: str | None) -> str:
    return (ip or "unknown")[:100]


async def _signed_in_from(
    session: AsyncSession, user: StaffUser | None, ip: str | None, now: dt.datetime
) -> bool:
    """Whether this account signed in from this address in the last KNOWN_FOR."""
    if user is None or not ip:
        return False
    found = await session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.action == Action.SIGN_IN,
            AuditEntry.actor_id == user.id,
            AuditEntry.ip == ip[:45],
            AuditEntry.at > now - KNOWN_FOR,
        )
        .limit(1)
    )
    return found is not None


async def sign_in(
    session: AsyncSession,
    username: str,
    password: str,
    ip: str | None,
    now: dt.datetime | None = None,
    *,
    hasher: Hasher,
) -> SignedIn:
    """Count the try, check the password and start a session; raise BadCredentials or
    LockedOut.

    The counts are committed at once on their own; the caller commits the session in every
    case, so that the audit entries are kept.
    """
    now = now or utcnow()
    moment = now.timestamp()
    limits = SignInLimits.on(engine_of(session))
    typed, address = account_key(username), address_key(ip)
    pair = f"{typed}\0{address}"
    user = await user_by_username(session, username)
    known = await _signed_in_from(session, user, ip, now)
    # Only reads so far: end them, so that this request holds no database connection while
    # the counts take their own and while Argon2 works (a burst of tries must not hold the
    # whole pool). Then count before the check, each by one atomic statement.
    await session.commit()
    counts = {PAIR: await limits.pair.hit(pair, moment)}
    if counts[PAIR].count <= PAIR_TRIES:
        counts[ADDRESS] = await limits.address.hit(address, moment)
        if counts[ADDRESS].count <= ADDRESS_TRIES and not known:
            counts[ACCOUNT] = await limits.account.hit(typed, moment)
    allowed = {PAIR: PAIR_TRIES, ADDRESS: ADDRESS_TRIES, ACCOUNT: ACCOUNT_TRIES}
    for scope, counted in counts.items():
        if counted.count > allowed[scope]:
            raise LockedOut(counted.until, scope)
    if user is None:
        # The same work for an unknown username as for a wrong password, so the answer
        # time does not tell whether an account exists.
        await hasher.verify_off_loop(hasher.decoy, password)
        ok = False
    else:
        ok = await hasher.verify_off_loop(user.password_hash, password) and user.active
    if ok:
        assert user is not None
        # Before this session writes anything (see gesi_app.limits.shared).
        await limits.pair.clear(pair)
        await limits.address.give_back(address, moment)
        if ACCOUNT in counts:
            await limits.account.give_back(typed, moment)
        key = await start_session(session, user, ip, now)
        await audit.record(session, user, Action.SIGN_IN, "staff_user", user.id, ip=ip, now=now)
        return SignedIn(user, key)
    await audit.record(
        session, None, Action.SIGN_IN_FAILED, "staff_user", user.id if user else None,
        ip=ip, actor_username=typed, now=now,
    )  # fmt: skip
    paused = [scope for scope, counted in counts.items() if counted.count >= allowed[scope]]
    for scope in paused:
        if counts[scope].count == allowed[scope]:  # the try that used the last one: audit once
            await audit.record(
                session, None, Action.SIGN_IN_LOCKED, "lockout", None,
                after={"scope": scope, "until": counts[scope].until.isoformat()},
                ip=ip, actor_username=typed, now=now,
            )  # fmt: skip
    if paused:
        raise LockedOut(counts[paused[0]].until, paused[0])
    raise BadCredentials()


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


async def set_password(
    session: AsyncSession, user: StaffUser, password: str, hasher: Hasher
) -> None:
    user.password_hash = await hasher.hash_off_loop(password)
    await session.flush()
