"""Group representatives' test data through the real services: the staff team, two approved
community groups with a representative each, and reports sent by a group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import AuditEntry, SignInLink, StaffUser
from gesi_app.db.base import utcnow
from gesi_app.groups import reps
from gesi_app.groups.models import GroupState
from gesi_app.reports.models import Report, Status
from tests import factories
from tests.casework_support import report_in
from tests.groups_support import add_group, regions
from tests.staff_support import Team, make_team, token

REP_A = "wulan.rep"
REP_A_EMAIL = "wulan.perwakilan@example.org"
REP_A_PHONE = "+6281211112222"
REP_B = "bayu.rep"


@dataclass(frozen=True)
class RepTeam:
    team: Team
    group_a: int  # approved, with REP_A
    group_b: int  # approved, with REP_B
    pending: int  # waiting for review: no representative can be added
    reps: dict[str, int]  # username -> id


def add_rep(
    database_url: str,
    group_id: int,
    username: str,
    email: str | None = None,
    phone: str | None = None,
) -> int:
    async def go(session: AsyncSession) -> int:
        admin = await session.scalar(select(StaffUser).where(StaffUser.username == "admin"))
        assert admin is not None
        data = reps.NewRep(username.replace(".", " ").title(), username, email, phone)
        added = await reps.add_representative(
            session, admin, group_id, data, None, hasher=factories.HASHER
        )
        return added.user.id

    user_id: int = factories.run(database_url, go)
    return user_id


def rep_team(database_url: str) -> RepTeam:
    team = make_team(database_url)
    regions(database_url)
    group_a = add_group(database_url, name="Karang Taruna Cisoka").id
    group_b = add_group(database_url, name="Persatuan Tuli Balaraja").id
    pending = add_group(database_url, name="Kelompok Tani Muda", state=GroupState.PENDING).id
    ids = {
        REP_A: add_rep(database_url, group_a, REP_A, REP_A_EMAIL, REP_A_PHONE),
        REP_B: add_rep(database_url, group_b, REP_B, "bayu@example.org"),
    }
    return RepTeam(team, group_a, group_b, pending, ids)


def group_report(
    database_url: str, group_id: int, status: Status, agency_id: int | None, **overrides: Any
) -> Report:
    """A report sent by a group (as the collective journey will), taken to ``status``."""
    report = report_in(database_url, status, agency_id, **overrides)

    async def go(session: AsyncSession) -> None:
        row = await session.get(Report, report.id)
        assert row is not None
        row.group_id = group_id

    factories.run(database_url, go)
    return report


def sign_in_links(database_url: str) -> list[SignInLink]:
    async def go(session: AsyncSession) -> list[SignInLink]:
        return list((await session.scalars(select(SignInLink).order_by(SignInLink.id))).all())

    found: list[SignInLink] = factories.run(database_url, go)
    return found


def expire_links(database_url: str) -> None:
    async def go(session: AsyncSession) -> None:
        for link in (await session.scalars(select(SignInLink))).all():
            link.expires_at = utcnow()

    factories.run(database_url, go)


def audit_actions(database_url: str) -> list[tuple[str, str | None, str | None]]:
    async def go(session: AsyncSession) -> list[tuple[str, str | None, str | None]]:
        rows = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.action, e.actor_username, e.object_id) for e in rows]

    found: list[tuple[str, str | None, str | None]] = factories.run(database_url, go)
    return found


def post(client: TestClient, path: str, data: dict[str, str]) -> Any:
    """Send a form as a browser would, with its CSRF token."""
    return client.post(path, data={"csrftoken": token(client), **data}, follow_redirects=False)
