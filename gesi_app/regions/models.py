"""The configurable region tree, keyed by Kemendagri code (e.g. 36.03.01.2001)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gesi_app.db.base import Base


class Region(Base):
    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(
        ForeignKey("regions.code", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    # 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan
    level: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    # Admins turn an area off for the report journey; reports already there keep it.
    active: Mapped[bool] = mapped_column(default=True)
