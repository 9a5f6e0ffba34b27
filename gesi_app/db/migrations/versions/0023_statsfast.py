"""statistics version: one counter that every change to what /stats counts moves on

A table of one row (``stats_version``) and triggers on the tables the statistics count
(reports, their history, "About you" answers, ratings and co-signs; forums, their inputs and
participants). Each insert, update or delete there adds one to the counter in the same
transaction, whichever process or script made it; the statistics cache keys its entries by the
counter, so a change is never answered with numbers from before it (docs/statistics.md).

On SQLite a migration that rebuilds one of these tables (``batch_alter_table`` in "recreate"
mode) drops its triggers: such a migration must create them again (``test_stats_freshness``
checks that every one exists at head).

Revision ID: 0023_statsfast
Revises: 0022_forummod
Create Date: 2026-12-07 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023_statsfast"
down_revision: str | None = "0022_forummod"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WATCHED = (
    "reports",
    "report_events",
    "reporter_segments",
    "report_ratings",
    "report_cosigns",
    "forums",
    "forum_inputs",
    "forum_participants",
)
# Adds one, and makes the row if a TRUNCATE of every table took it away.
BUMP = (
    "INSERT INTO stats_version (id, version) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET version = stats_version.version + 1"
)


def upgrade() -> None:
    op.create_table(
        "stats_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_version")),
    )
    op.execute("INSERT INTO stats_version (id, version) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION stats_version_bump() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
        )
        for table in WATCHED:
            # Once per statement: a bulk change of many rows moves the counter once.
            op.execute(
                f"CREATE TRIGGER stats_version_{table} AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION stats_version_bump()"
            )
    else:
        for table in WATCHED:
            for action in ("INSERT", "UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER stats_version_{table}_{action.lower()} AFTER {action} "
                    f"ON {table} FOR EACH ROW BEGIN {BUMP}; END"
                )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER stats_version_{table} ON {table}")
        op.execute("DROP FUNCTION stats_version_bump()")
    else:
        for table in WATCHED:
            for action in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER stats_version_{table}_{action}")
    op.drop_table("stats_version")
