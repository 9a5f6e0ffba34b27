"""staff intake: each report taken in keeps its form's one-time token, so the form sent twice
stores one report

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 15:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("intake_token", sa.String(length=43), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_reports_intake_token"), ["intake_token"])


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_reports_intake_token"), type_="unique")
        batch_op.drop_column("intake_token")
