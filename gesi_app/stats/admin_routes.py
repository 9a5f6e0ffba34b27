"""Population figures for admins: list, add and change (audited), like the other settings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.backoffice.settings_pages import EditableSetting, form_pages, list_page
from gesi_app.i18n import gettext
from gesi_app.regions.models import Region
from gesi_app.stats import baselines
from gesi_app.stats.baseline_forms import NATIONAL, baseline_error_message, parse_baseline
from gesi_app.stats.models import PopulationBaseline
from gesi_app.web.forms import Choice


def _current(row: PopulationBaseline) -> dict[str, str]:
    whole, part = divmod(row.share_bp, 100)
    return {
        "area": row.region_code or NATIONAL,
        "segment": row.segment.value,
        "share": f"{whole},{part:02d}".rstrip("0").rstrip(","),
        "year": str(row.year),
        "source": row.source,
        "note": row.note,
    }


async def _areas(
    session: AsyncSession, user: StaffUser, row: PopulationBaseline | None
) -> dict[str, Any]:
    areas = await session.scalars(
        select(Region).where(Region.level.in_((2, 3))).order_by(Region.code)
    )
    choices = [Choice(NATIONAL, gettext("Whole country (national estimate)"))]
    choices += [Choice(r.code, f"{r.name} ({r.code})") for r in areas.all()]
    return {"area_choices": choices}


BASELINE = EditableSetting(
    form_template="stats/baseline_form.html",
    list_route="staff_baselines",
    saved_query="saved=1",
    context_key="baseline",
    id_param="baseline_id",
    get=baselines.get_baseline,
    add=baselines.add_baseline,
    change=baselines.change_baseline,
    parse=parse_baseline,
    error=baselines.BaselineError,
    error_message=baseline_error_message,
    not_found=baselines.BaselineNotFound,
    current=_current,
    more_context=_areas,
)
baseline_new, baseline_edit = form_pages(BASELINE)

routes = [
    Route(
        "/staff/population",
        list_page("stats/baselines.html", baselines.list_baselines),
        name="staff_baselines",
    ),
    Route(
        "/staff/population/new", baseline_new, methods=["GET", "POST"], name="staff_baseline_new"
    ),
    Route(
        "/staff/population/{baseline_id:int}",
        baseline_edit,
        methods=["GET", "POST"],
        name="staff_baseline",
    ),
]
