"""forum moderation: hidden inputs, voice transcripts, offline capture keys, follow-up news

Revision ID: 0022_forummod
Revises: 0021_forumdoc
Create Date: 2026-12-07 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_forummod"
down_revision: str | None = "0021_forumdoc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("forum_inputs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("hidden_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("hidden_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("client_key", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_forum_inputs_client_key"), ["client_key"])
        batch_op.create_foreign_key(
            batch_op.f("fk_forum_inputs_hidden_by_staff_users"),
            "staff_users",
            ["hidden_by"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("forum_voice_inputs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transcript", sa.Text(), nullable=True))
    with op.batch_alter_table("forum_participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact", sa.String(length=254), nullable=True))
        batch_op.add_column(
            sa.Column("wants_news", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("locale", sa.String(length=5), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("forum_participants", schema=None) as batch_op:
        batch_op.drop_column("locale")
        batch_op.drop_column("wants_news")
        batch_op.drop_column("contact")
    with op.batch_alter_table("forum_voice_inputs", schema=None) as batch_op:
        batch_op.drop_column("transcript")
    with op.batch_alter_table("forum_inputs", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_forum_inputs_hidden_by_staff_users"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("uq_forum_inputs_client_key"), type_="unique")
        batch_op.drop_column("client_key")
        batch_op.drop_column("hidden_reason")
        batch_op.drop_column("hidden_by")
        batch_op.drop_column("hidden_at")
