"""One row per limited key: how many times it was counted in its current window."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base


class RateCount(Base):
    """The count of one key (an address, an account and address pair ...) for one limit, in
    the window that started at its first count.

    The key is kept only as a SHA-256, so the table holds no address or username in clear;
    rows whose window has ended are purged by the periodic jobs.
    """

    __tablename__ = "rate_counts"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)  # which limit
    subject: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the key
    window_start: Mapped[int] = mapped_column(BigInteger)  # Unix seconds
    window_end: Mapped[int] = mapped_column(BigInteger, index=True)  # Unix seconds
    count: Mapped[int] = mapped_column(Integer)
