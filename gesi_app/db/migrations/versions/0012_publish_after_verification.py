"""publish after verification: published_at and the verifier's public title, text, landmark

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 03:10:00

Reports sent before this change were public at once. Those staff had verified stay public
with the text the public already saw; the others wait for verification like new ones.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("public_title", sa.String(length=150), nullable=True))
        batch_op.add_column(sa.Column("public_description", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("public_landmark", sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f("ix_reports_published_at"), ["published_at"], unique=False)
    # Reports that staff had already verified (every verified report passed terverifikasi)
    # stay public, with the text the public already saw; the rest wait for verification.
    reports = sa.table(
        "reports",
        sa.column("id", sa.Integer()),
        sa.column("rahasia", sa.Boolean()),
        sa.column("title", sa.String()),
        sa.column("description", sa.Text()),
        sa.column("landmark", sa.String()),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("published_at", sa.DateTime(timezone=True)),
        sa.column("public_title", sa.String()),
        sa.column("public_description", sa.Text()),
        sa.column("public_landmark", sa.String()),
    )
    events = sa.table(
        "report_events",
        sa.column("report_id", sa.Integer()),
        sa.column("to_status", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    verified_at = (
        sa.select(sa.func.min(events.c.created_at))
        .where(events.c.report_id == reports.c.id, events.c.to_status == "terverifikasi")
        .scalar_subquery()
    )
    op.execute(
        reports.update()
        .where(reports.c.rahasia.is_(False))
        .where(
            sa.exists().where(
                events.c.report_id == reports.c.id,
                events.c.to_status == "terverifikasi",
            )
        )
        .values(
            published_at=verified_at,
            public_title=reports.c.title,
            public_description=reports.c.description,
            public_landmark=reports.c.landmark,
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_published_at"))
        batch_op.drop_column("public_landmark")
        batch_op.drop_column("public_description")
        batch_op.drop_column("public_title")
        batch_op.drop_column("published_at")
