"""collective reports: a report's community group and segment counts; group representatives

Revision ID: 0018_collective
Revises: 0017_groups
Create Date: 2026-12-07 18:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_collective"
down_revision: str | None = "0017_groups"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("on_behalf_women", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("on_behalf_youth", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("on_behalf_disability", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_reports_group_id"), ["group_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_reports_group_id_community_groups"),
            "community_groups",
            ["group_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_staff_users_group_id"), ["group_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_staff_users_group_id_community_groups"),
            "community_groups",
            ["group_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_staff_users_group_id_community_groups"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_staff_users_group_id"))
        batch_op.drop_column("group_id")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_reports_group_id_community_groups"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_reports_group_id"))
        batch_op.drop_column("on_behalf_disability")
        batch_op.drop_column("on_behalf_youth")
        batch_op.drop_column("on_behalf_women")
        batch_op.drop_column("group_id")
