"""The app's typed state: settings and shared resources, made once in ``create_app``.

Starlette's ``app.state`` is an untyped bag: every read of it is ``Any``, so mypy could not see
a misspelt setting. Everything the app shares lives instead in one frozen ``AppState``, stored
as one attribute and read through ``state_of(request)`` (or ``app_state(app)``), so every read
is typed. Nothing is added to it later: no resource is made on first request.

Services never take a Request: routes read what they need here and pass it on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.requests import HTTPConnection

if TYPE_CHECKING:  # types only: the features' modules import this one
    from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
    from starlette.templating import Jinja2Templates

    from gesi_app.audio.answers import AnswerAudio
    from gesi_app.audio.dated import DatedAudio
    from gesi_app.audio.service import AudioService
    from gesi_app.limits.shared import SharedLimit
    from gesi_app.live.broker import Broker
    from gesi_app.passwords import Hasher
    from gesi_app.reports.deadlines import Deadlines
    from gesi_app.settings import Settings

_ATTRIBUTE = "suara"


@dataclass(frozen=True)
class AppState:
    settings: Settings
    deadlines: Deadlines  # working days to verify, answer and close, from the settings
    hasher: Hasher  # Argon2 for new staff passwords and reporter PINs, from the settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    templates: Jinja2Templates
    broker: Broker  # live pages: PostgreSQL LISTEN/NOTIFY, else this process only
    audio: AudioService
    answer_audio: AnswerAudio
    dated_audio: DatedAudio
    report_limiter: SharedLimit
    forum_limiter: SharedLimit
    track_failures: SharedLimit


def install(app: Starlette, state: AppState) -> None:
    setattr(app.state, _ATTRIBUTE, state)


def app_state(app: Starlette) -> AppState:
    """The app's state (for the lifespan, commands and tests that hold the app)."""
    state: AppState = getattr(app.state, _ATTRIBUTE)
    return state


def state_of(request: HTTPConnection) -> AppState:
    """The state of the app serving this request."""
    return app_state(request.app)
