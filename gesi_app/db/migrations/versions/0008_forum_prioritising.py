"""forum prioritising: dot votes, agree/disagree/pass statements; voice inputs

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 14:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "forum_statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=140), nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_statements_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_statements")),
    )
    op.create_index(
        op.f("ix_forum_statements_forum_id"), "forum_statements", ["forum_id"], unique=False
    )
    op.create_table(
        "forum_dot_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("dots", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["forum_agenda_items.id"],
            name=op.f("fk_forum_dot_votes_agenda_item_id_forum_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_dot_votes_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_dot_votes")),
    )
    op.create_index(
        op.f("ix_forum_dot_votes_forum_id"), "forum_dot_votes", ["forum_id"], unique=False
    )
    op.create_table(
        "forum_statement_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column(
            "answer",
            sa.Enum("agree", "disagree", "pass", name="answer", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["forum_participants.id"],
            name=op.f("fk_forum_statement_answers_participant_id_forum_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["forum_statements.id"],
            name=op.f("fk_forum_statement_answers_statement_id_forum_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_statement_answers")),
        sa.UniqueConstraint(
            "statement_id", "participant_id", name=op.f("uq_forum_statement_answers_statement_id")
        ),
    )
    op.create_index(
        op.f("ix_forum_statement_answers_participant_id"),
        "forum_statement_answers",
        ["participant_id"],
        unique=False,
    )
    op.create_table(
        "forum_dots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("input_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["input_id"],
            ["forum_inputs.id"],
            name=op.f("fk_forum_dots_input_id_forum_inputs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["forum_participants.id"],
            name=op.f("fk_forum_dots_participant_id_forum_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vote_id"],
            ["forum_dot_votes.id"],
            name=op.f("fk_forum_dots_vote_id_forum_dot_votes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_dots")),
    )
    op.create_index(
        op.f("ix_forum_dots_participant_id"), "forum_dots", ["participant_id"], unique=False
    )
    op.create_index("ix_forum_dots_vote_input", "forum_dots", ["vote_id", "input_id"], unique=False)

    op.create_table(
        "forum_voice_inputs",
        sa.Column("input_id", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("storage_key", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["input_id"],
            ["forum_inputs.id"],
            name=op.f("fk_forum_voice_inputs_input_id_forum_inputs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("input_id", name=op.f("pk_forum_voice_inputs")),
    )


def downgrade() -> None:
    op.drop_table("forum_voice_inputs")
    op.drop_index("ix_forum_dots_vote_input", table_name="forum_dots")
    op.drop_index(op.f("ix_forum_dots_participant_id"), table_name="forum_dots")
    op.drop_table("forum_dots")
    op.drop_index(
        op.f("ix_forum_statement_answers_participant_id"), table_name="forum_statement_answers"
    )
    op.drop_table("forum_statement_answers")
    op.drop_index(op.f("ix_forum_dot_votes_forum_id"), table_name="forum_dot_votes")
    op.drop_table("forum_dot_votes")
    op.drop_index(op.f("ix_forum_statements_forum_id"), table_name="forum_statements")
    op.drop_table("forum_statements")
