"""Sign-in rules of the auth service, with the clock passed in (no sleeping)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.staff import auth
from gesi_app.staff.models import AuditEntry, LoginFailure
from tests import factories
from tests.staff_support import PASSWORD, make_team

T0 = dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)


def attempt(url: str, username: str, password: str, ip: str, at: dt.datetime) -> str:
    """'ok', 'bad' or 'locked until HH:MM' (UTC)."""

    async def work(session: AsyncSession) -> str:
        try:
            await auth.sign_in(session, username, password, ip, now=at)
        except auth.LockedOut as locked:
            return f"locked until {locked.until:%H:%M}"
        except auth.BadCredentials:
            return "bad"
        return "ok"

    result: str = factories.run(url, work)
    return result


def minutes(n: float) -> dt.timedelta:
    return dt.timedelta(minutes=n)


def test_five_failures_lock_the_account_for_fifteen_minutes(database_url: str) -> None:
    make_team(database_url)
    results = [
        attempt(database_url, "admin", "wrong", f"10.0.0.{n}", T0 + minutes(n)) for n in range(5)
    ]
    assert results == ["bad", "bad", "bad", "bad", "locked until 03:19"]
    # Locked from every address, even with the right password, until 03:19.
    assert attempt(database_url, "admin", PASSWORD, "10.9.9.9", T0 + minutes(18)) == (
        "locked until 03:19"
    )
    assert attempt(database_url, "admin", PASSWORD, "10.9.9.9", T0 + minutes(19.5)) == "ok"


def test_five_failures_from_one_address_lock_that_address_only(database_url: str) -> None:
    make_team(database_url)
    for n in range(5):
        attempt(database_url, f"user{n}", "wrong", "192.0.2.1", T0 + minutes(n))
    assert attempt(database_url, "admin", PASSWORD, "192.0.2.1", T0 + minutes(5)) == (
        "locked until 03:19"
    )
    assert attempt(database_url, "admin", PASSWORD, "192.0.2.2", T0 + minutes(5)) == "ok"
    assert attempt(database_url, "verifikator", PASSWORD, "192.0.2.1", T0 + minutes(20)) == "ok"


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(database_url: str) -> None:
    make_team(database_url)
    results = [
        attempt(database_url, "admin", "wrong", "192.0.2.1", T0 + minutes(4 * n)) for n in range(6)
    ]
    assert results == ["bad"] * 6


def test_a_success_clears_the_account_count_but_not_the_address_count(database_url: str) -> None:
    make_team(database_url)
    for n in range(4):
        attempt(database_url, "admin", "wrong", "192.0.2.1", T0 + minutes(n))
    assert attempt(database_url, "admin", PASSWORD, "192.0.2.9", T0 + minutes(4)) == "ok"
    # The account starts again from zero ...
    assert attempt(database_url, "admin", "wrong", "192.0.2.8", T0 + minutes(5)) == "bad"
    # ... but the address still has its 4 failures: the 5th locks it.
    assert attempt(database_url, "nobody", "wrong", "192.0.2.1", T0 + minutes(6)) == (
        "locked until 03:21"
    )


def test_failures_and_lockouts_are_audited(database_url: str) -> None:
    make_team(database_url)
    for n in range(5):
        attempt(database_url, "Admin", "wrong", "192.0.2.1", T0 + minutes(n))

    async def work(session: AsyncSession) -> list[tuple[str, str | None, object]]:
        rows = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.action, e.actor_username, e.after) for e in rows]

    entries = factories.run(database_url, work)
    assert [e[0] for e in entries] == ["sign_in_failed"] * 5 + ["sign_in_locked"] * 2
    assert {e[1] for e in entries} == {"admin"}
    assert {e[2]["scope"] for e in entries[5:]} == {"account", "address"}  # type: ignore[index]
    assert entries[5][2]["until"] == "2026-11-23T03:19:00+00:00"  # type: ignore[index]


def test_old_failures_are_pruned(database_url: str) -> None:
    make_team(database_url)
    attempt(database_url, "admin", "wrong", "192.0.2.1", T0)
    attempt(database_url, "admin", "wrong", "192.0.2.1", T0 + minutes(30))

    async def count(session: AsyncSession) -> int:
        return await session.scalar(select(func.count(LoginFailure.id))) or 0

    assert factories.run(database_url, count) == 2  # one per scope, the old pair is gone


def session_state(url: str, key: str, at: dt.datetime) -> str | None:
    async def work(session: AsyncSession) -> str | None:
        user = await auth.resolve(session, key, now=at)
        return user.username if user else None

    result: str | None = factories.run(url, work)
    return result


def start(url: str, at: dt.datetime) -> str:
    async def work(session: AsyncSession) -> str:
        signed = await auth.sign_in(session, "verifikator", PASSWORD, "192.0.2.1", now=at)
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
