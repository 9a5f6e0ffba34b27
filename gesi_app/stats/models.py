"""Population baselines: the share of the population that is women, youth (16 to 30) or people
with disabilities, per area, each with its source and year (admins keep them, audited).

A baseline with no area is the national estimate, used for every area without its own."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base, enum_column, utcnow


class Segment(enum.StrEnum):
    WOMEN = "women"
    YOUTH = "youth"
    DISABILITY = "disability"


class PopulationBaseline(Base):
    __tablename__ = "stats_population_baselines"
    __table_args__ = (UniqueConstraint("region_code", "segment", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # None: the national estimate.
    region_code: Mapped[str | None] = mapped_column(
        ForeignKey("regions.code", ondelete="CASCADE"), index=True
    )
    segment: Mapped[Segment] = mapped_column(enum_column(Segment, 20))
    # Share of the population in hundredths of a percent (850 = 8.50%): exact on every database.
    share_bp: Mapped[int]
    year: Mapped[int]
    source: Mapped[str] = mapped_column(String(300))
    # How the figure was made from the source (e.g. the 16 to 30 share from 5-year age groups).
    note: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def share(self) -> float:
        """The share as a fraction (0.085 for 8.5%)."""
        return self.share_bp / 10_000


class StatsVersion(Base):
    """One row: a counter that triggers on every table the statistics count move on, in the
    transaction of the change (migration 0023). Cached statistics are keyed by it."""

    __tablename__ = "stats_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


class StatsPartition(Base):
    """A version for each UTC month of reports ('2026-03') and one for forums ('forums'):
    triggers move the one a change concerns (migration 0026). Counts of a month are cached
    by it (stats/parts.py)."""

    __tablename__ = "stats_partitions"

    part: Mapped[str] = mapped_column(String(10), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
