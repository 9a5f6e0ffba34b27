"""/stats/card: the monthly summary card for social media (a page with the card, its alt text
and downloads), and the card itself as SVG and PNG. The numbers are those of /stats for the
month (reports sent in it); the month is chosen in a GET form, the last full month by default."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.i18n import get_locale, gettext
from gesi_app.offload import run_blocking
from gesi_app.stats import filters as stats_filters
from gesi_app.stats import infographic
from gesi_app.stats.filters import Filters
from gesi_app.stats.views import filter_options, statistics
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

LANGUAGES = (("id", "Bahasa Indonesia"), ("en", "English"))
# The browser may keep a card a short while only: the numbers change as reports come in.
CACHE = {"Cache-Control": "public, max-age=300"}


@dataclass(frozen=True)
class Chosen:
    month: tuple[int, int] | None  # None when the month typed is wrong
    typed: str
    error: str | None


def last_full_month(today: dt.date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def choose(params: Mapping[str, str], today: dt.date) -> Chosen:
    """The month in ``params`` (``month=2026-11``), the last full month when none is given; a
    month not yet begun is an error too (it has no reports)."""
    typed = params.get("month", "").strip()[: stats_filters.MAX_TYPED]
    if not typed:
        return Chosen(last_full_month(today), "", None)
    match = stats_filters.MONTH.match(typed)
    month = (int(match.group(1)), int(match.group(2))) if match else None
    if month is None or not (
        stats_filters.FIRST_YEAR <= month[0] <= stats_filters.LAST_YEAR and 1 <= month[1] <= 12
    ):
        return Chosen(
            None, typed, gettext("Enter the month as year and month, for example 2026-11")
        )
    if month > (today.year, today.month):
        return Chosen(None, typed, gettext("Choose this month or a month before it"))
    return Chosen(month, typed, None)


def _today(request: Request) -> dt.date:
    return clock.today(state_of(request).settings.timezone)


async def _card(request: Request, month: tuple[int, int]) -> infographic.Card:
    async with db(request) as session:
        options = await filter_options(request, session)
    stats = await statistics(request, Filters(start=month, end=month), options)
    return infographic.card(stats, month, get_locale())


def _images(request: Request) -> infographic.CardImages:
    return infographic.CardImages(state_of(request).settings.data_dir / "cards")


async def card_page(request: Request) -> Response:
    chosen = choose(request.query_params, _today(request))
    context: dict[str, object] = {
        "typed": {"month": chosen.typed},
        "errors": {"month": chosen.error} if chosen.error else {},
        "card": None,
    }
    if chosen.month is None:
        return render(request, "stats/card.html", context, status_code=400)
    item = await _card(request, chosen.month)
    month = item.month

    def address(route: str, lang: str) -> str:
        return f"{request.app.url_path_for(route)}?{urlencode({'month': month, 'lang': lang})}"

    context.update(
        card=item,
        month_name=infographic.month_name(chosen.month, get_locale()),
        image=address("stats_card_svg", get_locale()),
        downloads=[
            (code, name, address("stats_card_svg", code), address("stats_card_png", code))
            for code, name in LANGUAGES
        ],
    )
    return render(request, "stats/card.html", context)


def _download_name(item: infographic.Card, extension: str, kind: str = "attachment") -> str:
    return f'{kind}; filename="suara-{item.month}-{item.lang}.{extension}"'


async def card_svg(request: Request) -> Response:
    chosen = choose(request.query_params, _today(request))
    if chosen.month is None:
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    item = await _card(request, chosen.month)
    headers = {**CACHE, "Content-Disposition": _download_name(item, "svg", "inline")}
    return Response(infographic.svg(item), media_type="image/svg+xml", headers=headers)


async def card_png(request: Request) -> Response:
    chosen = choose(request.query_params, _today(request))
    if chosen.month is None:
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    item = await _card(request, chosen.month)
    try:
        path = await run_blocking(_images(request).png, item, infographic.svg(item))
    except OSError:  # cairo is missing on this machine (or the disk is full): no PNG now
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    return FileResponse(
        path,
        media_type="image/png",
        headers={**CACHE, "Content-Disposition": _download_name(item, "png")},
    )


routes = [
    Route("/stats/card", card_page, name="stats_card"),
    Route("/stats/card.svg", card_svg, methods=["GET", "HEAD"], name="stats_card_svg"),
    Route("/stats/card.png", card_png, methods=["GET", "HEAD"], name="stats_card_png"),
]
