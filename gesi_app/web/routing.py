"""The application class: Starlette, with route paths looked up once.

Starlette finds a route's path by walking the whole route table on every call, and a page
asks for several (links, form actions, the back link). Routes never change while the app
runs, so each app looks a path up once per name and parameters and keeps it.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import URLPath

_KEEP = 4096  # paths kept per app: routes times parameter values seen (tracking codes are many)


class Suara(Starlette):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._paths: dict[tuple[str, tuple[tuple[str, Any], ...]], URLPath] = {}

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        key = (name, tuple(sorted(path_params.items())))
        path = self._paths.get(key)
        if path is None:
            path = self.router.url_path_for(name, **path_params)
            if len(self._paths) >= _KEEP:
                self._paths.clear()  # bounded: the next pages fill it again
            self._paths[key] = path
        return path
