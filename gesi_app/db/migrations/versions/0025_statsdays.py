"""reports: when each first reached verified, answered and closed, kept by the database

The statistics' timings (verify, answer, close) count reports by (start day, end day), where
the end is the first event of the report's history that reached the status. Finding those
firsts grouped the whole history on every count (over half of a cold /stats). Three columns
now hold them, and triggers on report_events keep them exact in the same transaction as
every insert, update or delete of an event, whichever code or script made it (SQLite: for
each row; PostgreSQL: once per statement, over its rows); existing reports are filled in
here.

Adding columns does not rebuild ``reports`` on SQLite (plain ALTER TABLE ... ADD COLUMN), so
0023's triggers stay.

Revision ID: 0025_statsdays
Revises: 0024_statsnames
Create Date: 2026-12-07 23:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025_statsdays"
down_revision: str | None = "0024_statsnames"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIRSTS = {
    "first_verified_at": "terverifikasi",
    "first_answered_at": "ditindaklanjuti",
    "first_closed_at": "selesai",
}
STATUSES = ", ".join(f"'{status}'" for status in FIRSTS.values())


# The rows a statement changed, as PostgreSQL's transition tables name them.
PG_ROWS = {"INSERT": ("new_rows",), "UPDATE": ("old_rows", "new_rows"), "DELETE": ("old_rows",)}
PG_REFERENCING = {
    "INSERT": "NEW TABLE AS new_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
}


def _refresh(where: str) -> str:
    """An UPDATE setting the three firsts of the reports ``where`` selects from their events."""
    sets = ", ".join(
        f"{column} = (SELECT min(e.created_at) FROM report_events e "  # noqa: S608  # our names
        f"WHERE e.report_id = reports.id AND e.to_status = '{status}')"
        for column, status in FIRSTS.items()
    )
    return f"UPDATE reports SET {sets} WHERE {where}"  # noqa: S608  # our names, no input


def upgrade() -> None:
    for column in FIRSTS:
        op.add_column("reports", sa.Column(column, sa.DateTime(timezone=True), nullable=True))
    op.execute(
        _refresh(f"id IN (SELECT report_id FROM report_events WHERE to_status IN ({STATUSES}))")  # noqa: S608
    )
    if op.get_bind().dialect.name == "postgresql":
        # Once per statement, over the statement's rows (transition tables): a bulk insert of
        # history updates its reports in one UPDATE. Row by row, each inner UPDATE would move
        # 0023's version row again, and PostgreSQL slows down on many updates of one row in
        # one transaction (every old version of it stays until the commit).
        for action, tables in PG_ROWS.items():
            rows = " UNION ALL ".join(f"SELECT report_id, to_status FROM {t}" for t in tables)  # noqa: S608
            where = f"id IN (SELECT report_id FROM ({rows}) AS r WHERE to_status IN ({STATUSES}))"  # noqa: S608
            op.execute(
                f"CREATE FUNCTION report_firsts_{action.lower()}() RETURNS trigger "
                f"LANGUAGE plpgsql AS $$ BEGIN {_refresh(where)}; RETURN NULL; END $$"
            )
            op.execute(
                f"CREATE TRIGGER report_firsts_{action.lower()} AFTER {action} ON report_events "
                f"REFERENCING {PG_REFERENCING[action]} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION report_firsts_{action.lower()}()"
            )
    else:
        for action, changed in (
            ("INSERT", ("NEW",)),
            ("UPDATE", ("OLD", "NEW")),
            ("DELETE", ("OLD",)),
        ):
            when = " OR ".join(f"{row}.to_status IN ({STATUSES})" for row in changed)
            ids = ", ".join(f"{row}.report_id" for row in changed)
            op.execute(
                f"CREATE TRIGGER report_firsts_{action.lower()} AFTER {action} ON report_events "
                f"FOR EACH ROW WHEN {when} BEGIN {_refresh(f'id IN ({ids})')}; END"
            )


def downgrade() -> None:
    for action in ("insert", "update", "delete"):
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER report_firsts_{action} ON report_events")
            op.execute(f"DROP FUNCTION report_firsts_{action}()")
        else:
            op.execute(f"DROP TRIGGER report_firsts_{action}")
    for column in FIRSTS:
        op.drop_column("reports", column)
