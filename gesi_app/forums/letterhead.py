"""The authority's letterhead (kop surat) on the minutes: name, address, contact, short code,
number pattern and logo, set once by an admin (audited).

The logo goes through the evidence checks: its type read from its bytes, size capped, every
piece of metadata removed by re-encoding, and stored durably under its content hash.
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import utcnow
from gesi_app.forums.document_models import DEFAULT_PATTERN, Letterhead
from gesi_app.offload import run_blocking
from gesi_app.reports import evidence, scrub

LOGO_MAX_BYTES = 2 * 1024 * 1024


class LogoRefused(ValueError):
    """The logo cannot be used; ``reason``: empty, large, type, pixels, broken."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class LetterheadData:
    authority: str
    address: str
    contact: str
    code: str
    pattern: str


@dataclass(frozen=True)
class Logo:
    key: str
    content_type: str


def check_logo(data: bytes) -> tuple[evidence.FileKind, bytes]:
    """The logo's kind and its bytes with no metadata left; raises LogoRefused. Blocking."""
    if not data:
        raise LogoRefused("empty")
    if len(data) > LOGO_MAX_BYTES:
        raise LogoRefused("large")
    kind = evidence.sniff(data)
    if kind is None or kind.kind != "photo":
        raise LogoRefused("type")
    try:
        return kind, evidence.strip_metadata(data, kind)
    except scrub.PhotoTooLarge:
        raise LogoRefused("pixels") from None
    except scrub.CannotOpen:
        raise LogoRefused("broken") from None


async def store_logo(uploads: Path, data: bytes) -> Logo:
    kind, clean = await run_blocking(check_logo, data)
    key = await evidence.store_durably(uploads, clean)
    return Logo(key, kind.content_type)


async def letterhead(session: AsyncSession) -> Letterhead | None:
    return await session.get(Letterhead, 1)


def current(head: Letterhead | None) -> LetterheadData:
    if head is None:
        return LetterheadData("", "", "", "", DEFAULT_PATTERN)
    return LetterheadData(head.authority, head.address, head.contact, head.code, head.pattern)


async def save_letterhead(
    session: AsyncSession,
    user: StaffUser,
    data: LetterheadData,
    *,
    logo: Logo | None = None,
    remove_logo: bool = False,
    ip: str | None = None,
) -> None:
    """Store the letterhead (and a new logo, or none), audited; committed."""
    head = await letterhead(session)
    before = {**asdict(current(head)), "logo": head.logo_key if head else None}
    if head is None:
        head = Letterhead(id=1)
        session.add(head)
    for name, value in asdict(data).items():
        setattr(head, name, value)
    if logo is not None:
        head.logo_key, head.logo_type = logo.key, logo.content_type
    elif remove_logo:
        head.logo_key = head.logo_type = None
    head.updated_at = utcnow()
    after = {**asdict(data), "logo": head.logo_key}
    await audit.record(
        session, user, audit.Action.LETTERHEAD_CHANGED, "letterhead", 1, before, after, ip
    )
    await session.commit()


def logo_data_uri(head: Letterhead | None, uploads: Path) -> str | None:
    """The logo inline (data: URI), so the PDF needs no request; None when there is none."""
    if head is None or not head.logo_key or not head.logo_type:
        return None
    path = uploads / head.logo_key
    if not path.is_file():
        return None
    return f"data:{head.logo_type};base64,{base64.b64encode(path.read_bytes()).decode()}"
