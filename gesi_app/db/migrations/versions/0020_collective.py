"""collective reports: people who signed a collective report; co-signs of public reports

Revision ID: 0020_collective
Revises: 0019_grouprep
Create Date: 2026-12-07 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_collective"
down_revision: str | None = "0019_grouprep"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("on_behalf_signed", sa.Integer(), nullable=True))
    op.create_table(
        "report_cosigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("supporter", sa.String(length=64), nullable=True),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_groups.id"],
            name=op.f("fk_report_cosigns_group_id_community_groups"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_report_cosigns_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_cosigns")),
        sa.UniqueConstraint(
            "report_id", "group_id", name=op.f("uq_report_cosigns_report_id_group_id")
        ),
        sa.UniqueConstraint(
            "report_id", "supporter", name=op.f("uq_report_cosigns_report_id_supporter")
        ),
    )
    with op.batch_alter_table("report_cosigns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_cosigns_group_id"), ["group_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_cosigns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_cosigns_group_id"))
    op.drop_table("report_cosigns")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("on_behalf_signed")
