"""Open data over HTTP: the per-report files (streamed), their dictionary and datapackage.json.

A bad filter answers 400 before any row is read, with one translated sentence a parameter: a
page, like every error of the site (a person followed a link), or ``{"errors": [...]}`` for a
client of the JSON file that accepts JSON. A script that asked for one agency must never
receive everyone's reports.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence

from anyio import CapacityLimiter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from gesi_app import clock
from gesi_app.i18n import get_locale
from gesi_app.offload import run_blocking
from gesi_app.opendata import columns, forms, package, service, writers
from gesi_app.opendata.forms import FilterError
from gesi_app.public.labels import STATUS_LABELS, TYPE_LABELS
from gesi_app.reports.deadlines import Deadlines
from gesi_app.web import downloads
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

CSV_FILE = "suara-laporan.csv"
# A whole file of a million reports is a minute or two of a core: at most this many are
# written at once in a process, and further downloads wait their turn (their first byte
# comes later) instead of sharing the cores with every page. One per process, like the
# worker pool it protects (gesi_app.offload).
AT_ONCE = 2
_writing = CapacityLimiter(AT_ONCE)


async def _where(request: Request) -> tuple[service.Where, list[FilterError]]:
    filters, errors = forms.parse(request.query_params)
    if errors:
        return [], errors
    state = state_of(request)
    async with state.sessions() as session:
        try:
            where = await service.conditions(session, filters, state.settings.timezone)
        except service.UnknownFilter as unknown:
            return [], [FilterError(unknown.parameter, forms.unknown(unknown.parameter))]
    return where, []


def _bad_filter(request: Request, errors: list[FilterError]) -> Response:
    """A page naming each parameter to change (what a person who followed a link sees)."""
    return render(request, "opendata/bad_filter.html", {"errors": errors}, status_code=400)


def _headers(request: Request) -> dict[str, str]:
    return {"Content-Language": get_locale()}


async def export_csv(request: Request) -> Response:
    where, errors = await _where(request)
    if errors:
        return _bad_filter(request, errors)
    if (too_many := await downloads.refused(request)) is not None:
        return too_many
    state = state_of(request)

    async def body() -> AsyncIterator[bytes]:
        async with _writing:
            yield writers.csv_header().encode()
            async for rows in service.batches(state.sessions, where, state.settings.timezone):
                yield (await run_blocking(writers.csv_rows, rows)).encode()

    headers = {
        **_headers(request),
        "Content-Disposition": f'attachment; filename="{CSV_FILE}"',
    }
    return StreamingResponse(body(), media_type="text/csv; charset=utf-8", headers=headers)


async def export_json(request: Request) -> Response:
    where, errors = await _where(request)
    if errors:
        if "application/json" in request.headers.get("accept", ""):
            content = {"errors": [{"parameter": e.parameter, "message": e.message} for e in errors]}
            return JSONResponse(content, status_code=400, headers=_headers(request))
        return _bad_filter(request, errors)
    if (too_many := await downloads.refused(request)) is not None:
        return too_many
    state = state_of(request)

    async def body() -> AsyncIterator[bytes]:
        async with _writing:
            yield b"[\n"
            first = True
            async for rows in service.batches(state.sessions, where, state.settings.timezone):
                yield (await run_blocking(_json_batch, rows, first)).encode()
                first = False
            yield b"\n]\n"

    return StreamingResponse(body(), media_type="application/json", headers=_headers(request))


def _json_batch(rows: Sequence[service.Row], first: bool) -> str:
    return writers.json_rows(rows, first=first)


def _urls(request: Request) -> dict[str, str]:
    """Absolute addresses from the configured public address, never from the Host header."""
    base = state_of(request).settings.base_url
    return {
        "csv_url": base + request.app.url_path_for("opendata_csv"),
        "json_url": base + request.app.url_path_for("opendata_json"),
        "dictionary_url": base + request.app.url_path_for("opendata_dictionary"),
        "package_url": base + request.app.url_path_for("opendata_package"),
        "site_url": base + "/",
    }


async def datapackage(request: Request) -> Response:
    urls = _urls(request)
    settings = state_of(request).settings
    content = package.datapackage(
        csv_url=urls["csv_url"],
        dictionary_url=urls["dictionary_url"],
        site_url=urls["site_url"],
        authority=settings.authority_name,
        now=clock.now(),
    )
    text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return Response(text, media_type="application/json", headers=_headers(request))


async def dictionary(request: Request) -> Response:
    context = {
        "columns": columns.COLUMNS,
        "type_labels": TYPE_LABELS,
        "status_labels": STATUS_LABELS,
        "licence": package.LICENCE,
        "csv_file": CSV_FILE,
        "answer_days": state_of(request).resource(Deadlines).answer,
        "urls": _urls(request),
    }
    return render(request, "opendata/data.html", context)


routes = [
    Route("/stats/export.csv", export_csv, name="opendata_csv"),
    Route("/stats/export.json", export_json, name="opendata_json"),
    Route("/stats/datapackage.json", datapackage, name="opendata_package"),
    Route("/stats/data", dictionary, name="opendata_dictionary"),
]
