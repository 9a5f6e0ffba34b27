"""/stats: public statistics with the participation gap, and /stats/gesi.csv, its aggregated
GESI tables. Both read the same filters; SQL counts on the database, then the CPU part
(disclosure control, working days, gaps) in the worker pool, off the event loop."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from gesi_app.audio.files import MEDIA_TYPE, NoEngine
from gesi_app.i18n import get_locale, gettext
from gesi_app.offload import run_blocking
from gesi_app.public.labels import TYPE_LABELS
from gesi_app.stats import filters as stats_filters
from gesi_app.stats import labels, service
from gesi_app.stats.listen import HeadlineAudio
from gesi_app.stats.views import built_view, filter_options, statistics
from gesi_app.web import downloads
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of
from gesi_app.web.templating import render


def _choices(options: service.Options) -> dict[str, Any]:
    locale = get_locale()
    kecamatan = [r for r in options.areas if r.level == 3]
    children: dict[str | None, list[Any]] = {}
    for area in options.areas:
        children.setdefault(area.parent_code, []).append(area)
    groups = []
    for k in kecamatan:
        villages = children.get(k.code, [])
        items = [Choice(k.code, gettext("All of %(area)s", area=k.name))]
        items += [Choice(d.code, d.name) for d in villages]
        groups.append((k.name, items))
    return {
        "area_groups": groups,
        "agency_choices": [Choice("", gettext("All agencies"))]
        + [Choice(a.slug, a.name(locale)) for a in options.agencies],
        "type_choices": [Choice("", gettext("All types"))]
        + [Choice(t.value, str(label)) for t, label in TYPE_LABELS.items()],
    }


def _context(parsed: stats_filters.Parsed, options: service.Options) -> dict[str, Any]:
    """The page's form as typed, with its errors; the numbers come once the filters are good."""
    return {
        "typed": parsed.typed,
        "errors": parsed.errors,
        "labels": labels,
        "stats": None,
        **_choices(options),
    }


async def stats_page(request: Request) -> Response:
    async with db(request) as session:
        options = await filter_options(request, session)
    parsed = stats_filters.parse(request.query_params, options.area_codes, options.agency_slugs)
    if parsed.filters is None:
        return render(request, "stats/index.html", _context(parsed, options), status_code=400)
    query = stats_filters.query_of(parsed.filters)
    given = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    if given != list(query.items()):
        # One address per view: the form also sends the fields left empty, in its own order.
        return RedirectResponse(_address(request, "stats", query), status_code=303)
    view = await built_view(request, parsed.filters, options)
    listen = None
    if _headline_audio(request).available():
        address = request.app.url_path_for("stats_listen")
        listen = f"{address}?{urlencode({**query, 'lang': get_locale()})}"
    body = view.pages.get(listen)
    if body is None:
        # With good filters the page's content (the form as the view fills it in, and the
        # figures) depends on the view alone: rendered once per view and statistics version,
        # it was most of a request's work.
        stats = view.stats
        context = {
            **_context(parsed, options),
            "request": request,  # for path_for
            "stats": stats,
            "filters": parsed.filters,
            "query": query,
            "headlines": [labels.headline(g, bool(stats.collective)) for g in stats.gesi.lines],
            "listen_url": listen,
        }
        template = state_of(request).templates.get_template("stats/_body.html")
        body = await run_blocking(template.render, context)
        view.pages[listen] = body
    # The page around it: the layout, with this request's preferences and token.
    context = {"errors": parsed.errors, "stats": view.stats, "body": Markup(body)}  # noqa: S704
    return render(request, "stats/index.html", context)


def _address(request: Request, route: str, query: dict[str, str]) -> str:
    """The route's address with ``query`` (and the ``lang`` asked for, if any)."""
    lang = request.query_params.get("lang")
    params = {**query, **({"lang": lang} if lang else {})}
    path = request.app.url_path_for(route)
    return f"{path}?{urlencode(params)}" if params else str(path)


def _headline_audio(request: Request) -> HeadlineAudio:
    return HeadlineAudio(state_of(request).settings.data_dir / "audio" / "stats")


def spoken_text(stats: service.Statistics) -> str:
    """What Listen says: the section's heading, then each group's headline sentence."""
    return " ".join(
        [
            gettext("Who is heard") + ".",
            *(labels.headline(line, bool(stats.collective)) for line in stats.gesi.lines),
        ]
    )


async def stats_listen(request: Request) -> Response:
    """The headline sentences of the view the filters name, spoken (espeak-ng)."""
    async with db(request) as session:
        options = await filter_options(request, session)
    parsed = stats_filters.parse(request.query_params, options.area_codes, options.agency_slugs)
    if parsed.filters is None:
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    stats = await statistics(request, parsed.filters, options)
    try:
        path = await run_blocking(_headline_audio(request).ensure, get_locale(), spoken_text(stats))
    except (NoEngine, OSError):
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    # The numbers change as reports come in: browsers may keep it a short while only.
    return FileResponse(
        path, media_type=MEDIA_TYPE, headers={"Cache-Control": "public, max-age=300"}
    )


CSV_COLUMNS = (
    "segment", "area_code", "area_name", "category", "reports",
)  # fmt: skip


async def gesi_csv(request: Request) -> Response:
    """The GESI tables by kecamatan, as on the page: "<5" for a small count, "hidden" for one
    hidden so that a small one cannot be worked out. Counts only, never a report."""
    async with db(request) as session:
        options = await filter_options(request, session)
    parsed = stats_filters.parse(request.query_params, options.area_codes, options.agency_slugs)
    if parsed.filters is None:
        # A person who followed a link with a wrong filter sees the form with its errors.
        return render(request, "stats/index.html", _context(parsed, options), status_code=400)
    if (too_many := await downloads.refused(request)) is not None:
        return too_many
    stats = await statistics(request, parsed.filters, options)
    body = await run_blocking(_csv_text, stats)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="suara-gesi.csv"'},
    )


def _csv_text(stats: service.Statistics) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for table in [*stats.gesi.tables, stats.gesi.difficulty]:
        for code, name, cells, total in table.rows:
            for category, value in zip(table.categories, cells, strict=True):
                writer.writerow([table.segment, code, name, category, _csv_count(value)])
            writer.writerow([table.segment, code, name, "total", _csv_count(total)])
        for category, value in zip(table.categories, table.totals, strict=True):
            writer.writerow([table.segment, "", "", category, _csv_count(value)])
        writer.writerow([table.segment, "", "", "total", _csv_count(table.grand)])
    return out.getvalue()


def _csv_count(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    return "<5" if getattr(value, "value", None) == "<5" else "hidden"


routes = [
    Route("/stats", stats_page, name="stats"),
    Route("/stats/gesi.csv", gesi_csv, name="stats_gesi_csv"),
    Route("/stats/listen.mp3", stats_listen, methods=["GET", "HEAD"], name="stats_listen"),
]
