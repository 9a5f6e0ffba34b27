"""Uploaded files, for every feature that takes one: where they are stored and how a body is
read without holding more than a cap in memory.

Plumbing, not a page: the report journey and the forums' voice pages both read uploads, and
neither should import the other's HTTP layer to do it.
"""

from __future__ import annotations

from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.requests import Request

from gesi_app.web.state import state_of


def uploads_dir(request: Request) -> Path:
    """The folder under the data folder where uploaded files are stored by content hash."""
    return Path(state_of(request).settings.data_dir) / "uploads"


async def read_limited(upload: UploadFile, limit: int) -> bytes | None:
    """The file's bytes, or None when it is larger than ``limit`` (reading stops there)."""
    chunks, size = [], 0
    while chunk := await upload.read(256 * 1024):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
