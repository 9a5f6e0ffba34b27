"""/staff/stats and /staff/stats/export.csv: statistics for staff, within what each member may
see. The filters are those of /stats (period in months, type), read by the same parser."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, staff_page
from gesi_app.calendar import service as calendar
from gesi_app.casework.ratings import score_labels
from gesi_app.i18n import get_locale, gettext
from gesi_app.offload import run_blocking
from gesi_app.public.labels import TYPE_LABELS
from gesi_app.reports.deadlines import Deadlines
from gesi_app.stats import filters as stats_filters
from gesi_app.stats import labels, staff
from gesi_app.stats.filters import Filters
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

FIELDS = ("from", "to", "type")


def _parse(request: Request) -> stats_filters.Parsed:
    params = {name: request.query_params.get(name, "") for name in FIELDS}
    return stats_filters.parse(params, frozenset(), frozenset())


async def _statistics(request: Request, user: StaffUser, filters: Filters) -> staff.StaffStatistics:
    settings = state_of(request).settings
    today = clock.today(settings.timezone)
    async with db(request) as session:
        dialect = session.get_bind().dialect.name
        scope = staff.scope_for(user, filters, settings.timezone, dialect)
        raw = await staff.gather(session, scope, today, segments=staff.sees_segments(user))
        working = await calendar.load(session)
    deadlines = state_of(request).resource(Deadlines)
    return await run_blocking(
        staff.build, raw, working, deadlines.answer, today, get_locale(),
        gettext("Not sent to an agency yet"),
    )  # fmt: skip


def _context(parsed: stats_filters.Parsed) -> dict[str, Any]:
    return {
        "typed": parsed.typed,
        "errors": parsed.errors,
        "labels": labels,
        "stats": None,
        "type_choices": [Choice("", gettext("All types"))]
        + [Choice(t.value, str(label)) for t, label in TYPE_LABELS.items()],
    }


@staff_page(Permission.VIEW_QUEUE)
async def staff_stats(request: Request, user: StaffUser) -> Response:
    parsed = _parse(request)
    context = _context(parsed) | {"own_agency": staff.limited_to_agency(user)}
    if parsed.filters is None:
        return page(request, user, "stats/staff.html", context, status_code=400)
    query = stats_filters.query_of(parsed.filters)
    given = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    if given != list(query.items()):
        # One address per view, as /stats: the form sends its empty fields, in its own order.
        return RedirectResponse(_address(request, "staff_stats", query), status_code=303)
    export = str(request.app.url_path_for("staff_stats_csv"))
    context.update(
        stats=await _statistics(request, user, parsed.filters),
        scores=score_labels(),
        export_url=f"{export}?{urlencode(query)}" if query else export,
    )
    return page(request, user, "stats/staff.html", context)


def _address(request: Request, route: str, query: dict[str, str]) -> str:
    """The route's address with ``query`` (and the ``lang`` asked for, if any)."""
    lang = request.query_params.get("lang")
    params = {**query, **({"lang": lang} if lang else {})}
    path = request.app.url_path_for(route)
    return f"{path}?{urlencode(params)}" if params else str(path)


CSV_COLUMNS = (
    "agency", "agency_name", "received", "verified", "answered", "open", "overdue",
    "answer_median_working_days", "answer_p90_working_days", "answered_on_time_share",
)  # fmt: skip


@staff_page(Permission.VIEW_QUEUE)
async def staff_stats_csv(request: Request, user: StaffUser) -> Response:
    """The per-agency table of the page, with the same filters and the same scope."""
    parsed = _parse(request)
    if parsed.filters is None:
        context = _context(parsed) | {"own_agency": staff.limited_to_agency(user)}
        return page(request, user, "stats/staff.html", context, status_code=400)
    stats = await _statistics(request, user, parsed.filters)
    body = await run_blocking(_csv_text, stats)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="suara-staff-agencies.csv"',
            "Cache-Control": "no-store",
        },
    )


def _csv_text(stats: staff.StaffStatistics) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in stats.agencies:
        share = row.on_time_share
        writer.writerow([
            row.slug, row.name, row.received, row.verified, row.answered, row.open, row.overdue,
            "" if row.answer.median is None else f"{row.answer.median:g}",
            "" if row.answer.p90 is None else row.answer.p90,
            "" if share is None else f"{share:.3f}",
        ])  # fmt: skip
    return out.getvalue()


routes = [
    Route("/staff/stats", staff_stats, name="staff_stats"),
    Route("/staff/stats/export.csv", staff_stats_csv, name="staff_stats_csv"),
]
