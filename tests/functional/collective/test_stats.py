"""Weighted statistics: a collective report counts the people it speaks for, by its group's
own counts, and co-signs add people; exact numbers from a fixed fixture, in both languages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.testclient import TestClient

from gesi_app.groups.models import GroupKind, GroupState
from gesi_app.groups.service import Members
from gesi_app.reports import cosigns
from gesi_app.reports.collective import ActingGroup, Collective
from tests.factories import run, seed
from tests.groups_support import add_group, regions
from tests.unit.stats import fixtures as fx


def _fill(database_url: str) -> None:
    """Balaraja: 6 women (young, with a disability), 6 men and 5 who said nothing about
    themselves, reporting alone; one collective
    report on behalf of 40 people (25 women, 10 young, 30 with disabilities), co-signed by
    another group for 20 people and by one citizen."""
    seed(database_url)
    regions(database_url)
    sender = add_group(database_url, name="Sender", members=Members(100, 60, 50, 40))
    other = add_group(
        database_url, name="Cosigner", kind=GroupKind.WOMEN, members=Members(30, 30, 5, 2)
    )

    async def go(session: Any) -> None:
        for segment in (
            [fx.WOMAN_YOUTH_DISABLED] * 6 + [fx.MAN_NO_DIFFICULTY] * 6 + [fx.SKIPPED] * 5
        ):
            await fx.report(session, "2026-03-16", segment=segment)
        row = await fx.report(
            session,
            "2026-03-16",
            segment=None,
            collective=Collective(sender.id, 40, 25, 10, 30),
        )
        await session.commit()
        acting = ActingGroup(other.id, "Cosigner", "cosigner", 30, 30, 5, 2)
        await cosigns.cosign(session, row, group=acting, people=20)
        await cosigns.cosign(session, row, supporter="a" * 64)

    run(database_url, go)
    assert sender.state is GroupState.APPROVED


@pytest.mark.parametrize(
    ("lang", "sentences"),
    [
        (
            "en",
            [
                "18 reports, on behalf of 57 people.",
                "Co-signs add 21 more people.",
                "Women: 31 of 57 people (54.4%)",
                "Youth (16–30): 16 of 57 people (28.1%)",
                "People with disabilities: 36 of 57 people (63.2%)",
                '<th scope="col" class="numeric">People the reports speak for</th>',
            ],
        ),
        (
            "id",
            [
                "18 laporan, atas nama 57 orang.",
                "Tanda tangan bersama menambah 21 orang lagi.",
                "Perempuan: 31 dari 57 orang (54,4%)",
                "Penyandang disabilitas: 36 dari 57 orang (63,2%)",
                '<th scope="col" class="numeric">Orang yang diwakili laporan</th>',
            ],
        ),
    ],
)
def test_collective_reports_count_with_their_weight(
    client: TestClient, database_url: str, lang: str, sentences: list[str]
) -> None:
    _fill(database_url)
    page = client.get(f"/stats?lang={lang}").text
    for sentence in sentences:
        assert sentence in page, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))[-6000:-2500]


def test_without_collective_reports_the_page_counts_reports(
    client: TestClient, database_url: str
) -> None:
    seed(database_url)

    async def go(session: Any) -> None:
        for segment in (
            [fx.WOMAN_YOUTH_DISABLED] * 6 + [fx.MAN_NO_DIFFICULTY] * 6 + [fx.SKIPPED] * 5
        ):
            await fx.report(session, "2026-03-16", segment=segment)

    run(database_url, go)
    page = client.get("/stats?lang=en").text
    assert "Women: 6 of 17 reports (35.3%)" in page
    assert "on behalf of" not in page
    assert "People the reports speak for" not in page
