"""stats: population baselines per area (women, youth, people with disabilities), seeded with
national figures and their sources

Revision ID: 0014_stats_baselines
Revises: 0013
Create Date: 2026-12-07 15:40:00
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_stats_baselines"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEEDED_AT = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
# The national estimates (region_code NULL); docs/statistics.md says where each comes from.
SEED = (
    (
        "women",
        4942,
        2020,
        "BPS, Sensus Penduduk 2020 (SP2020): 133,54 juta perempuan dari 270,20 juta penduduk",
        "Perkiraan nasional. National estimate.",
    ),
    (
        "youth",
        2318,
        2023,
        "BPS, Statistik Pemuda Indonesia 2023 (Susenas Maret 2023): 64,16 juta pemuda 16-30 tahun",
        "Perkiraan nasional; BPS menghitung pemuda 16-30 tahun langsung (UU 40/2009). "
        "National estimate; BPS counts youth 16-30 directly.",
    ),
    (
        "disability",
        850,
        2020,
        "BPS, Susenas 2020: 22,97 juta penyandang disabilitas (usia 2 tahun ke atas), 8,5%",
        "Perkiraan nasional; pertanyaan gaya Washington Group. "
        "National estimate; Washington Group style questions.",
    ),
)


def seed_rows() -> list[dict[str, object]]:
    """The national estimates as rows (the tests put them back after emptying PostgreSQL)."""
    return [
        {
            "region_code": None,
            "segment": segment,
            "share_bp": share,
            "year": year,
            "source": source,
            "note": note,
            "updated_at": SEEDED_AT,
        }
        for segment, share, year, source, note in SEED
    ]


def upgrade() -> None:
    table = op.create_table(
        "stats_population_baselines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=16), nullable=True),
        sa.Column(
            "segment",
            sa.Enum("women", "youth", "disability", name="segment", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("share_bp", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_code"],
            ["regions.code"],
            name=op.f("fk_stats_population_baselines_region_code_regions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_population_baselines")),
        sa.UniqueConstraint(
            "region_code",
            "segment",
            "year",
            name=op.f("uq_stats_population_baselines_region_code"),
        ),
    )
    with op.batch_alter_table("stats_population_baselines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stats_population_baselines_region_code"), ["region_code"], unique=False
        )
    op.bulk_insert(table, seed_rows())


def downgrade() -> None:
    with op.batch_alter_table("stats_population_baselines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stats_population_baselines_region_code"))
    op.drop_table("stats_population_baselines")
