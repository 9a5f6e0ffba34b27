"""A representative of an approved group sends a report on behalf of the group's members."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.reports.models import Report
from gesi_app.settings import Settings
from tests import factories
from tests.collective_support import answer_collective, group_and_rep, signed_in_rep
from tests.functional.reports.journey_helpers import answer, send
from tests.groups_support import regions


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    regions(settings.database_url)
    return settings.database_url


def only_report(url: str) -> Report:
    async def load(session: AsyncSession) -> Report:
        return (await session.scalars(select(Report))).one()

    report: Report = factories.run(url, load)
    return report


def test_representative_sends_on_behalf_of_the_group(client: TestClient, seeded: str) -> None:
    group_id = group_and_rep(seeded)
    signed_in_rep(client)
    answer_collective(client)
    check = client.get("/report/check?lang=en")
    assert "On behalf of your group" in check.text
    response = send(client)
    assert response.status_code == 303, response.text[:500]
    report = only_report(seeded)
    assert (report.group_id, report.weight) == (group_id, 85)
    assert (report.on_behalf_women, report.on_behalf_youth, report.on_behalf_disability) == (
        50,
        20,
        12,
    )
    assert report.on_behalf_signed == 60
    assert report.anonim is False
