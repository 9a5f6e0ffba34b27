"""shared rate limits: rate_counts replaces the staff sign-in failure and lockout tables

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_counts",
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("window_end", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "subject", name=op.f("pk_rate_counts")),
    )
    with op.batch_alter_table("rate_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rate_counts_window_end"), ["window_end"], unique=False)

    # Sign-in failures are counted in rate_counts now; the old counts expire within
    # 15 minutes anyway, so nothing is carried over.
    with op.batch_alter_table("staff_login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_login_failures_scope_key_at")
    op.drop_table("staff_login_failures")
    with op.batch_alter_table("staff_lockouts", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_lockouts_scope_key_until")
    op.drop_table("staff_lockouts")


def downgrade() -> None:
    op.create_table(
        "staff_lockouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_lockouts")),
    )
    with op.batch_alter_table("staff_lockouts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_staff_lockouts_scope_key_until", ["scope", "key", "until"], unique=False
        )
    op.create_table(
        "staff_login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_login_failures")),
    )
    with op.batch_alter_table("staff_login_failures", schema=None) as batch_op:
        batch_op.create_index(
            "ix_staff_login_failures_scope_key_at", ["scope", "key", "at"], unique=False
        )

    with op.batch_alter_table("rate_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rate_counts_window_end"))
    op.drop_table("rate_counts")
