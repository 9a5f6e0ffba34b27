"""What every settings list shares (agencies, topics, response templates): one row read for an
admin, and names in both languages that no other row may have (two rows with one name could
not be told apart where staff choose among them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.db.base import Base

Row = TypeVar("Row", bound=Base)


async def setting_row(
    session: AsyncSession,
    actor: StaffUser,
    model: type[Row],
    row_id: int,
    missing: Callable[[str], Exception],
) -> Row:
    """The row ``row_id`` of ``model`` for an admin; ``missing(id)`` is raised when none."""
    require(actor, Permission.MANAGE_SETTINGS)
    row = await session.get(model, row_id)
    if row is None:
        raise missing(str(row_id))
    return row


async def check_names_free(
    session: AsyncSession,
    id_column: InstrumentedAttribute[int],
    names: Iterable[tuple[str, InstrumentedAttribute[str], str]],
    *,
    own_id: int | None,
    taken: Callable[[str], Exception],
    among: ColumnElement[bool] | None = None,
) -> None:
    """Raise ``taken(field)`` when another row (``among`` those, if given) has one of the
    ``(field, column, value)`` names, compared without regard to case."""
    for field, column, value in names:
        query = select(id_column).where(func.lower(column) == value.lower())
        if among is not None:
            query = query.where(among)
        if own_id is not None:
            query = query.where(id_column != own_id)
        if await session.scalar(query.limit(1)) is not None:
            raise taken(field)
