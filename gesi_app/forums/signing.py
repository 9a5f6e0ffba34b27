"""Who signs the minutes (the organiser and the public's representatives) and the named
attendance list (daftar hadir) annexed to them. Both audited.

A name on the attendance list is optional per person; a segment is written there only when the
person agreed. The figures by segment still come from the head count or the sign-ins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.forums.document_models import Attendee, MinutesDocument
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import Accommodation, Audience, Forum

ORGANISER = "organiser"
PUBLIC = "public"
PUBLIC_SIGNERS = 2  # lines for the public's representatives


@dataclass(frozen=True)
class Signer:
    role: str  # ORGANISER | PUBLIC
    name: str
    position: str
    nip: str  # 18 digits, or empty


@dataclass(frozen=True)
class NewAttendee:
    name: str
    origin: str
    segments: tuple[Audience, ...]
    consent: bool


def _described(signer: Signer) -> str:
    """One signer as the audit log lists them: "Siti Rahmawati, Kepala Bagian, 1975…"."""
    return ", ".join(part for part in (signer.name, signer.position, signer.nip) if part)


async def signers_of(session: AsyncSession, forum: Forum) -> list[Signer]:
    doc = await session.get(MinutesDocument, forum.id)
    return [Signer(**s) for s in doc.signers] if doc else []


async def set_signers(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    signers: Sequence[Signer],
    provided: Sequence[Accommodation] = (),
    *,
    ip: str | None = None,
) -> None:
    """Who signs, and which accommodations were actually provided (audited, committed)."""
    await require_facilitator(session, user, forum)
    doc = await session.get(MinutesDocument, forum.id)
    if doc is None:
        doc = MinutesDocument(forum_id=forum.id, signers=[], provided=[])
        session.add(doc)
    before = [_described(Signer(**s)) for s in doc.signers]
    before_provided = list(doc.provided)
    doc.signers = [asdict(s) for s in signers]
    doc.provided = [a.value for a in provided]
    await audit.record(
        session,
        user,
        audit.Action.FORUM_SIGNERS_SET,
        "forum",
        forum.join_code,
        before={"signers": before, "provided": before_provided},
        after={"signers": [_described(s) for s in signers], "provided": doc.provided},
        ip=ip,
    )
    await session.commit()


async def provided_of(session: AsyncSession, forum: Forum) -> list[str]:
    doc = await session.get(MinutesDocument, forum.id)
    return list(doc.provided) if doc else []


async def attendees_of(session: AsyncSession, forum: Forum) -> Sequence[Attendee]:
    rows = await session.scalars(
        select(Attendee).where(Attendee.forum_id == forum.id).order_by(Attendee.id)
    )
    return rows.all()


async def add_attendee(
    session: AsyncSession, user: StaffUser, forum: Forum, new: NewAttendee, *, ip: str | None = None
) -> Attendee:
    await require_facilitator(session, user, forum)
    segments = [s.value for s in new.segments] if new.consent else []
    row = Attendee(
        forum_id=forum.id, name=new.name, origin=new.origin, segments=segments, consent=new.consent
    )
    session.add(row)
    await session.flush()
    # The audit keeps who added a line and when, not the person's segments.
    after = {"attendee": row.id, "name": new.name, "origin": new.origin}
    await audit.record(
        session,
        user,
        audit.Action.FORUM_ATTENDEE_ADDED,
        "forum",
        forum.join_code,
        after=after,
        ip=ip,
    )
    await session.commit()
    return row


async def remove_attendee(
    session: AsyncSession, user: StaffUser, forum: Forum, attendee_id: int, *, ip: str | None = None
) -> bool:
    await require_facilitator(session, user, forum)
    row = await session.get(Attendee, attendee_id)
    if row is None or row.forum_id != forum.id:
        return False
    before = {"attendee": row.id, "name": row.name, "origin": row.origin}
    await session.delete(row)
    await audit.record(
        session,
        user,
        audit.Action.FORUM_ATTENDEE_REMOVED,
        "forum",
        forum.join_code,
        before=before,
        ip=ip,
    )
    await session.commit()
    return True
