"""Test data for the minutes as a document: a letterhead, a photo with metadata, a forum with
inputs, a head count and a dot vote; the text of a PDF."""

from __future__ import annotations

import io
import re
from typing import Any

from PIL import Image
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.forums import attendance, dot_votes
from gesi_app.forums.models import ForumState
from gesi_app.forums.participation import NewInput, Speaker, add_input
from gesi_app.forums.service import advance_state, forum_by_code
from tests import factories
from tests.forums_support import add_forum

LETTERHEAD = {
    "authority": "Pemerintah Kabupaten Contoh",
    "address": "Jl. Veteran No. 1",
    "contact": "Telepon (021) 5991234",
    "code": "SETDA",
    "pattern": "000.1.2/{seq}/{agency}/{year}",
}


def pdf_text(content: bytes) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    return re.sub(r"\s+", " ", text)


def photo_with_exif() -> bytes:
    image = Image.new("RGB", (60, 80), "green")
    exif = Image.Exif()
    exif[0x010F] = "Kamera Rahasia"  # Make
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def busy_forum(database_url: str, team: Any, **overrides: Any) -> str:
    """A forum with 7 inputs (5 from women), a head count, a dot vote, ended."""
    forum = add_forum(database_url, team.ids["fasilitator"], **overrides)

    async def work(session: AsyncSession) -> None:
        user = await session.get_one(StaffUser, team.ids["fasilitator"])
        f = await forum_by_code(session, forum.join_code)
        queue, medicine = (item.id for item in f.agenda)
        woman = Speaker(woman=True, youth=False, disability=None)
        made = [
            await add_input(
                session, f, NewInput(queue, f"Antrean nomor {n}"), speaker=woman, staff=user
            )
            for n in range(5)
        ]
        for n in range(2):
            await add_input(session, f, NewInput(medicine, f"Obat nomor {n}"), staff=user)
        vote = await dot_votes.open_vote(session, user, f, queue, 3)
        await dot_votes.count_room_dots(session, user, f, vote, {made[0].id: 9})
        await dot_votes.close_vote(session, user, f)
        await attendance.set_head_count(session, user, f, attendance.Counts(40, 22, 6, 3))
        await advance_state(session, user, f, ForumState.ENDED)

    factories.run(database_url, work)
    return forum.join_code
