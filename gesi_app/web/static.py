"""Static files: compressed once (brotli and gzip), cached for a year when the URL carries a
content hash (``?v=...``), and the site icon at ``/favicon.ico``.

A text file (CSS, scripts, SVG) is compressed on its first request and kept in
memory, each encoding once per version of the file (its size and modification time), so the
52 KB htmx file goes out as about 16 KB of brotli without compressing it again per request.
Static answers vary by ``Accept-Encoding`` only: the language and cookies never change them
(``i18n.LocaleMiddleware`` leaves them out of its ``Vary``).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Final

import brotli  # type: ignore[import-untyped]  # brotli ships no type hints
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from gesi_app.web.compression import accepted

FAVICON = "img/favicon.ico"
IMMUTABLE: Final = "public, max-age=31536000, immutable"
AN_HOUR: Final = "public, max-age=3600"
# Text worth compressing; other images (the icon holds PNGs), audio and PDF are compressed
# already: brotli took 14 bytes off the 2,137 of the icon, gzip added 23.
COMPRESSIBLE: Final = frozenset({".css", ".js", ".svg", ".json", ".txt", ".map"})
ENCODINGS: Final = ("br", "gzip")  # in order of preference when the client takes both
SMALLEST: Final = 512  # bytes: a smaller file gains less than its headers cost


def compress(data: bytes, encoding: str) -> bytes:
    """Runs on the event loop, once a file and process: a middle quality keeps it to a few
    milliseconds for the 52 KB htmx file (brotli's best took about 100 ms for 7% less)."""
    if encoding == "br":
        return bytes(brotli.compress(data, quality=5))
    return gzip.compress(data, compresslevel=6, mtime=0)


class Compressed:
    """Compressed copies of files, made on first use; a changed file is compressed again."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], tuple[tuple[int, int], bytes]] = {}

    def get(self, path: str, stat: os.stat_result, encoding: str) -> bytes:
        version = (stat.st_mtime_ns, stat.st_size)
        kept = self._kept.get((path, encoding))
        if kept is None or kept[0] != version:
            body = compress(Path(path).read_bytes(), encoding)
            kept = (version, body)
            self._kept[(path, encoding)] = kept
        return kept[1]


def cache_control(scope: Scope) -> str:
    """A year, never revalidated, for a hashed URL (a new file gets a new URL); else an hour."""
    return IMMUTABLE if b"v=" in scope.get("query_string", b"") else AN_HOUR


def compressed_response(
    full_path: str, stat: os.stat_result, scope: Scope, kept: Compressed
) -> Response | None:
    """The file in the best encoding the request takes, or None to send it as it is."""
    headers = Headers(scope=scope)
    if (
        "range" in headers
        or stat.st_size < SMALLEST
        or Path(full_path).suffix.lower() not in COMPRESSIBLE
    ):
        return None
    encoding = accepted(headers.get("accept-encoding", ""), ENCODINGS)
    if encoding is None:
        return None
    plain = FileResponse(full_path, stat_result=stat)  # its type, ETag and Last-Modified
    etag = plain.headers["etag"].removesuffix('"') + f'-{encoding}"'
    out = {
        "content-type": plain.headers["content-type"],
        "etag": etag,
        "last-modified": plain.headers["last-modified"],
        "content-encoding": encoding,
        "vary": "Accept-Encoding",
        "cache-control": cache_control(scope),
    }
    wanted = [t.strip().removeprefix("W/") for t in headers.get("if-none-match", "").split(",")]
    if etag in wanted:
        del out["content-type"], out["content-encoding"]
        return Response(status_code=304, headers=out)
    return Response(kept.get(full_path, stat, encoding), headers=out)


class CachedStaticFiles(StaticFiles):
    def __init__(self, *, directory: Path) -> None:
        super().__init__(directory=directory)
        self.compressed = Compressed()

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = None
        if status_code == 200:
            response = compressed_response(str(full_path), stat_result, scope, self.compressed)
        if response is None:
            response = super().file_response(full_path, stat_result, scope, status_code)
            if Path(full_path).suffix.lower() in COMPRESSIBLE:
                response.headers["Vary"] = "Accept-Encoding"
        if response.status_code in (200, 304):
            response.headers["Cache-Control"] = cache_control(scope)
        return response


def favicon_route(static_dir: Path) -> Route:
    """``/favicon.ico``: the layouts link the icon by its hashed URL, yet a browser asks here
    too (for a PDF, a JSON answer, an error page); a day of caching, as its URL never changes.
    Sent as it is: the icon holds PNGs, which compression does not shrink."""
    path = static_dir / FAVICON

    async def favicon(request: Request) -> Response:
        return FileResponse(
            path,
            media_type="image/x-icon",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    return Route("/favicon.ico", favicon, methods=["GET", "HEAD"], name="favicon")
