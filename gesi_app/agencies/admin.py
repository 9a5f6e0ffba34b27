"""Managing agencies (admin only): add, rename in both languages, deactivate and reactivate.

An agency is never deleted: reports, staff accounts and topics point at it. A deactivated
agency is no longer offered when a report is sent on or a topic is given a default agency.
Every change is written to the audit log with what it was before and after.
"""

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
from gesi_app.agencies.models import Agency
from gesi_app.backoffice.setting_rows import check_names_free, setting_row
from gesi_app.backoffice.slugs import unique_slug
from gesi_app.web.field_errors import FieldError

NAME_MAX = 200
SLUG_MAX = 60


class AgencyError(FieldError):
    """A change to an agency that is not allowed; ``field`` names the form field."""

    field = "name_id"


class AgencyNotFound(AgencyError):
    pass


class NameTaken(AgencyError):
    """Two agencies with one name cannot be told apart when a report is sent on."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


@dataclass(frozen=True)
class AgencyData:
    name_id: str
    name_en: str
    active: bool = True


def snapshot(agency: Agency) -> dict[str, Any]:
    return {
        "slug": agency.slug,
        "name_id": agency.name_id,
        "name_en": agency.name_en,
        "active": agency.active,
    }


async def list_agencies(session: AsyncSession, actor: StaffUser) -> Sequence[Agency]:
    require(actor, Permission.MANAGE_SETTINGS)
    result = await session.scalars(select(Agency).order_by(Agency.active.desc(), Agency.name_id))
    return result.all()


async def get_agency(session: AsyncSession, actor: StaffUser, agency_id: int) -> Agency:
    return await setting_row(session, actor, Agency, agency_id, AgencyNotFound)


async def _check_names(session: AsyncSession, data: AgencyData, own_id: int | None) -> None:
    names = [("name_id", Agency.name_id, data.name_id), ("name_en", Agency.name_en, data.name_en)]
    await check_names_free(session, Agency.id, names, own_id=own_id, taken=NameTaken)


async def add_agency(
    session: AsyncSession,
    actor: StaffUser,
    data: AgencyData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Agency:
    """Add an active agency; its slug (used in addresses and exports) comes from the
    English name and never changes afterwards."""
    require(actor, Permission.MANAGE_SETTINGS)
    await _check_names(session, data, None)
    agency = Agency(
        slug=await unique_slug(
            session, Agency.slug, data.name_en, max_length=SLUG_MAX - 4, fallback="agency"
        ),
        name_id=data.name_id,
        name_en=data.name_en,
        active=True,
    )
    session.add(agency)
    await session.flush()
    await audit.record(
        session, actor, Action.AGENCY_ADDED, "agency", agency.id,
        after=snapshot(agency), ip=ip, now=now,
    )  # fmt: skip
    return agency


async def change_agency(
    session: AsyncSession,
    actor: StaffUser,
    agency_id: int,
    data: AgencyData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> Agency:
    """Rename, deactivate or reactivate. Nothing is recorded when nothing changed."""
    agency = await get_agency(session, actor, agency_id)
    await _check_names(session, data, agency.id)
    before = snapshot(agency)
    agency.name_id = data.name_id
    agency.name_en = data.name_en
    agency.active = data.active
    await audit.record_change(
        session, actor, "agency", agency.id, before, snapshot(agency),
        changed=Action.AGENCY_CHANGED, deactivated=Action.AGENCY_DEACTIVATED, ip=ip, now=now,
    )  # fmt: skip
    return agency
