"""Storing a report: one transaction with its history, contact and segment; a tracking code
that is already taken is drawn again, any other failure stores nothing. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.models import Report, ReporterContact, ReporterSegment, ReportEvent
from gesi_app.reports.service import Segment, submit_report
from tests import factories


@pytest.fixture
def seeded(database_url: str) -> str:
    factories.seed(database_url)
    return database_url


async def counts(session: AsyncSession) -> dict[str, int]:
    tables = {
        "reports": Report,
        "events": ReportEvent,
        "contacts": ReporterContact,
        "segments": ReporterSegment,
    }
    return {
        name: int(await session.scalar(select(func.count()).select_from(model)) or 0)
        for name, model in tables.items()
    }


def codes(*drawn: str) -> Iterator[str]:
    yield from drawn


def test_report_is_stored_with_history_contact_and_segment(seeded: str) -> None:
    segment = Segment(gender="perempuan", age_band="16_30", wg={"seeing": 3})

    async def work(session: AsyncSession) -> tuple[str, dict[str, int], ReporterSegment | None]:
        submitted = await submit_report(
            session, factories.new_report(segment=segment), hasher=factories.HASHER
        )
        session.expunge_all()
        stored = await session.get(ReporterSegment, submitted.report.id)
        return submitted.report.tracking_code, await counts(session), stored

    code, stored_counts, stored_segment = factories.run(seeded, work)
    assert stored_counts == {"reports": 1, "events": 1, "contacts": 1, "segments": 1}
    assert stored_segment is not None
    assert (stored_segment.gender, stored_segment.wg_seeing, stored_segment.disability) == (
        "perempuan",
        3,
        True,
    )
    assert code.startswith("SRA-")


def test_taken_code_is_drawn_again(seeded: str) -> None:
    async def work(session: AsyncSession) -> tuple[str, str, dict[str, int]]:
        first = await submit_report(
            session, factories.new_report(), hasher=factories.HASHER, new_code=lambda: "SRA-AAAA-22"
        )
        drawn = codes("SRA-AAAA-22", "SRA-BBBB-33")
        second = await submit_report(
            session,
            factories.new_report(title="Lampu jalan mati"),
            hasher=factories.HASHER,
            new_code=lambda: next(drawn),
        )
        # The retry's rollback leaves the caller's objects usable (loaded again, not expired).
        return first.report.tracking_code, second.report.tracking_code, await counts(session)

    first, second, stored_counts = factories.run(seeded, work)
    assert (first, second) == ("SRA-AAAA-22", "SRA-BBBB-33")
    assert stored_counts == {"reports": 2, "events": 2, "contacts": 2, "segments": 0}


def test_other_integrity_error_stores_nothing(seeded: str) -> None:
    async def work(session: AsyncSession) -> dict[str, int]:
        with pytest.raises(IntegrityError):
            # No such topic: the foreign key fails, not the tracking code.
            await submit_report(
                session, factories.new_report(category_id=987654), hasher=factories.HASHER
            )
        await session.rollback()
        return await counts(session)

    assert factories.run(seeded, work) == {"reports": 0, "events": 0, "contacts": 0, "segments": 0}


def test_codes_that_keep_colliding_give_up(seeded: str) -> None:
    async def work(session: AsyncSession) -> dict[str, int]:
        await submit_report(
            session, factories.new_report(), hasher=factories.HASHER, new_code=lambda: "SRA-CCCC-44"
        )
        with pytest.raises(RuntimeError, match="no free tracking code"):
            await submit_report(
                session,
                factories.new_report(),
                hasher=factories.HASHER,
                new_code=lambda: "SRA-CCCC-44",
            )
        return await counts(session)

    assert factories.run(seeded, work)["reports"] == 1


def test_unsaved_work_of_the_caller_is_refused(seeded: str) -> None:
    async def work(session: AsyncSession) -> dict[str, int]:
        first = await submit_report(session, factories.new_report(), hasher=factories.HASHER)
        first.report.title = "Changed but not saved"
        with pytest.raises(RuntimeError, match="save other work first"):
            await submit_report(session, factories.new_report(), hasher=factories.HASHER)
        await session.rollback()
        return await counts(session)

    assert factories.run(seeded, work)["reports"] == 1
