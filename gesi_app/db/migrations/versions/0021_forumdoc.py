"""forumdoc: the minutes as an official document

Revision ID: 0021_forumdoc
Revises: 0020_collective
Create Date: 2026-12-07 18:40:39.792445
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_forumdoc"
down_revision: str | None = "0020_collective"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "minutes_letterhead",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("pattern", sa.String(length=100), nullable=False),
        sa.Column("logo_key", sa.String(length=64), nullable=True),
        sa.Column("logo_type", sa.String(length=30), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_letterhead")),
    )
    op.create_table(
        "minutes_number_sequences",
        sa.Column("agency_key", sa.String(length=60), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("agency_key", "year", name=op.f("pk_minutes_number_sequences")),
    )
    op.create_table(
        "forum_attendees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("origin", sa.String(length=150), nullable=False),
        sa.Column("segments", sa.JSON(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_attendees_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_attendees")),
    )
    with op.batch_alter_table("forum_attendees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forum_attendees_forum_id"), ["forum_id"], unique=False)

    op.create_table(
        "forum_minutes_documents",
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=120), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("signers", sa.JSON(), nullable=False),
        sa.Column("provided", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["closed_by"],
            ["staff_users.id"],
            name=op.f("fk_forum_minutes_documents_closed_by_staff_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_minutes_documents_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("forum_id", name=op.f("pk_forum_minutes_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_forum_minutes_documents_number")),
    )


def downgrade() -> None:
    op.drop_table("forum_minutes_documents")
    with op.batch_alter_table("forum_attendees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forum_attendees_forum_id"))

    op.drop_table("forum_attendees")
    op.drop_table("minutes_number_sequences")
    op.drop_table("minutes_letterhead")
