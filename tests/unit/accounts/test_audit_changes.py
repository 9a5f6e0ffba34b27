"""audit.record_change: the one entry a settings service writes for a change, or none."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import AuditEntry
from gesi_app.accounts.service import user_by_username
from tests import factories
from tests.staff_support import make_team

ON = {"name": "A", "active": True}
OFF = {"name": "A", "active": False}


@pytest.mark.parametrize(
    ("before", "after", "deactivated", "expected"),
    [
        (ON, ON, Action.AGENCY_DEACTIVATED, None),
        (OFF, OFF, None, None),
        (ON, OFF, Action.AGENCY_DEACTIVATED, "agency_deactivated"),
        (ON, {**OFF, "name": "B"}, Action.AGENCY_DEACTIVATED, "agency_deactivated"),
        (OFF, ON, Action.AGENCY_DEACTIVATED, "agency_changed"),
        (ON, {**ON, "name": "B"}, Action.AGENCY_DEACTIVATED, "agency_changed"),
        (OFF, {**OFF, "name": "B"}, Action.AGENCY_DEACTIVATED, "agency_changed"),
        (ON, OFF, None, "agency_changed"),
    ],
)
def test_a_change_is_recorded_once_with_the_right_action(
    database_url: str,
    before: dict[str, Any],
    after: dict[str, Any],
    deactivated: Action | None,
    expected: str | None,
) -> None:
    make_team(database_url)

    async def work(session: AsyncSession) -> tuple[bool, list[AuditEntry]]:
        admin = await user_by_username(session, "admin")
        assert admin is not None
        recorded = await audit.record_change(
            session, admin, "agency", 7, before, after,
            changed=Action.AGENCY_CHANGED, deactivated=deactivated, ip="192.0.2.1",
        )  # fmt: skip
        await session.commit()
        query = select(AuditEntry).where(AuditEntry.object_type == "agency")
        return recorded, list((await session.scalars(query)).all())

    recorded, entries = factories.run(database_url, work)
    assert recorded is (expected is not None)
    assert [e.action for e in entries] == ([expected] if expected else [])
    for entry in entries:
        assert (entry.object_id, entry.before, entry.after, entry.ip) == (
            "7",
            before,
            after,
            "192.0.2.1",
        )
        assert entry.actor_username == "admin"
