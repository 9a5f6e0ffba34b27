"""Account management, one-time password links and the audit log, through the services."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit, auth, resets
from gesi_app.accounts.models import AuditEntry, Role, StaffSession
from gesi_app.accounts.permissions import PermissionDenied
from gesi_app.accounts.service import user_by_username
from gesi_app.team import service as users
from tests import factories
from tests.staff_support import PASSWORD, make_team

T0 = dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)


def as_user(url: str, username: str, work: Any) -> Any:
    async def go(session: AsyncSession) -> Any:
        actor = await user_by_username(session, username)
        assert actor is not None
        return await work(session, actor)

    return factories.run(url, go)


def change(
    url: str, actor: str, user_id: int, role: Role, active: bool = True, agency: int | None = None
) -> str:
    async def work(session: AsyncSession, me: Any) -> str:
        try:
            await users.change_user(
                session, me, user_id, users.UserChanges(role, agency, active), "192.0.2.1"
            )
        except users.UserError as error:
            return f"{type(error).__name__}:{error.field}"
        return "ok"

    result: str = as_user(url, actor, work)
    return result


def test_the_last_active_admin_can_be_neither_demoted_nor_deactivated(database_url: str) -> None:
    team = make_team(database_url)
    admin = team.ids["admin"]
    assert change(database_url, "admin", admin, Role.VERIFIER) == "LastActiveAdmin:role"
    assert change(database_url, "admin", admin, Role.ADMIN, active=False) == (
        "CannotDeactivateSelf:active"
    )
    # With a second admin, the first may step down; then the second is the last one.
    assert change(database_url, "admin", team.ids["verifikator"], Role.ADMIN) == "ok"
    assert change(database_url, "admin", admin, Role.VERIFIER) == "ok"
    assert change(database_url, "verifikator", team.ids["verifikator"], Role.FACILITATOR) == (
        "LastActiveAdmin:role"
    )


def test_an_agency_officer_needs_an_agency(database_url: str) -> None:
    team = make_team(database_url)
    user_id = team.ids["fasilitator"]
    assert change(database_url, "admin", user_id, Role.AGENCY_OFFICER) == "AgencyRequired:agency"
    assert change(database_url, "admin", user_id, Role.AGENCY_OFFICER, agency=99999) == (
        "AgencyRequired:agency"
    )
    assert (
        change(database_url, "admin", user_id, Role.AGENCY_OFFICER, agency=team.agencies["dinkes"])
        == "ok"
    )
    # Other roles carry no agency, whatever the form sent.
    assert (
        change(database_url, "admin", user_id, Role.VERIFIER, agency=team.agencies["dinkes"])
        == "ok"
    )

    async def agency(session: AsyncSession) -> Any:
        user = await user_by_username(session, "fasilitator")
        return user.agency_id if user else "missing"

    assert factories.run(database_url, agency) is None


def test_changes_are_audited_with_before_and_after(database_url: str) -> None:
    team = make_team(database_url)
    officer = team.ids["petugas.pupr"]
    assert (
        change(database_url, "admin", officer, Role.AGENCY_OFFICER, agency=team.agencies["dinkes"])
        == "ok"
    )
    assert (
        change(
            database_url,
            "admin",
            officer,
            Role.AGENCY_OFFICER,
            active=False,
            agency=team.agencies["dinkes"],
        )
        == "ok"
    )
    # A save that changes nothing writes nothing.
    assert (
        change(
            database_url,
            "admin",
            officer,
            Role.AGENCY_OFFICER,
            active=False,
            agency=team.agencies["dinkes"],
        )
        == "ok"
    )

    async def entries(session: AsyncSession) -> list[AuditEntry]:
        return list(await session.scalars(select(AuditEntry).order_by(AuditEntry.id)))

    rows = factories.run(database_url, entries)
    assert [(r.action, r.actor_username, r.actor_role, r.object_id, r.ip) for r in rows] == [
        ("user_changed", "admin", "admin", str(officer), "192.0.2.1"),
        ("user_deactivated", "admin", "admin", str(officer), "192.0.2.1"),
    ]
    assert rows[0].before["agency_id"] == team.agencies["dpupr"]  # type: ignore[index]
    assert rows[0].after["agency_id"] == team.agencies["dinkes"]  # type: ignore[index]
    assert (rows[1].before["active"], rows[1].after["active"]) == (True, False)  # type: ignore[index]
    assert "password_hash" not in rows[0].after  # type: ignore[operator]


def test_deactivation_deletes_every_session_of_the_account(database_url: str) -> None:
    team = make_team(database_url)

    async def sign_in_twice(session: AsyncSession) -> list[str]:
        return [
            (await auth.sign_in(session, "fasilitator", PASSWORD, ip, hasher=factories.HASHER)).key
            for ip in ("192.0.2.1", "192.0.2.2")
        ]

    keys = factories.run(database_url, sign_in_twice)
    assert (
        change(database_url, "admin", team.ids["fasilitator"], Role.FACILITATOR, active=False)
        == "ok"
    )

    async def left(session: AsyncSession) -> int:
        rows = await session.scalars(select(StaffSession.user_id))
        return len([r for r in rows if r == team.ids["fasilitator"]])

    assert factories.run(database_url, left) == 0
    for key in keys:
        assert factories.run(database_url, lambda s, k=key: auth.resolve(s, k)) is None


def test_only_admins_manage_users(database_url: str) -> None:
    team = make_team(database_url)
    for username in ("verifikator", "petugas.pupr", "fasilitator"):
        with pytest.raises(PermissionDenied):
            as_user(database_url, username, lambda s, me: users.list_users(s, me))
        with pytest.raises(PermissionDenied):
            as_user(
                database_url,
                username,
                lambda s, me: users.change_user(
                    s, me, team.ids["admin"], users.UserChanges(Role.VERIFIER, None, True), None
                ),
            )


def make_link(url: str, username: str, at: dt.datetime) -> str:
    async def work(session: AsyncSession, me: Any) -> str:
        person = await user_by_username(session, username)
        return await resets.create_link(session, me, person, "192.0.2.1", now=at)  # type: ignore[arg-type]

    token: str = as_user(url, "admin", work)
    return token


def use(url: str, token: str, password: str, at: dt.datetime) -> str:
    async def work(session: AsyncSession) -> str:
        try:
            user = await resets.use_link(
                session, token, password, "192.0.2.5", now=at, hasher=factories.HASHER
            )
        except resets.ResetLinkInvalid:
            return "invalid"
        except resets.PasswordRejected as rejected:
            return f"rejected:{rejected.code}"
        return f"set for {user.username}"

    result: str = factories.run(url, work)
    return result


def can_sign_in(url: str, username: str, password: str) -> bool:
    async def work(session: AsyncSession) -> bool:
        try:
            await auth.sign_in(session, username, password, "192.0.2.77", hasher=factories.HASHER)
        except auth.SignInRefused:
            return False
        return True

    ok: bool = factories.run(url, work)
    return ok


def test_a_reset_link_works_once(database_url: str) -> None:
    make_team(database_url)
    token = make_link(database_url, "verifikator", T0)
    assert use(database_url, token, "short", T0) == "rejected:short"
    assert use(database_url, token, "VERIFIKATOR", T0) == "rejected:short"
    assert use(database_url, token, "a brand new password", T0 + dt.timedelta(hours=1)) == (
        "set for verifikator"
    )
    assert use(database_url, token, "another new password", T0 + dt.timedelta(hours=2)) == "invalid"
    assert can_sign_in(database_url, "verifikator", "a brand new password")
    assert not can_sign_in(database_url, "verifikator", PASSWORD)


def test_a_reset_link_expires_after_24_hours(database_url: str) -> None:
    make_team(database_url)
    token = make_link(database_url, "verifikator", T0)
    assert (
        use(database_url, token, "a brand new password", T0 + dt.timedelta(hours=24)) == "invalid"
    )
    fresh = make_link(database_url, "verifikator", T0)
    assert use(
        database_url, fresh, "a brand new password", T0 + dt.timedelta(hours=23, minutes=59)
    ) == ("set for verifikator")


def test_a_new_link_ends_the_older_ones_and_unknown_tokens_fail(database_url: str) -> None:
    make_team(database_url)
    older = make_link(database_url, "verifikator", T0)
    newer = make_link(database_url, "verifikator", T0 + dt.timedelta(minutes=5))
    assert (
        use(database_url, older, "a brand new password", T0 + dt.timedelta(minutes=6)) == "invalid"
    )
    assert use(database_url, "made-up-token", "a brand new password", T0) == "invalid"
    assert use(database_url, newer, "a brand new password", T0 + dt.timedelta(minutes=6)) == (
        "set for verifikator"
    )


def test_a_deactivated_account_cannot_use_its_link(database_url: str) -> None:
    team = make_team(database_url)
    token = make_link(database_url, "fasilitator", T0)
    change(database_url, "admin", team.ids["fasilitator"], Role.FACILITATOR, active=False)
    assert use(database_url, token, "a brand new password", T0) == "invalid"


def test_the_token_is_never_stored_or_audited_in_clear(database_url: str) -> None:
    make_team(database_url)
    token = make_link(database_url, "verifikator", T0)

    async def dump(session: AsyncSession) -> str:
        tables = ("staff_password_resets", "audit_log")
        rows = [await session.execute(text(f"SELECT * FROM {t}")) for t in tables]  # noqa: S608
        return repr([list(r) for r in rows])

    assert token not in factories.run(database_url, dump)


def test_the_audit_service_has_no_way_to_change_or_remove_an_entry() -> None:
    source = inspect.getsource(audit)
    tree = ast.parse(source)
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    assert not names & {"update", "delete", "merge", "text"}
    docstring = ast.get_docstring(tree, clean=False)
    strings = [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]
    assert not [
        s for s in strings if s != docstring and ("UPDATE" in s.upper() or "DELETE" in s.upper())
    ]
    functions = {
        n.name for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef | ast.FunctionDef)
    }
    assert functions == {"record", "record_change", "search", "actors"}
    # No other module of the app touches the table with UPDATE or DELETE either.
    package = Path(audit.__file__).resolve().parents[1]
    for path in package.rglob("*.py"):
        text_ = path.read_text()
        for verb in ("update(AuditEntry", "delete(AuditEntry", "session.delete(entry"):
            assert verb not in text_, path


def test_the_database_refuses_to_change_or_remove_audit_entries(database_url: str) -> None:
    make_team(database_url)
    factories.run(database_url, lambda s: audit.record(s, None, "sign_in_failed", "staff_user"))
    for statement in (update(AuditEntry).values(action="edited"), delete(AuditEntry)):
        with pytest.raises(DBAPIError, match="append-only"):
            factories.run(database_url, lambda s, st=statement: s.execute(st))

    async def count(session: AsyncSession) -> list[str]:
        return list(await session.scalars(select(AuditEntry.action)))

    assert factories.run(database_url, count) == ["sign_in_failed"]
