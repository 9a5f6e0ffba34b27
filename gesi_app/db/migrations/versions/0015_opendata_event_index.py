"""open data: an index on report_events for the first time a report reached a status

The per-report export (and the statistics' times to verify and to answer) read, for each
report, when it was first verified and first answered: with (report_id, to_status, created_at)
each of those is one seek in the index, never a read of the report's whole history.

Revision ID: 0015_opendata
Revises: 0014_stats_baselines
Create Date: 2026-12-07 15:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015_opendata"
down_revision: str | None = "0014_stats_baselines"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("report_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_report_events_report_status_at",
            ["report_id", "to_status", "created_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("report_events", schema=None) as batch_op:
        batch_op.drop_index("ix_report_events_report_status_at")
