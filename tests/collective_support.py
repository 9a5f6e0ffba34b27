"""Collective reports test data: approved and pending groups, their representatives (made
directly with the real services, as the representatives' own accounts are another feature),
and the collective steps of the report journey over HTTP."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user
from gesi_app.groups.models import GroupKind, GroupState
from gesi_app.groups.service import Members
from gesi_app.reports.collective import Collective
from tests import factories
from tests.functional.public_data import add
from tests.functional.reports.journey_helpers import ANSWERS, answer
from tests.groups_support import add_group
from tests.staff_support import PASSWORD, sign_in

MEMBERS = Members(120, 70, 40, 30)
COUNTS = {
    "behalf_total": "85",
    "behalf_women": "50",
    "behalf_youth": "20",
    "behalf_disability": "12",
    "behalf_signed": "60",
}


def add_rep(database_url: str, username: str, group_id: int) -> int:
    async def go(session: AsyncSession) -> int:
        user = await create_user(
            session,
            username=username,
            full_name=username.title(),
            role=Role.GROUP_REP,
            password=PASSWORD,
            password_hash=factories.HASHER.hash(PASSWORD),
        )
        user.group_id = group_id
        await session.flush()
        return user.id

    user_id: int = factories.run(database_url, go)
    return user_id


def group_and_rep(
    database_url: str,
    username: str = "wakil",
    name: str = "Himpunan Wanita Disabilitas Balaraja",
    state: GroupState = GroupState.APPROVED,
    members: Members = MEMBERS,
) -> int:
    group = add_group(
        database_url, name=name, state=state, kind=GroupKind.DISABILITY, members=members
    )
    add_rep(database_url, username, group.id)
    return group.id


def signed_in_rep(client: TestClient, username: str = "wakil") -> None:
    response = sign_in(client, username)
    assert response.status_code == 303, response.text[:300]


def collective_answers(counts: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
    """Every answer of the journey for a representative sending on behalf of the group."""
    found = dict(ANSWERS)
    found["on-behalf"] = {"on_behalf": "yes"}
    found["on-behalf-count"] = counts or COUNTS
    return found


def answer_collective(client: TestClient, counts: dict[str, str] | None = None) -> None:
    slug_answers = collective_answers(counts)
    slug = "type"
    while slug != "check":
        response = answer(client, slug, slug_answers[slug])
        assert response.status_code == 303, f"{slug}: {response.status_code} {response.text[:500]}"
        slug = response.headers["location"].split("?")[0].rsplit("/", 1)[-1]


# Canary segment counts: distinctive numbers that no public page or export may ever show.
BIG = Members(10000, 6000, 5000, 4000)
CANARY = Collective(group_id=0, weight=9000, women=4711, youth=3833, disability=2977, signed=2551)


def canary_numbers() -> list[str]:
    found = []
    for n in (CANARY.women, CANARY.youth, CANARY.disability, CANARY.signed):
        found += [str(n), f"{n:,}", f"{n:,}".replace(",", ".")]
    return found


def collective_report(url: str, group_id: int, minute: int = 0, **overrides: Any) -> str:
    """A published collective report of the group with the canary counts; its code."""
    return add(url, minute, collective=replace(CANARY, group_id=group_id), **overrides)
