"""forum outcomes: themes, merged inputs, agreed points, follow-up plan, facilitators

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23 14:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "forum_agreed_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_agreed_points_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_agreed_points")),
    )
    with op.batch_alter_table("forum_agreed_points", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_forum_agreed_points_forum_id"), ["forum_id"], unique=False
        )

    op.create_table(
        "forum_facilitators",
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_facilitators_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["staff_users.id"],
            name=op.f("fk_forum_facilitators_user_id_staff_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("forum_id", "user_id", name=op.f("pk_forum_facilitators")),
    )
    with op.batch_alter_table("forum_facilitators", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_forum_facilitators_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "forum_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_forum_follow_ups_agency_id_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_follow_ups_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_forum_follow_ups_report_id_reports"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_follow_ups")),
    )
    with op.batch_alter_table("forum_follow_ups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_forum_follow_ups_forum_id"), ["forum_id"], unique=False
        )

    op.create_table(
        "forum_themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forums.id"],
            name=op.f("fk_forum_themes_forum_id_forums"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forum_themes")),
    )
    with op.batch_alter_table("forum_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forum_themes_forum_id"), ["forum_id"], unique=False)

    with op.batch_alter_table("forum_inputs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("theme_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_forum_inputs_theme_id"), ["theme_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_forum_inputs_theme_id_forum_themes"),
            "forum_themes",
            ["theme_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_forum_inputs_merged_into_id_forum_inputs"),
            "forum_inputs",
            ["merged_into_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("forum_inputs", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_forum_inputs_merged_into_id_forum_inputs"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_forum_inputs_theme_id_forum_themes"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_forum_inputs_theme_id"))
        batch_op.drop_column("merged_into_id")
        batch_op.drop_column("theme_id")

    with op.batch_alter_table("forum_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forum_themes_forum_id"))

    op.drop_table("forum_themes")
    with op.batch_alter_table("forum_follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forum_follow_ups_forum_id"))

    op.drop_table("forum_follow_ups")
    with op.batch_alter_table("forum_facilitators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forum_facilitators_user_id"))

    op.drop_table("forum_facilitators")
    with op.batch_alter_table("forum_agreed_points", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forum_agreed_points_forum_id"))

    op.drop_table("forum_agreed_points")
