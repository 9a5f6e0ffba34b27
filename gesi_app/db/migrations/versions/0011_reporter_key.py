"""reporter key: wrong-PIN guard per report, one-time receipts for the confirmation page

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reporter_key_guards",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("lockouts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_reporter_key_guards_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_reporter_key_guards")),
    )
    op.create_table(
        "report_receipts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("pin", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_receipts_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_receipts")),
    )
    with op.batch_alter_table("report_receipts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_receipts_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_report_receipts_report_id"), ["report_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("report_receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_receipts_report_id"))
        batch_op.drop_index(batch_op.f("ix_report_receipts_created_at"))
    op.drop_table("report_receipts")
    op.drop_table("reporter_key_guards")
