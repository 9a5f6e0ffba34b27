"""staff intake: each report taken in keeps its form's one-time token, so the form sent twice
stores one report; the seeded "Work is planned" template asks for the repair date

Response templates now fill [tanggal] / [date] with the day of the answer. The seeded "Work is
planned" template used [date] for the day the work will be done, which the report cannot
know: where an admin has not changed it, it asks for [tanggal perbaikan] / [repair date],
which the officer fills (an answer with it left is not sent).

Revision ID: 0016_intake
Revises: 0015_opendata
Create Date: 2026-12-07 15:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_intake"
down_revision: str | None = "0015_opendata"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SCHEDULED_BEFORE = {
    "text_en": "Thank you for your report. We checked the place. "
    "We will fix it by [date]. We will tell you when it is done.",
    "text_id": "Terima kasih atas laporan Anda. Kami sudah memeriksa lokasinya. Kami akan "
    "memperbaikinya paling lambat [tanggal]. Kami akan memberi tahu Anda jika sudah selesai.",
}
SCHEDULED_AFTER = {
    "text_en": SCHEDULED_BEFORE["text_en"].replace("[date]", "[repair date]"),
    "text_id": SCHEDULED_BEFORE["text_id"].replace("[tanggal]", "[tanggal perbaikan]"),
}
TEMPLATES = sa.table(
    "response_templates",
    sa.column("key", sa.String()),
    sa.column("text_en", sa.String()),
    sa.column("text_id", sa.String()),
)


def _retext(before: dict[str, str], after: dict[str, str]) -> None:
    op.execute(
        TEMPLATES.update()
        .where(
            TEMPLATES.c.key == "scheduled",
            TEMPLATES.c.text_en == before["text_en"],
            TEMPLATES.c.text_id == before["text_id"],
        )
        .values(**after)
    )


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("intake_token", sa.String(length=43), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_reports_intake_token"), ["intake_token"])
    _retext(SCHEDULED_BEFORE, SCHEDULED_AFTER)


def downgrade() -> None:
    _retext(SCHEDULED_AFTER, SCHEDULED_BEFORE)
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_reports_intake_token"), type_="unique")
        batch_op.drop_column("intake_token")
