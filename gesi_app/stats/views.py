"""What the public statistics pages share: the built view of a request's filters, in its
language, from the app's caches (stats/cache.py, docs/statistics.md), and the filters'
options. Used by /stats and its CSV and audio (routes.py) and by the card
(infographic_routes.py)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from gesi_app.calendar import service as calendar
from gesi_app.i18n import easy, get_locale, gettext
from gesi_app.offload import run_blocking
from gesi_app.reports.deadlines import Deadlines
from gesi_app.stats import filters as stats_filters
from gesi_app.stats import service
from gesi_app.stats.cache import StatsCache
from gesi_app.stats.filters import Filters
from gesi_app.web.database import db
from gesi_app.web.state import state_of


def _unknown() -> dict[str, str]:
    return {
        "topic": gettext("No topic chosen"),
        "area": gettext("No area given"),
        "agency": gettext("Not sent to an agency yet"),
    }


async def statistics(
    request: Request, filters: Filters, options: service.Options
) -> service.Statistics:
    return (await built_view(request, filters, options)).stats


async def built_view(
    request: Request, filters: Filters, options: service.Options
) -> service.BuiltView:
    """The view ``filters`` name, built in the request's language: from ``BuiltViews`` when
    built at the database's statistics version (and with this calendar), else counted (or its
    counts taken from ``StatsCache``) and built in the worker pool."""
    state = state_of(request)
    locale, unknown = get_locale(), _unknown()
    deadlines = state.resource(Deadlines)
    async with db(request) as session:
        working = await calendar.load(session)  # a new calendar (holidays) builds anew

        async def built() -> service.BuiltView:
            raw = await service.gather(
                session, filters, state.settings.timezone, options.agencies,
                state.resource(StatsCache), state.resource(service.MonthCounts),
            )  # fmt: skip
            stats = await run_blocking(service.build, raw, working, deadlines, locale, unknown)
            return service.BuiltView(stats)

        # The words depend on the language and on easy read; the figures on the rest.
        view = (
            state.settings.timezone, tuple(stats_filters.query_of(filters).items()),
            locale, easy.active() is not None, working,
        )  # fmt: skip
        return await state.resource(service.BuiltViews).get(session, view, built)


async def filter_options(request: Request, session: AsyncSession) -> service.Options:
    return await service.cached_options(session, state_of(request).resource(service.FilterOptions))
