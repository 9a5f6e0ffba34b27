"""group representatives: one-time sign-in links by email or SMS; a staff account's phone

Revision ID: 0019_grouprep
Revises: 0018_collective
Create Date: 2026-12-07 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_grouprep"
down_revision: str | None = "0018_collective"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone", sa.String(length=20), nullable=True))
    op.create_table(
        "staff_sign_in_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["staff_users.id"],
            name=op.f("fk_staff_sign_in_links_user_id_staff_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_sign_in_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_staff_sign_in_links_token_hash")),
    )
    with op.batch_alter_table("staff_sign_in_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_sign_in_links_user_id"), ["user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("staff_sign_in_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_sign_in_links_user_id"))
    op.drop_table("staff_sign_in_links")
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_column("phone")
