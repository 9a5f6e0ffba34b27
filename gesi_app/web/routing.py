"""The application class: Starlette, with route paths looked up once.

Starlette finds a route's path by walking the whole route table on every call, and a page
asks for several (links, form actions, the back link). Routes never change while the app
runs, so each app looks a path up once per name and parameters and keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import URLPath
from starlette.middleware import Middleware
from starlette.types import ASGIApp

_KEEP = 4096  # paths kept per app: routes times parameter values seen (tracking codes are many)


class Suara(Starlette):
    # Set before the first request: wraps even Starlette's ServerErrorMiddleware.
    outermost: Sequence[Middleware] = ()

    def build_middleware_stack(self) -> ASGIApp:
        """``outermost`` wraps even Starlette's ServerErrorMiddleware, so 500 pages get it too."""
        app = super().build_middleware_stack()
        for cls, args, kwargs in reversed(self.outermost):
            app = cls(app, *args, **kwargs)
        return app

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        # Made on first use, so Starlette's constructor (and its typing) stays as it is.
        paths: dict[tuple[str, tuple[tuple[str, Any], ...]], URLPath]
        paths = self.__dict__.setdefault("_paths", {})
        key = (name, tuple(sorted(path_params.items())))
        path = paths.get(key)
        if path is None:
            path = self.router.url_path_for(name, **path_params)
            if len(paths) >= _KEEP:
                paths.clear()  # bounded: the next pages fill it again
            paths[key] = path
        return path
