"""statistics by month: a version for each month of reports, and one for forums

``stats_version`` (0023) moves on every change, so after any new report every view was
counted anew from all reports. /stats now counts each view month by month (the UTC month a
report was sent in) and keeps each month's counts by that month's own version: a change to
one report, its history, its "About you" answers, its rating or a co-sign moves only the
version of the month the report was sent in (both months when the sending moment itself
changes), and a change to a forum, its inputs or participants only the version of "forums".
A new report then costs a count of its month, not of every report. Triggers move them in the
same transaction as the change, as 0023's do (SQLite: for each row; PostgreSQL: once per
statement, one upsert per month the statement's rows concern).

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
PG_ROWS = {"NEW": "new_rows", "OLD": "old_rows"}  # PostgreSQL's transition tables
PG_REFERENCING = {
    "INSERT": "NEW TABLE AS new_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
}


def _month(moment: str, postgresql: bool) -> str:
    """The UTC month ('2026-03') of a stored moment, as SQL."""
    if postgresql:
        return f"to_char({moment} AT TIME ZONE 'UTC', 'YYYY-MM')"
    return f"substr({moment}, 1, 7)"  # stored as UTC text: '2026-03-31 17:00:00.000000'


def _bump(parts: str) -> str:
    """Add one to the version of each part ``parts`` (a SELECT of one column ``p``) gives
    (nothing for NULL: a report removed already moved its month itself)."""
    return (
        "INSERT INTO stats_partitions (part, version) "  # noqa: S608  # our own SQL, no input
        f"SELECT DISTINCT p, 1 FROM ({parts}) AS found WHERE p IS NOT NULL "
        "ON CONFLICT (part) DO UPDATE SET version = stats_partitions.version + 1"
    )


def _single(part: str) -> str:
    return f"SELECT {part} AS p"


def _pg_parts(table: str, rows: tuple[str, ...]) -> str:
    """The months (or 'forums') of the rows a statement changed in ``table``."""
    if table in FORUMS:
        moments = " UNION ALL ".join(f"SELECT 1 FROM {PG_ROWS[r]}" for r in rows)  # noqa: S608
        return f"SELECT 'forums' AS p FROM ({moments}) AS r"  # noqa: S608
    if table == "reports":
        moments = " UNION ALL ".join(f"SELECT created_at FROM {PG_ROWS[r]}" for r in rows)  # noqa: S608
    else:
        moments = " UNION ALL ".join(
            f"SELECT x.created_at FROM {PG_ROWS[r]} t JOIN reports x ON x.id = t.report_id"  # noqa: S608
            for r in rows
        )
    return f"SELECT {_month('created_at', True)} AS p FROM ({moments}) AS r"  # noqa: S608


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
        for action, rows in ACTIONS.items():
            name = f"stats_partitions_{table}_{action.lower()}"
            if postgresql:
                # Once per statement, one upsert per month its rows concern (transition
                # tables): row by row, a bulk change would update one month's row thousands of
                # times in one transaction, which PostgreSQL does slower and slower.
                body = _bump(_pg_parts(table, rows))
                op.execute(
                    f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
                    f"AS $$ BEGIN {body}; RETURN NULL; END $$"
                )
                op.execute(
                    f"CREATE TRIGGER {name} AFTER {action} ON {table} "
                    f"REFERENCING {PG_REFERENCING[action]} FOR EACH STATEMENT "
                    f"EXECUTE FUNCTION {name}()"
                )
            else:
                body = " ".join(f"{_bump(_single(_parts(table, row, False)))};" for row in rows)
                op.execute(
                    f"CREATE TRIGGER {name} AFTER {action} ON {table} FOR EACH ROW BEGIN {body} END"
                )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in ("reports", *BY_REPORT, *FORUMS):
        for action in ACTIONS:
            name = f"stats_partitions_{table}_{action.lower()}"
            if postgresql:
                op.execute(f"DROP TRIGGER {name} ON {table}")
                op.execute(f"DROP FUNCTION {name}()")
            else:
                op.execute(f"DROP TRIGGER {name}")
    op.drop_table("stats_partitions")
