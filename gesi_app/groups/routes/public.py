"""The public directory of approved community groups, and one group's page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gesi_app.groups import service
from gesi_app.groups.labels import KIND_LABELS
from gesi_app.groups.models import GroupKind
from gesi_app.groups.reports import public_collective_reports
from gesi_app.i18n import gettext as _
from gesi_app.public.labels import STATUS_LABELS
from gesi_app.web.database import db
from gesi_app.web.forms import Choice, field_text
from gesi_app.web.templating import render


async def directory(request: Request) -> Response:
    """Approved groups, filtered by kind and area through a GET form (a stable, shareable
    address); an unknown value in the query shows every group of that filter."""
    kind_text = field_text(request.query_params, "kind")
    area = field_text(request.query_params, "area")
    kind = GroupKind(kind_text) if kind_text in {k.value for k in GroupKind} else None
    async with db(request) as session:
        kecamatan = await service.kecamatan_list(session)
        codes = {r.code for r in kecamatan}
        area_code = area if area in codes else None
        groups = await service.public_groups(session, kind, area_code)
    kinds = [Choice("", _("All kinds")), *(Choice(k.value, str(KIND_LABELS[k])) for k in GroupKind)]
    areas = [Choice("", _("All areas")), *(Choice(r.code, r.name) for r in kecamatan)]
    return render(
        request,
        "groups/list.html",
        {
            "groups": groups,
            "kind_choices": kinds,
            "area_choices": areas,
            "kind": kind.value if kind else "",
            "area": area_code or "",
            "filtered": kind is not None or area_code is not None,
            "kind_labels": KIND_LABELS,
            "shown_count": service.shown_count,
        },
    )


async def group_page(request: Request) -> Response:
    async with db(request) as session:
        group = await service.public_group(session, request.path_params["slug"])
        found = await public_collective_reports(session, request.path_params["slug"])
    if group is None:
        return render(request, "groups/not_found.html", status_code=404)
    return render(
        request,
        "groups/group.html",
        {
            "group": group,
            "kind_labels": KIND_LABELS,
            "shown_count": service.shown_count,
            "reports": found,
            "status_labels": STATUS_LABELS,
        },
    )


routes = [
    Route("/groups", directory, name="groups"),
    Route("/groups/{slug}", group_page, name="group"),
]
