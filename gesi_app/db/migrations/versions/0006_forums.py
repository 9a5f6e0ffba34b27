"""forums: forums, agenda items, participants, inputs, head counts

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 11:55:58.497946
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "forums",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("join_code", sa.String(length=6), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column(
            "format",
            sa.Enum(
                "in_person", "remote", "hybrid", name="forumformat", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("accommodations", sa.JSON(), nullable=False),
        sa.Column("audiences", sa.JSON(), nullable=False),
        sa.Column(
            "state",
            sa.Enum("planned", "live", "ended", name="forumstate", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count_total", sa.Integer(), nullable=True),
        sa.Column("count_women", sa.Integer(), nullable=True),
        sa.Column("count_youth", sa.Integer(), nullable=True),
        sa.Column("count_disability", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_forums_agency_id_agencies"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["staff_users.id"],
            name=op.f("fk_forums_created_by_staff_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forums")),
        sa.UniqueConstraint("join_code", name=op.f("uq_forums_join_code")),
    )
    with op.batch_alter_table("forums", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forums_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index("ix_forums_state_starts", ["state", "starts_at"], unique=False)

    op.create_table(
        "forum_agenda_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_agenda_items_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_agenda_items")),
    )
    with op.batch_alter_table("forum_agenda_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_forum_agenda_items_forum_id"), ["forum_id"], unique=False
        )

    op.create_table(
        "forum_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=True),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("woman", sa.Boolean(), nullable=True),
        sa.Column("youth", sa.Boolean(), nullable=True),
        sa.Column("disability", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_participants_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_participants")),
    )
    with op.batch_alter_table("forum_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_forum_participants_forum_id"), ["forum_id"], unique=False
        )

    op.create_table(
        "forum_inputs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column(
            "source",
            sa.Enum("participant", "capture", name="inputsource", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("captured_by", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("woman", sa.Boolean(), nullable=True),
        sa.Column("youth", sa.Boolean(), nullable=True),
        sa.Column("disability", sa.Boolean(), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["forum_agenda_items.id"],
            name=op.f("fk_forum_inputs_agenda_item_id_forum_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["captured_by"],
            ["staff_users.id"],
            name=op.f("fk_forum_inputs_captured_by_staff_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_inputs_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["forum_participants.id"],
            name=op.f("fk_forum_inputs_participant_id_forum_participants"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_forum_inputs_report_id_reports"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_inputs")),
    )
    with op.batch_alter_table("forum_inputs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_forum_inputs_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index("ix_forum_inputs_forum_id_id", ["forum_id", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_forum_inputs_participant_id"), ["participant_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("forum_inputs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forum_inputs_participant_id"))
        batch_op.drop_index("ix_forum_inputs_forum_id_id")
        batch_op.drop_index(batch_op.f("ix_forum_inputs_agenda_item_id"))

    op.drop_table("forum_inputs")
    with op.batch_alter_table("forum_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forum_participants_forum_id"))

    op.drop_table("forum_participants")
    with op.batch_alter_table("forum_agenda_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forum_agenda_items_forum_id"))

    op.drop_table("forum_agenda_items")
    with op.batch_alter_table("forums", schema=None) as batch_op:
        batch_op.drop_index("ix_forums_state_starts")
        batch_op.drop_index(batch_op.f("ix_forums_agency_id"))

    op.drop_table("forums")
