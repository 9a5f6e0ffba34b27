"""reports: when each first reached verified, answered and closed, kept by the database

The statistics' timings (verify, answer, close) count reports by (start day, end day), where
the end is the first event of the report's history that reached the status. Finding those
firsts grouped the whole history on every count (over half of a cold /stats). Three columns
now hold them, and triggers on report_events keep them exact in the same transaction as
every insert, update or delete of an event, whichever code or script made it; existing
reports are filled in here.

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
        # Nested IFs: plpgsql does not promise to skip NEW where TG_OP says DELETE.
        op.execute(
            "CREATE FUNCTION report_firsts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF TG_OP <> 'DELETE' THEN IF NEW.to_status IN (" + STATUSES + ") THEN "
            + _refresh("id = NEW.report_id") + "; END IF; END IF; "
            "IF TG_OP <> 'INSERT' THEN IF OLD.to_status IN (" + STATUSES + ") THEN "
            + _refresh("id = OLD.report_id") + "; END IF; END IF; "
            "RETURN NULL; END $$"
        )  # fmt: skip
        op.execute(
            "CREATE TRIGGER report_firsts AFTER INSERT OR UPDATE OR DELETE ON report_events "
            "FOR EACH ROW EXECUTE FUNCTION report_firsts()"
        )
    else:
        for action, rows in (
            ("INSERT", ("NEW",)),
            ("UPDATE", ("OLD", "NEW")),
            ("DELETE", ("OLD",)),
        ):
            when = " OR ".join(f"{row}.to_status IN ({STATUSES})" for row in rows)
            ids = ", ".join(f"{row}.report_id" for row in rows)
            op.execute(
                f"CREATE TRIGGER report_firsts_{action.lower()} AFTER {action} ON report_events "
                f"FOR EACH ROW WHEN {when} BEGIN {_refresh(f'id IN ({ids})')}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER report_firsts ON report_events")
        op.execute("DROP FUNCTION report_firsts()")
    else:
        for action in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER report_firsts_{action}")
    for column in FIRSTS:
        op.drop_column("reports", column)
