"""statistics by month: a version for each month of reports, and one for forums

``stats_version`` (0023) moves on every change, so after any new report every view was
counted anew from all reports. /stats now counts each view month by month (the UTC month a
report was sent in) and keeps each month's counts by that month's own version: a change to
one report, its history, its "About you" answers, its rating or a co-sign moves only the
version of the month the report was sent in (both months when the sending moment itself
changes), and a change to a forum, its inputs or participants only the version of "forums".
A new report then costs a count of its month, not of every report. Triggers move them in the
same transaction as the change, as 0023's do (SQLite: for each row; PostgreSQL: for each
row too, since the month is the row's).

Revision ID: 0026_statsparts
Revises: 0025_statsdays
Create Date: 2026-12-07 23:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_statsparts"
down_revision: str | None = "0025_statsdays"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BY_REPORT = ("report_events", "reporter_segments", "report_ratings", "report_cosigns")
FORUMS = ("forums", "forum_inputs", "forum_participants")
ACTIONS = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}


def _month(moment: str, postgresql: bool) -> str:
    """The UTC month ('2026-03') of a stored moment, as SQL."""
    if postgresql:
        return f"to_char({moment} AT TIME ZONE 'UTC', 'YYYY-MM')"
    return f"substr({moment}, 1, 7)"  # stored as UTC text: '2026-03-31 17:00:00.000000'


def _bump(part: str) -> str:
    """Add one to the version of ``part`` (an SQL expression; nothing when it is NULL: a
    report removed already moved its month itself)."""
    return (
        "INSERT INTO stats_partitions (part, version) "  # noqa: S608  # our own SQL, no input
        f"SELECT p, 1 FROM (SELECT {part} AS p) AS found WHERE p IS NOT NULL "
        "ON CONFLICT (part) DO UPDATE SET version = stats_partitions.version + 1"
    )


def _report_month(row: str, postgresql: bool) -> str:
    found = f"(SELECT r.created_at FROM reports r WHERE r.id = {row}.report_id)"  # noqa: S608
    return _month(found, postgresql)


def _parts(table: str, row: str, postgresql: bool) -> str:
    if table == "reports":
        return _month(f"{row}.created_at", postgresql)
    if table in FORUMS:
        return "'forums'"
    return _report_month(row, postgresql)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "stats_partitions",
        sa.Column("part", sa.String(10), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("part", name=op.f("pk_stats_partitions")),
    )
    for table in ("reports", *BY_REPORT, *FORUMS):
        if postgresql:
            body = " ".join(
                f"IF TG_OP <> '{skip}' THEN {_bump(_parts(table, row, True))}; END IF;"
                for row, skip in (("NEW", "DELETE"), ("OLD", "INSERT"))
            )
            op.execute(
                f"CREATE FUNCTION stats_partitions_{table}() RETURNS trigger LANGUAGE plpgsql "
                f"AS $$ BEGIN {body} RETURN NULL; END $$"
            )
            op.execute(
                f"CREATE TRIGGER stats_partitions_{table} AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION stats_partitions_{table}()"
            )
        else:
            for action, rows in ACTIONS.items():
                body = " ".join(f"{_bump(_parts(table, row, False))};" for row in rows)
                op.execute(
                    f"CREATE TRIGGER stats_partitions_{table}_{action.lower()} AFTER {action} "
                    f"ON {table} FOR EACH ROW BEGIN {body} END"
                )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in ("reports", *BY_REPORT, *FORUMS):
        if postgresql:
            op.execute(f"DROP TRIGGER stats_partitions_{table} ON {table}")
            op.execute(f"DROP FUNCTION stats_partitions_{table}()")
        else:
            for action in ACTIONS:
                op.execute(f"DROP TRIGGER stats_partitions_{table}_{action.lower()}")
    op.drop_table("stats_partitions")
