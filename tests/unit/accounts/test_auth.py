"""Sign-in rules of the auth service, with the clock passed in (no sleeping)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import auth
from gesi_app.accounts.models import AuditEntry
from gesi_app.limits.models import RateCount
from gesi_app.limits.shared import purge_ended
from tests import factories
from tests.staff_support import PASSWORD, make_team

T0 = dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)


def attempt(url: str, username: str, password: str, ip: str, at: dt.datetime) -> str:
    """'ok', 'bad' or 'SCOPE until HH:MM' (UTC) for a pause."""

    async def work(session: AsyncSession) -> str:
        try:
            await auth.sign_in(session, username, password, ip, now=at, hasher=factories.HASHER)
        except auth.LockedOut as locked:
            return f"{locked.scope} until {locked.until:%H:%M}"
        except auth.BadCredentials:
            return "bad"
        return "ok"

    result: str = factories.run(url, work)
    return result


def minutes(n: float) -> dt.timedelta:
    return dt.timedelta(minutes=n)


def test_five_wrong_tries_pause_that_account_from_that_address_only(database_url: str) -> None:
    make_team(database_url)
    results = [
        attempt(database_url, "admin", "wrong", "192.0.2.1", T0 + minutes(n)) for n in range(5)
    ]
    assert results == ["bad", "bad", "bad", "bad", "pair until 03:15"]
    # Paused from that address, even with the right password, until the window ends ...
    assert attempt(database_url, "admin", PASSWORD, "192.0.2.1", T0 + minutes(6)) == (
        "pair until 03:15"
    )
    # ... but the real user at her own address is not locked out by it.
    assert attempt(database_url, "admin", PASSWORD, "198.51.100.7", T0 + minutes(7)) == "ok"
    assert attempt(database_url, "admin", PASSWORD, "192.0.2.1", T0 + minutes(15.5)) == "ok"


def test_the_account_is_slowed_from_new_addresses_but_never_at_one_it_signed_in_from(
    database_url: str,
) -> None:
    make_team(database_url)
    home = "198.51.100.7"
    assert attempt(database_url, "admin", PASSWORD, home, T0 - dt.timedelta(days=3)) == "ok"
    # Ten wrong tries from ten places: the account's pace for new places is used up.
    results = [
        attempt(database_url, "admin", "wrong", f"10.0.0.{n}", T0 + minutes(n)) for n in range(10)
    ]
    assert results == ["bad"] * 9 + ["account until 03:15"]
    assert attempt(database_url, "admin", PASSWORD, "10.0.0.99", T0 + minutes(11)) == (
        "account until 03:15"
    )
    # Where she signed in before, she still signs in, however many strangers tried.
    assert attempt(database_url, "admin", PASSWORD, home, T0 + minutes(12)) == "ok"
    # An unknown username is slowed the same way: the answers do not tell accounts apart.
    ghosts = [
        attempt(database_url, "ghost", "wrong", f"10.1.0.{n}", T0 + minutes(n)) for n in range(11)
    ]
    assert ghosts == ["bad"] * 9 + ["account until 03:15"] * 2


def test_many_accounts_guessed_from_one_address_pause_that_address(database_url: str) -> None:
    make_team(database_url)
    results = [
        attempt(database_url, f"user{n}", "wrong", "192.0.2.1", T0 + minutes(n / 2))
        for n in range(auth.ADDRESS_TRIES)
    ]
    assert results == ["bad"] * (auth.ADDRESS_TRIES - 1) + ["address until 03:15"]
    assert attempt(database_url, "admin", PASSWORD, "192.0.2.1", T0 + minutes(11)) == (
        "address until 03:15"
    )
    assert attempt(database_url, "admin", PASSWORD, "192.0.2.2", T0 + minutes(11)) == "ok"


def test_a_success_clears_its_pair_and_gives_back_the_address_count(database_url: str) -> None:
    make_team(database_url)
    for n in range(4):
        attempt(database_url, "admin", "wrong", "192.0.2.1", T0 + minutes(n))
    assert attempt(database_url, "admin", PASSWORD, "192.0.2.1", T0 + minutes(4)) == "ok"
    # The pair starts again from zero.
    results = [
        attempt(database_url, "admin", "wrong", "192.0.2.1", T0 + minutes(5 + n)) for n in range(4)
    ]
    assert results == ["bad"] * 4
    # A whole office signing in through one address uses none of its wrong tries.
    for n in range(auth.ADDRESS_TRIES):
        assert (
            attempt(database_url, "verifikator", PASSWORD, "192.0.2.9", T0 + minutes(n / 4)) == "ok"
        )
    assert attempt(database_url, "nobody", "wrong", "192.0.2.9", T0 + minutes(6)) == "bad"


def test_failures_and_pauses_are_audited(database_url: str) -> None:
    make_team(database_url)
    for n in range(6):
        attempt(database_url, "Admin", "wrong", "192.0.2.1", T0 + minutes(n))

    async def work(session: AsyncSession) -> list[tuple[str, str | None, object]]:
        rows = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.action, e.actor_username, e.after) for e in rows]

    entries = factories.run(database_url, work)
    # The sixth try is refused before any check: it is neither a failure nor a new pause.
    assert [e[0] for e in entries] == ["sign_in_failed"] * 5 + ["sign_in_locked"]
    assert {e[1] for e in entries} == {"admin"}
    assert entries[5][2] == {"scope": "pair", "until": "2026-11-23T03:15:00+00:00"}


def test_ended_counts_are_purged(database_url: str) -> None:
    make_team(database_url)
    attempt(database_url, "admin", "wrong", "192.0.2.1", T0)

    async def count(session: AsyncSession) -> int:
        return await session.scalar(select(func.count()).select_from(RateCount)) or 0

    async def purge(session: AsyncSession) -> int:
        return await purge_ended(session, T0 + minutes(16))

    assert factories.run(database_url, count) == 3  # pair, address, account
    assert factories.run(database_url, lambda s: purge_ended(s, T0 + minutes(14))) == 0
    assert factories.run(database_url, purge) == 3
    assert factories.run(database_url, count) == 0


def session_state(url: str, key: str, at: dt.datetime) -> str | None:
    async def work(session: AsyncSession) -> str | None:
        user = await auth.resolve(session, key, now=at)
        return user.username if user else None

    result: str | None = factories.run(url, work)
    return result


def start(url: str, at: dt.datetime) -> str:
    async def work(session: AsyncSession) -> str:
        signed = await auth.sign_in(
            session, "verifikator", PASSWORD, "192.0.2.1", now=at, hasher=factories.HASHER
        )
        return signed.key

    key: str = factories.run(url, work)
    return key


def test_a_session_ends_after_twelve_idle_hours(database_url: str) -> None:
    make_team(database_url)
    key = start(database_url, T0)
    assert session_state(database_url, key, T0 + dt.timedelta(hours=11)) == "verifikator"
    # Activity at 11h moved the idle clock: 11h + 11h59m is still inside.
    assert session_state(database_url, key, T0 + dt.timedelta(hours=22, minutes=59)) == (
        "verifikator"
    )
    assert session_state(database_url, key, T0 + dt.timedelta(hours=35)) is None
    # Ended for good, even if the clock went back.
    assert session_state(database_url, key, T0 + dt.timedelta(hours=1)) is None


def test_a_session_ends_after_seven_days_however_active(database_url: str) -> None:
    make_team(database_url)
    key = start(database_url, T0)
    for day in range(1, 14):
        at = T0 + dt.timedelta(hours=11 * day)
        expected = "verifikator" if at - T0 <= dt.timedelta(days=7) else None
        assert session_state(database_url, key, at) == expected, day
    assert session_state(database_url, "not-a-key", T0) is None


@pytest.mark.parametrize("key", [None, ""])
def test_no_key_is_no_one(database_url: str, key: str | None) -> None:
    assert session_state(database_url, key, T0) is None  # type: ignore[arg-type]
