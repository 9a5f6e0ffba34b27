"""One-time sign-in links by email or SMS: signing in without remembering a password (WCAG 2.2
SC 3.3.8, accessible authentication), for every staff account and group representative.

Someone types the email address or phone number of their account; when it belongs to an
active account, a link with a random token goes there. Only the SHA-256 of the token is
stored; the link works once, for ``VALID_FOR``. The answer to the person asking is the same
whether or not an account was found, and the asking is limited per typed address, per account
and per internet connection (``gesi_app.limits``), so the form neither tells who has an
account nor floods anyone's inbox.

Opening the link does not sign in: the page asks for a button press (a POST), so a mail
client's link scanner that opens every link does not spend it.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit, auth, one_time
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import SignInLink, StaffUser
from gesi_app.db.base import utcnow
from gesi_app.limits.shared import SharedLimit, engine_of

VALID_FOR = dt.timedelta(minutes=15)
WINDOW_SECONDS = 60 * 60
PER_ADDRESS = 3  # links asked for one email address or phone number in an hour
PER_ACCOUNT = 5  # links sent to one account in an hour (its email and its phone together)
PER_CONNECTION = 20  # links asked from one internet connection in an hour
EMAIL, SMS = "email", "sms"


class LinkInvalid(Exception):
    """The link is unknown, used, expired, or its account is deactivated."""


@dataclass(frozen=True)
class Address:
    """Where to send a link: an email address (lower case) or a phone number in E.164."""

    channel: str  # email | sms
    value: str


@dataclass(frozen=True)
class LinkToSend:
    user: StaffUser
    address: Address
    token: str  # goes into the link only; never stored in clear


@dataclass(frozen=True)
class LinkLimits:
    address: SharedLimit
    account: SharedLimit
    connection: SharedLimit


def limits_on(session: AsyncSession) -> LinkLimits:
    engine = engine_of(session)
    return LinkLimits(
        SharedLimit(engine, "sign-in-link-address", PER_ADDRESS, WINDOW_SECONDS),
        SharedLimit(engine, "sign-in-link-account", PER_ACCOUNT, WINDOW_SECONDS),
        SharedLimit(engine, "sign-in-link-connection", PER_CONNECTION, WINDOW_SECONDS),
    )


async def _account_at(session: AsyncSession, address: Address) -> StaffUser | None:
    if address.channel == EMAIL:
        where = func.lower(StaffUser.email) == address.value
    else:
        where = StaffUser.phone == address.value
    found = await session.scalars(select(StaffUser).where(where, StaffUser.active.is_(True)))
    accounts = found.all()
    # An address shared by two accounts names neither: no link rather than the wrong one.
    return accounts[0] if len(accounts) == 1 else None


async def ask_for_link(
    session: AsyncSession, address: Address, ip: str | None, now: dt.datetime | None = None
) -> LinkToSend | None:
    """A new link for the active account at ``address``, or None (no such account, or too
    many asked): the caller answers the same in both cases.

    The counts are taken first and committed on their own; the caller commits the session,
    which holds the link and its audit entry.
    """
    now = now or utcnow()
    moment = now.timestamp()
    limits = limits_on(session)
    if not await limits.connection.take(auth.address_key(ip), moment):
        return None
    if not await limits.address.take(f"{address.channel}:{address.value}", moment):
        return None
    user = await _account_at(session, address)
    if user is None or not await limits.account.take(str(user.id), moment):
        return None
    token = secrets.token_urlsafe(32)
    await one_time.store(session, SignInLink, token, user, now, VALID_FOR, channel=address.channel)
    await audit.record(
        session, None, Action.SIGN_IN_LINK_SENT, "staff_user", user.id,
        after={"sent_by": address.channel, "valid_until": (now + VALID_FOR).isoformat()},
        ip=ip, actor_username=user.username, now=now,
    )  # fmt: skip
    return LinkToSend(user, address, token)


async def link_works(session: AsyncSession, token: str, now: dt.datetime | None = None) -> bool:
    """Whether the link can still sign someone in (it is not spent by asking)."""
    now = now or utcnow()
    link = await session.scalar(
        select(SignInLink).where(SignInLink.token_hash == one_time.token_hash(token))
    )
    return await one_time.live_owner(session, link, now) is not None


async def sign_in_by_link(
    session: AsyncSession, token: str, ip: str | None, now: dt.datetime | None = None
) -> auth.SignedIn:
    """Spend the link and start a session for its account; LinkInvalid when it does not work."""
    now = now or utcnow()
    token_hash = one_time.token_hash(token)
    # Spent in the same statement that checks it: two tabs cannot both sign in with it.
    spent = await session.execute(
        update(SignInLink)
        .where(
            SignInLink.token_hash == token_hash,
            SignInLink.used_at.is_(None),
            SignInLink.expires_at > now,
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if not getattr(spent, "rowcount", 0):
        raise LinkInvalid()
    link = await session.scalar(select(SignInLink).where(SignInLink.token_hash == token_hash))
    user = await session.get(StaffUser, link.user_id) if link is not None else None
    if user is None or not user.active:
        raise LinkInvalid()
    key = await auth.start_session(session, user, ip, now)
    await audit.record(
        session, user, Action.SIGN_IN_BY_LINK, "staff_user", user.id,
        after={"sent_by": link.channel if link else None}, ip=ip, now=now,
    )  # fmt: skip
    return auth.SignedIn(user, key)
