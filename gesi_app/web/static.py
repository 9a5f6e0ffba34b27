"""Static files with long-lived caching when the URL carries a content hash (?v=...), and the
site icon at ``/favicon.ico``, where browsers and feed readers look for it."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

FAVICON = "img/favicon.ico"


class CachedStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200 and b"v=" in scope.get("query_string", b""):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        else:
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response


def favicon_route(static_dir: Path) -> Route:
    """``/favicon.ico``: the layouts link the icon by its hashed URL, yet a browser asks here
    too (for a PDF, a JSON answer, an error page); a day of caching, as its URL never changes."""
    path = static_dir / FAVICON

    async def favicon(request: Request) -> Response:
        return FileResponse(
            path,
            media_type="image/x-icon",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    return Route("/favicon.ico", favicon, methods=["GET", "HEAD"], name="favicon")
