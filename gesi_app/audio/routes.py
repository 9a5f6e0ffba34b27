"""HTTP for audio prompts: ``/audio/{lang}/{key}.mp3``, immutable, made on first need.

Making a file (espeak-ng and lame) and reading one happen in the bounded worker pool
(``offload.run_blocking``), never on the event loop.

A URL names one prompt or a short run of prompts (keys joined by ``-``). An address that is
not one of our prompts is a 404, so this endpoint cannot be used to synthesise any text.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from gesi_app import i18n
from gesi_app.audio.answers import AnswerAudio, spoken_answer
from gesi_app.audio.dated import DatedAudio, NotADatedPrompt
from gesi_app.audio.service import KEY_LENGTH, MEDIA_TYPE, AudioService, NoEngine, NotAPrompt
from gesi_app.offload import run_blocking
from gesi_app.web.database import db
from gesi_app.web.numbers import parse_int
from gesi_app.web.state import state_of

IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
_NAME = re.compile(rf"^([0-9a-f]{{{KEY_LENGTH}}}(?:-[0-9a-f]{{{KEY_LENGTH}}})*)\.mp3$")
_ANSWER = re.compile(rf"^([0-9]{{1,12}})-([0-9a-f]{{{KEY_LENGTH}}})\.mp3$")
# A staff answer is meant for one reporter: browsers may keep it, shared caches may not.
PRIVATE = {"Cache-Control": "private, max-age=31536000, immutable"}


def _missing() -> Response:
    # A bare 404 with no page: the player shows nothing, and it is never cached.
    return Response(status_code=404, headers={"Cache-Control": "no-store"})


async def audio_file(request: Request) -> Response:
    service: AudioService = state_of(request).resource(AudioService)
    lang = request.path_params["lang"]
    match = _NAME.match(request.path_params["name"])
    if match is None:
        return _missing()
    keys = match.group(1).split("-")
    try:
        service.resolve(lang, keys)
        paths = [await run_blocking(service.ensure, lang, key) for key in keys]
    except (NotAPrompt, NoEngine):
        return _missing()
    if len(paths) == 1:
        return FileResponse(paths[0], media_type=MEDIA_TYPE, headers=IMMUTABLE)
    # MP3 is a run of frames, so prompts said one after another are their files joined.
    body = b"".join([await run_blocking(path.read_bytes) for path in paths])
    return Response(body, media_type=MEDIA_TYPE, headers=IMMUTABLE)


async def answer_file(request: Request) -> Response:
    match = _ANSWER.match(request.path_params["name"])
    if match is None:
        return _missing()
    async with db(request) as session:
        answer_id = parse_int(match.group(1))
        answer = None if answer_id is None else await spoken_answer(session, answer_id)
    service = state_of(request).resource(AnswerAudio)
    if answer is None or not service.matches(answer, match.group(2)):
        return _missing()
    try:
        path = await run_blocking(service.ensure, answer)
    except (NoEngine, OSError):
        return _missing()
    return FileResponse(path, media_type=MEDIA_TYPE, headers=PRIVATE)


async def dated_file(request: Request) -> Response:
    service = state_of(request).resource(DatedAudio)
    try:
        path = await run_blocking(
            service.ensure, request.path_params["lang"], request.path_params["name"]
        )
    except (NotADatedPrompt, NoEngine, OSError):
        return _missing()
    return FileResponse(path, media_type=MEDIA_TYPE, headers=IMMUTABLE)


def install(env: Environment, service: AudioService) -> None:
    """The ``audio_url(text)`` global: the prompt's address in the page's language, or None;
    ``dated_audio_url(msgid, days, day)``: a date sentence's address, or None."""

    def audio_url(text: object) -> str | None:
        return service.url(i18n.get_locale(), str(text or ""))

    env.globals["audio_url"] = audio_url
    # The service's days: a sentence's file exists only for the days this app's pages say.
    dated = DatedAudio(service.folder / "dated", deadlines=service.deadlines)
    env.globals["dated_audio_url"] = dated.url


routes = [
    # Before the prompts' route, which would otherwise take "answers" for a language.
    Route("/audio/answers/{name}", answer_file, methods=["GET", "HEAD"], name="answer_audio"),
    Route("/audio/dated/{lang}/{name}", dated_file, methods=["GET", "HEAD"], name="dated_audio"),
    Route("/audio/{lang}/{name}", audio_file, methods=["GET", "HEAD"], name="audio"),
]
