"""Population baselines for admins: list, add and change, each change audited.

A baseline is data with a source, a year and an area (none: the national estimate). Shares
are kept in hundredths of a percent, so 8.5% is 850, exact on every database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.backoffice.setting_rows import setting_row
from gesi_app.regions.models import Region
from gesi_app.stats.models import PopulationBaseline, Segment
from gesi_app.web.field_errors import FieldError

SOURCE_MAX = 300
NOTE_MAX = 500


class BaselineError(FieldError):
    field = "share"


class BaselineNotFound(BaselineError):
    pass


class UnknownArea(BaselineError):
    field = "area"


class BaselineTaken(BaselineError):
    """One figure per area, group and year: two would leave the page guessing."""

    field = "year"


@dataclass(frozen=True)
class BaselineData:
    region_code: str | None
    segment: Segment
    share_bp: int
    year: int
    source: str
    note: str


def snapshot(row: PopulationBaseline) -> dict[str, Any]:
    return {
        "region_code": row.region_code,
        "segment": row.segment.value,
        "share_bp": row.share_bp,
        "year": row.year,
        "source": row.source,
        "note": row.note,
    }


async def all_baselines(session: AsyncSession) -> Sequence[PopulationBaseline]:
    """Every baseline (for the statistics page, which anyone may see)."""
    result = await session.scalars(select(PopulationBaseline).order_by(PopulationBaseline.id))
    return result.all()


async def list_baselines(session: AsyncSession, actor: StaffUser) -> Sequence[PopulationBaseline]:
    require(actor, Permission.MANAGE_SETTINGS)
    result = await session.scalars(
        select(PopulationBaseline).order_by(
            PopulationBaseline.region_code.is_not(None),
            PopulationBaseline.region_code,
            PopulationBaseline.segment,
            PopulationBaseline.year.desc(),
        )
    )
    return result.all()


async def get_baseline(
    session: AsyncSession, actor: StaffUser, baseline_id: int
) -> PopulationBaseline:
    return await setting_row(session, actor, PopulationBaseline, baseline_id, BaselineNotFound)


async def _check_free(session: AsyncSession, data: BaselineData, own_id: int | None) -> None:
    if data.region_code is not None and await session.get(Region, data.region_code) is None:
        raise UnknownArea("area")
    query = select(PopulationBaseline.id).where(
        PopulationBaseline.segment == data.segment,
        PopulationBaseline.year == data.year,
        PopulationBaseline.region_code.is_(None)
        if data.region_code is None
        else PopulationBaseline.region_code == data.region_code,
    )
    if own_id is not None:
        query = query.where(PopulationBaseline.id != own_id)
    if await session.scalar(query.limit(1)) is not None:
        raise BaselineTaken("year")


def _apply(row: PopulationBaseline, data: BaselineData, now: dt.datetime) -> None:
    row.region_code = data.region_code
    row.segment = data.segment
    row.share_bp = data.share_bp
    row.year = data.year
    row.source = data.source
    row.note = data.note
    row.updated_at = now


async def add_baseline(
    session: AsyncSession,
    actor: StaffUser,
    data: BaselineData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> PopulationBaseline:
    require(actor, Permission.MANAGE_SETTINGS)
    await _check_free(session, data, None)
    row = PopulationBaseline()
    _apply(row, data, now or dt.datetime.now(dt.UTC))
    session.add(row)
    await session.flush()
    await audit.record(
        session, actor, Action.BASELINE_ADDED, "population_baseline", row.id,
        after=snapshot(row), ip=ip, now=now,
    )  # fmt: skip
    return row


async def change_baseline(
    session: AsyncSession,
    actor: StaffUser,
    baseline_id: int,
    data: BaselineData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> PopulationBaseline:
    """Change a figure; nothing is recorded when nothing changed."""
    row = await get_baseline(session, actor, baseline_id)
    await _check_free(session, data, row.id)
    before = snapshot(row)
    if before == {**before, **_data_snapshot(data)}:
        return row
    _apply(row, data, now or dt.datetime.now(dt.UTC))
    await audit.record_change(
        session, actor, "population_baseline", row.id, before, snapshot(row),
        changed=Action.BASELINE_CHANGED, ip=ip, now=now,
    )  # fmt: skip
    return row


def _data_snapshot(data: BaselineData) -> dict[str, Any]:
    return {
        "region_code": data.region_code,
        "segment": data.segment.value,
        "share_bp": data.share_bp,
        "year": data.year,
        "source": data.source,
        "note": data.note,
    }
