"""community groups: groups, their representatives' contacts, registration drafts

Revision ID: 0017_groups
Revises: 0016_intake
Create Date: 2026-12-07 15:48:03.427070
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_groups"
down_revision: str | None = "0016_intake"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "community_group_drafts",
        sa.Column("id", sa.String(length=43), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_group_drafts")),
    )
    with op.batch_alter_table("community_group_drafts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_community_group_drafts_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "community_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("reference", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "disability",
                "women",
                "youth",
                "other",
                name="groupkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("region_code", sa.String(length=16), nullable=False),
        sa.Column("speaks_for", sa.String(length=300), nullable=False),
        sa.Column("members_total", sa.Integer(), nullable=False),
        sa.Column("members_women", sa.Integer(), nullable=False),
        sa.Column("members_youth", sa.Integer(), nullable=False),
        sa.Column("members_disability", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "pending", "approved", "rejected", name="groupstate", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_by_staff", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_code"],
            ["regions.code"],
            name=op.f("fk_community_groups_region_code_regions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_groups")),
        sa.UniqueConstraint("reference", name=op.f("uq_community_groups_reference")),
        sa.UniqueConstraint("slug", name=op.f("uq_community_groups_slug")),
        sa.CheckConstraint(
            "members_total BETWEEN 1 AND 100000",
            name=op.f("ck_community_groups_members_total_bounds"),
        ),
        sa.CheckConstraint(
            "members_women BETWEEN 0 AND members_total AND members_youth BETWEEN 0 AND "
            "members_total AND members_disability BETWEEN 0 AND members_total",
            name=op.f("ck_community_groups_members_segments_within_total"),
        ),
    )
    with op.batch_alter_table("community_groups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_community_groups_region_code"), ["region_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_community_groups_state"), ["state"], unique=False)

    op.create_table(
        "community_group_contacts",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_groups.id"],
            name=op.f("fk_community_group_contacts_group_id_community_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", name=op.f("pk_community_group_contacts")),
    )


def downgrade() -> None:
    op.drop_table("community_group_contacts")
    with op.batch_alter_table("community_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_community_groups_state"))
        batch_op.drop_index(batch_op.f("ix_community_groups_region_code"))

    op.drop_table("community_groups")
    with op.batch_alter_table("community_group_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_community_group_drafts_updated_at"))

    op.drop_table("community_group_drafts")
