"""HTTP for audio prompts: ``/audio/{lang}/{key}.mp3``, immutable, made on first need.

Making a file (espeak-ng and lame) and reading one happen in the bounded worker pool
(``offload.run_blocking``), never on the event loop.

A URL names one prompt or a run of prompts (keys joined by ``-``): a text said in a few
prompts, or a whole page ("Listen to this page"), topic names among them (audio/names.py).
An address that is not one of our prompts or a topic's current name is a 404, so this
endpoint cannot be used to synthesise any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from jinja2 import Environment, Undefined
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from gesi_app import i18n
from gesi_app.audio.answers import AnswerAudio, spoken_answer
from gesi_app.audio.dated import DatedAudio, NotADatedPrompt
from gesi_app.audio.files import EXTENSION
from gesi_app.audio.names import NotAName
from gesi_app.audio.service import (
    KEY_LENGTH,
    MAX_PAGE_PARTS,
    MEDIA_TYPE,
    AudioService,
    NoEngine,
    NotAPrompt,
)
from gesi_app.offload import run_blocking
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.numbers import parse_int
from gesi_app.web.state import state_of

IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
_PART = rf"(?:[0-9a-f]{{{KEY_LENGTH}}}|t[0-9]{{1,9}}_[0-9a-f]{{{KEY_LENGTH}}})"
_NAME = re.compile(rf"^({_PART}(?:-{_PART})*)\.mp3$")
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
    parts = match.group(1).split("-")
    if len(parts) > MAX_PAGE_PARTS:
        return _missing()
    keys = [part for part in parts if not part.startswith("t")]
    names = [part for part in parts if part.startswith("t")]
    try:
        if keys:
            service.resolve(lang, keys)
        spoken: dict[str, str] = {}
        if names:
            async with db(request) as session:
                said = await service.names.current_names(session, lang, names)
            spoken = dict(zip(names, said, strict=True))
        paths = []
        for part in parts:
            if part in spoken:
                paths.append(await run_blocking(service.names.ensure, lang, spoken[part]))
            else:
                paths.append(await run_blocking(service.ensure, lang, part))
    except (NotAPrompt, NotAName, NoEngine):
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
    """Template globals, in the page's language: ``audio_url(text, name_ref=None)``, a text's
    address or None (a topic name when ``name_ref`` names its row); ``page_audio_url(items)``,
    the address of a page's texts said in order (strings, Choices and lists of them, None
    skipped); ``dated_audio_url(msgid, days, day)``, a date sentence's address or None."""

    def audio_url(text: object, name_ref: str | None = None) -> str | None:
        lang = i18n.get_locale()
        if name_ref is None:
            return service.url(lang, str(text or ""))
        parts = service.parts(lang, str(text or ""), name_ref)
        return f"/audio/{lang}/{parts[0]}.{EXTENSION}" if parts else None

    def page_audio_url(*items: object) -> str | None:
        return service.page_url(i18n.get_locale(), list(_spoken_items(items)))

    env.globals["audio_url"] = audio_url
    env.globals["page_audio_url"] = page_audio_url
    # The service's days: a sentence's file exists only for the days this app's pages say.
    dated = DatedAudio(service.folder / "dated", deadlines=service.deadlines)
    env.globals["dated_audio_url"] = dated.url


def _spoken_items(items: object) -> Iterator[tuple[str, str | None]]:
    """(text, name_ref) of each text in ``items`` in reading order: a Choice gives the line
    before it, its label and its hint."""
    if items is None or isinstance(items, Undefined):
        return
    if isinstance(items, Choice):
        yield from _spoken_items(items.divider)
        yield items.label, items.name_ref
        yield from _spoken_items(items.hint)
    elif isinstance(items, str):
        if items:
            yield items, None
    elif isinstance(items, Iterable):
        for item in items:
            yield from _spoken_items(item)
    else:
        yield str(items), None


routes = [
    # Before the prompts' route, which would otherwise take "answers" for a language.
    Route("/audio/answers/{name}", answer_file, methods=["GET", "HEAD"], name="answer_audio"),
    Route("/audio/dated/{lang}/{name}", dated_file, methods=["GET", "HEAD"], name="dated_audio"),
    Route("/audio/{lang}/{name}", audio_file, methods=["GET", "HEAD"], name="audio"),
]
