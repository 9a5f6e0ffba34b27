"""One row per limited key and time window: how many times the key was counted in it."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base


class RateCount(Base):
    """A counter for one key (an address, an account and address pair ...) in one window.

    The key is kept only as a SHA-256, so the table holds no address or username in clear;
    rows whose window has ended are purged by the periodic jobs.
    """

    __tablename__ = "rate_counts"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)  # which limit
    subject: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the key
    window_start: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # Unix seconds
    window_end: Mapped[int] = mapped_column(BigInteger, index=True)  # Unix seconds
    count: Mapped[int] = mapped_column(Integer)
