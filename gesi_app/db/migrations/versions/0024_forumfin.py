"""agreed points get an owner agency, a due date and a state; forum news without a report

An agreed point's state changes are told to the forum's participants who asked, like a
follow-up item's: such a message belongs to no report, so the outbox's report is optional.

Revision ID: 0024_forumfin
Revises: 0023_statsfast
Create Date: 2026-12-07 23:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_forumfin"
down_revision: str | None = "0023_statsfast"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATES = ("planned", "in_progress", "done", "not_going_ahead")


def upgrade() -> None:
    with op.batch_alter_table("forum_agreed_points", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agency_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "state",
                sa.Enum(*STATES, name="pointstate", native_enum=False, length=20),
                nullable=True,
            )
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_forum_agreed_points_agency_id_agencies"),
            "agencies",
            ["agency_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    # Neither table is watched by 0023's triggers, so SQLite's table rebuild loses none.
    with op.batch_alter_table("notification_outbox", schema=None) as batch_op:
        batch_op.alter_column("report_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM notification_outbox WHERE report_id IS NULL")
    with op.batch_alter_table("notification_outbox", schema=None) as batch_op:
        batch_op.alter_column("report_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("forum_agreed_points", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_forum_agreed_points_agency_id_agencies"), type_="foreignkey"
        )
        batch_op.drop_column("state")
        batch_op.drop_column("due_on")
        batch_op.drop_column("agency_id")
