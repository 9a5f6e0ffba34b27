"""response templates kept in the database, editable by admins; areas can be turned off

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 14:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The four templates that were a fixed list in code, with their catalogue translations.
SEEDS = [
    {
        "key": "fixed",
        "label_en": "The problem is fixed",
        "label_id": "Masalah sudah diperbaiki",
        "text_en": "Thank you for your report. We fixed the problem on [date]. "
        "If it is not fixed, reply to this answer.",
        "text_id": "Terima kasih atas laporan Anda. Kami sudah memperbaiki masalahnya pada "
        "[tanggal]. Jika belum beres, balas tanggapan ini.",
    },
    {
        "key": "scheduled",
        "label_en": "Work is planned",
        "label_id": "Perbaikan sudah direncanakan",
        "text_en": "Thank you for your report. We checked the place. "
        "We will fix it by [date]. We will tell you when it is done.",
        "text_id": "Terima kasih atas laporan Anda. Kami sudah memeriksa lokasinya. Kami akan "
        "memperbaikinya paling lambat [tanggal]. Kami akan memberi tahu Anda jika sudah selesai.",
    },
    {
        "key": "more_information",
        "label_en": "We need more information",
        "label_id": "Kami perlu informasi tambahan",
        "text_en": "Thank you for your report. To help you, we need to know [what]. "
        "Please reply to this answer.",
        "text_id": "Terima kasih atas laporan Anda. Untuk membantu Anda, kami perlu tahu [apa]. "
        "Silakan balas tanggapan ini.",
    },
    {
        "key": "information",
        "label_en": "The information you asked for",
        "label_id": "Informasi yang Anda minta",
        "text_en": "Thank you for your question. Here is the information: [information]. "
        "You can also ask at [office], open [days and hours].",
        "text_id": "Terima kasih atas pertanyaan Anda. Ini informasinya: [informasi]. Anda juga "
        "bisa bertanya di [kantor], buka [hari dan jam].",
    },
]


def seed_rows() -> list[dict[str, object]]:
    return [{**seed, "active": True, "position": n} for n, seed in enumerate(SEEDS, start=1)]


def upgrade() -> None:
    table = op.create_table(
        "response_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("label_id", sa.String(length=100), nullable=False),
        sa.Column("label_en", sa.String(length=100), nullable=False),
        sa.Column("text_id", sa.String(length=2000), nullable=False),
        sa.Column("text_en", sa.String(length=2000), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_templates")),
        sa.UniqueConstraint("key", name=op.f("uq_response_templates_key")),
    )
    op.bulk_insert(table, seed_rows())
    # Every area already loaded stays in the journey until an admin turns it off.
    with op.batch_alter_table("regions") as batch:
        batch.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("regions") as batch:
        batch.drop_column("active")
    op.drop_table("response_templates")
