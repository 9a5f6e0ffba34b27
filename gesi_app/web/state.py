"""The app's typed state: settings and shared resources, made once in ``create_app``.

Starlette's ``app.state`` is an untyped bag: every read of it is ``Any``, so mypy could not see
a misspelt setting. Everything the app shares lives instead in one frozen ``AppState``, stored
as one attribute and read through ``state_of(request)`` (or ``app_state(app)``), so every read
is typed. Nothing is added to it later: no resource is made on first request.

Services never take a Request: routes read what they need here and pass it on.

``web`` is the lowest floor, so it names no feature: what a feature shares (the audio
library, the deadline days) is one of ``resources``, read by its type:
``state_of(request).resource(Deadlines)`` is typed as ``Deadlines``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from starlette.applications import Starlette
from starlette.requests import HTTPConnection

if TYPE_CHECKING:  # types only: the features' modules import this one
    from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
    from starlette.templating import Jinja2Templates

    from gesi_app.limits.shared import SharedLimit
    from gesi_app.live.broker import Broker
    from gesi_app.passwords import Hasher
    from gesi_app.settings import Settings

_ATTRIBUTE = "suara"
T = TypeVar("T")


class Resources:
    """Shared objects of the features, one of each type, found by their type."""

    def __init__(self, items: Iterable[object] = ()) -> None:
        self._items: dict[type, object] = {}
        for item in items:
            if type(item) in self._items:
                raise ValueError(f"two resources of type {type(item).__name__}")
            self._items[type(item)] = item

    def get(self, kind: type[T]) -> T:
        """The resource of type ``kind`` (a KeyError names a resource create_app did not make)."""
        item = self._items[kind]
        assert isinstance(item, kind)  # stored under its own type
        return item


@dataclass(frozen=True)
class AppState:
    settings: Settings
    hasher: Hasher  # Argon2 for new staff passwords and reporter PINs, from the settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    templates: Jinja2Templates
    broker: Broker  # live pages: PostgreSQL LISTEN/NOTIFY, else this process only
    report_limiter: SharedLimit
    forum_limiter: SharedLimit
    track_failures: SharedLimit
    # The features' own (the deadline days, the audio library...): ``resource(Type)``.
    resources: Resources = field(default_factory=Resources)

    def resource(self, kind: type[T]) -> T:
        """The feature resource of type ``kind``, made in ``create_app``."""
        return self.resources.get(kind)


def install(app: Starlette, state: AppState) -> None:
    setattr(app.state, _ATTRIBUTE, state)


def app_state(app: Starlette) -> AppState:
    """The app's state (for the lifespan, commands and tests that hold the app)."""
    state: AppState = getattr(app.state, _ATTRIBUTE)
    return state


def state_of(request: HTTPConnection) -> AppState:
    """The state of the app serving this request."""
    return app_state(request.app)
