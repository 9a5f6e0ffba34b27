"""statistics version: names, areas and baselines move it too

/stats keeps each view's built figures (counts after disclosure control, with the names of
topics, areas and agencies and the population baselines they are shown with) by statistics
version. So the tables those names and baselines come from move the version on every change,
as the counted tables do since 0023: a renamed agency or an edited baseline is shown at once,
in every process.

Revision ID: 0024_statsnames
Revises: 0023_statsfast
Create Date: 2026-12-07 23:10:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024_statsnames"
down_revision: str | None = "0024_forumfin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMES = ("categories", "regions", "agencies", "stats_population_baselines")
BUMP = (
    "INSERT INTO stats_version (id, version) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET version = stats_version.version + 1"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in NAMES:  # stats_version_bump() is 0023's
            op.execute(
                f"CREATE TRIGGER stats_version_{table} AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION stats_version_bump()"
            )
    else:
        for table in NAMES:
            for action in ("INSERT", "UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER stats_version_{table}_{action.lower()} AFTER {action} "
                    f"ON {table} FOR EACH ROW BEGIN {BUMP}; END"
                )


def downgrade() -> None:
    for table in NAMES:
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER stats_version_{table} ON {table}")
        else:
            for action in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER stats_version_{table}_{action}")
