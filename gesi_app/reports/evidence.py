"""Evidence files: checked by their bytes (never by name or browser claim), capped in size,
stripped of every piece of metadata (reports.scrub), and stored durably under the data folder
by content hash. Checking, re-encoding, hashing and writing run off the event loop."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.i18n import gettext as _
from gesi_app.offload import run_blocking
from gesi_app.reports import scrub
from gesi_app.reports.models import Attachment

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
DESCRIPTION_MAX = 300


@dataclass(frozen=True)
class FileKind:
    kind: str  # photo | document
    content_type: str
    extension: str
    pillow_format: str = ""  # photos only


JPEG = FileKind("photo", "image/jpeg", "jpg", "JPEG")
PNG = FileKind("photo", "image/png", "png", "PNG")
WEBP = FileKind("photo", "image/webp", "webp", "WEBP")
PDF = FileKind("document", "application/pdf", "pdf")


class EvidenceError(ValueError):
    """A file or its description cannot be accepted; ``field`` names the form field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def sniff(data: bytes) -> FileKind | None:
    """The file's real type from its first bytes, or None when we do not accept it."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data.startswith(b"%PDF-"):
        return PDF
    return None


def strip_metadata(data: bytes, kind: FileKind) -> bytes:
    """The file with nothing identifying left in it (see reports.scrub): a photo upright and
    with no EXIF, XMP, IPTC, comment or ICC profile; a PDF with no Info or XMP. Blocking."""
    if kind is PDF:
        return scrub.strip_pdf(data)
    return scrub.strip_photo(data, kind.pillow_format)


def check_upload(filename: str, data: bytes, description: str) -> tuple[FileKind, bytes]:
    """Validate one upload; returns its kind and the bytes to store. Raises EvidenceError.

    Blocking and CPU-heavy (it decodes and writes the file again): async callers run it with
    offload.run_blocking."""
    if not data:
        raise EvidenceError("evidence_file", _("Choose a file to upload"))
    if len(data) > MAX_BYTES:
        raise EvidenceError("evidence_file", _("The file must be smaller than 10 MB"))
    kind = sniff(data)
    if kind is None:
        raise EvidenceError(
            "evidence_file", _("The file must be a photo (JPG, PNG or WebP) or a PDF")
        )
    if len(description) > DESCRIPTION_MAX:
        raise EvidenceError(
            "evidence_description",
            _("Write a description of %(max)s characters or fewer", max=DESCRIPTION_MAX),
        )
    if kind.kind == "photo" and not description:
        raise EvidenceError("evidence_description", _("Describe what the photo shows"))
    try:
        return kind, strip_metadata(data, kind)
    except scrub.PhotoTooLarge:
        raise EvidenceError(
            "evidence_file",
            _(
                "The photo is too large to open: it has more than %(max)s megapixels. "
                "Choose a smaller photo",
                max=scrub.MAX_PIXELS // 1_000_000,
            ),
        ) from None
    except scrub.PdfLocked:
        raise EvidenceError(
            "evidence_file", _("The PDF is locked with a password. Send it without a password")
        ) from None
    except scrub.CannotOpen:
        if kind is PDF:
            message = _("The PDF cannot be opened. Try another file")
        else:
            message = _("The photo cannot be opened. Try another file")
        raise EvidenceError("evidence_file", message) from None


def write_durably(directory: Path, name: str, data: bytes) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    if target.exists():
        return
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


async def store_durably(directory: Path, data: bytes) -> str:
    """Write the bytes under their SHA-256 (returned: the storage key), off the event loop."""
    digest = await run_blocking(lambda: hashlib.sha256(data).hexdigest())
    await run_blocking(write_durably, directory, digest, data)
    return digest


def _safe_name(filename: str, kind: FileKind) -> str:
    base = Path(filename.replace("\\", "/")).name.strip() or f"file.{kind.extension}"
    return base[:200]


EVIDENCE_KINDS = ("photo", "document")  # a voice message or video answers "What happened?"


async def draft_attachments(session: AsyncSession, draft_id: str) -> Sequence[Attachment]:
    """The draft's evidence files (its recording, if any, is not evidence)."""
    result = await session.scalars(
        select(Attachment)
        .where(Attachment.draft_id == draft_id, Attachment.kind.in_(EVIDENCE_KINDS))
        .order_by(Attachment.id)
    )
    return result.all()


async def add_to_draft(
    session: AsyncSession,
    uploads_dir: Path,
    draft_id: str,
    filename: str,
    data: bytes,
    description: str,
) -> Attachment:
    """Check and store one file for a draft; the file is on disk before the row is added."""
    count = await session.scalar(
        select(func.count())
        .select_from(Attachment)
        .where(Attachment.draft_id == draft_id, Attachment.kind.in_(EVIDENCE_KINDS))
    )
    if (count or 0) >= MAX_FILES:
        raise EvidenceError("evidence_file", _("You can add up to %(max)s files", max=MAX_FILES))
    kind, stored = await run_blocking(check_upload, filename, data, description.strip())
    digest = await store_durably(uploads_dir, stored)
    attachment = Attachment(
        draft_id=draft_id,
        kind=kind.kind,
        content_type=kind.content_type,
        filename=_safe_name(filename, kind),
        storage_key=digest,
        size=len(stored),
        sha256=digest,
        description=description.strip() or None,
    )
    session.add(attachment)
    await session.flush()
    return attachment


async def remove_from_draft(
    session: AsyncSession, uploads_dir: Path, draft_id: str, attachment_id: int
) -> bool:
    """Remove a draft's file; the stored bytes go too unless another attachment shares them."""
    attachment = await session.get(Attachment, attachment_id)
    if (
        attachment is None
        or attachment.draft_id != draft_id
        or attachment.kind not in EVIDENCE_KINDS
    ):
        return False
    await remove_attachment(session, uploads_dir, attachment)
    return True


async def remove_attachment(
    session: AsyncSession, uploads_dir: Path, attachment: Attachment
) -> None:
    """Delete the row; the stored bytes go too unless another attachment shares them."""
    key = attachment.storage_key
    await session.delete(attachment)
    await session.flush()
    others = await session.scalar(
        select(func.count()).select_from(Attachment).where(Attachment.storage_key == key)
    )
    if not others:
        (uploads_dir / key).unlink(missing_ok=True)
