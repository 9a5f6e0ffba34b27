"""holidays kept in the database (seeded from lokal-id) and deadline settings

The tables only: lokal-id's years always count (read from the library) and are copied in by
gesi_app.calendar.service.ensure_seeded when an admin opens the holidays page (idempotent), so
new lokal-id years arrive without a migration.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 14:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _source(name: str) -> sa.Enum:
    return sa.Enum("lokal-id", "admin", name=name, native_enum=False, length=20)


def upgrade() -> None:
    op.create_table(
        "holidays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("name_id", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "national",
                "cuti_bersama",
                "local",
                name="holiday_kind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("source", _source("holiday_source"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holidays")),
        sa.UniqueConstraint("date", "name_id", name="uq_holidays_date_name_id"),
    )
    op.create_index(op.f("ix_holidays_date"), "holidays", ["date"], unique=False)
    op.create_table(
        "calendar_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source", _source("calendar_year_source"), nullable=False),
        sa.Column("covered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_years")),
    )
    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_escalations_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
        sa.UniqueConstraint("report_id", "kind", "due", name="uq_escalations_report_kind_due"),
    )
    op.create_index(op.f("ix_escalations_report_id"), "escalations", ["report_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_escalations_report_id"), table_name="escalations")
    op.drop_table("escalations")
    op.drop_table("calendar_years")
    op.drop_index(op.f("ix_holidays_date"), table_name="holidays")
    op.drop_table("holidays")
