"""Public reports: the filterable list, one report's page, and the support button."""

from __future__ import annotations

import contextlib
import re
import secrets

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.backoffice.web import current_staff
from gesi_app.i18n import get_locale
from gesi_app.public import forms, labels, service
from gesi_app.public.cosign_forms import cosign_state, parse_people
from gesi_app.reports import cosigns
from gesi_app.reports.collective import acting_group
from gesi_app.reports.service import ReportNotFound
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

SUPPORTER_COOKIE = "suara_supporter"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
VARY = {"Vary": "HX-Request"}
NOT_COUNTED = (service.SAME_REPORT_TODAY, service.TOO_MANY)


def _wants_fragment(request: Request) -> bool:
    # On a history miss htmx asks for the whole page again: give it the whole page.
    return (
        request.headers.get("HX-Request") == "true"
        and "HX-History-Restore-Request" not in request.headers
    )


async def reports(request: Request) -> Response:
    async with db(request) as session:
        options = await service.filter_options(session)
        filters = forms.parse_filters(request.query_params, options.topic_slugs, options.area_codes)
        found = await service.list_public_reports(session, filters)
    context = {
        "filters": filters,
        "found": found,
        "labels": labels,
        "previous_query": forms.query_of(filters, found.page - 1),
        "next_query": forms.query_of(filters, found.page + 1),
        "type_choices": forms.type_choices(),
        "status_choices": forms.status_choices(),
        "topic_groups": forms.topic_groups(options.topics, get_locale()),
        "area_choices": forms.area_choices(options.areas),
    }
    if _wants_fragment(request):
        return render(request, "public/_results.html", {**context, "announce": True}, headers=VARY)
    return render(request, "public/list.html", context, headers=VARY)


async def public_report(
    request: Request, errors: dict[str, str] | None = None, typed: dict[str, str] | None = None
) -> Response:
    user = await current_staff(request)
    token = request.cookies.get(SUPPORTER_COOKIE)
    async with db(request) as session:
        try:
            found = await service.public_report(session, request.path_params["code"])
        except ReportNotFound:
            raise HTTPException(404) from None
        supported = await service.supports(session, found.report, token)
        cosign = await cosign_state(session, found.report, user, token)
    not_counted = request.query_params.get("support")
    context = {
        "found": found,
        "report": found.report,
        "supported": supported,
        "labels": labels,
        "not_counted": not_counted if not_counted in NOT_COUNTED else None,
        "cosign": cosign,
        "errors": errors or {},
        "typed": typed or {},
    }
    return render(request, "public/report.html", context, status_code=400 if errors else 200)


async def cosign(request: Request) -> Response:
    """Co-sign as the signed-in representative's approved group (for a number of its
    members), or as a citizen (this browser, once)."""
    user = await current_staff(request)
    token = request.cookies.get(SUPPORTER_COOKIE, "")
    new_token = _TOKEN.match(token) is None
    if new_token:
        token = secrets.token_urlsafe(32)
    form = await request.form()
    async with db(request) as session:
        try:
            report = await service.published(session, request.path_params["code"])
        except ReportNotFound:
            raise HTTPException(404) from None
        code = report.tracking_code
        group = await acting_group(session, user)
        people = 1
        if group is not None:
            parsed = parse_people(form, group.total)
            if parsed.errors:
                return await public_report(request, parsed.errors, parsed.typed)
            people = parsed.people
        # Refused when already co-signed (a double click) or by the group that sent the
        # report (its page offers no form): the page shows how things stand.
        with contextlib.suppress(cosigns.CosignRefused):
            await cosigns.cosign(
                session,
                report,
                group=group,
                people=people,
                supporter=None if group else service.supporter_hash(token),
            )
    url = request.url_for("public_report", code=code)
    response = RedirectResponse(f"{url}#cosign", 303)
    if new_token and group is None:
        response.set_cookie(
            SUPPORTER_COOKIE,
            token,
            max_age=400 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=state_of(request).settings.https,
        )
    return response


async def support(request: Request) -> Response:
    token = request.cookies.get(SUPPORTER_COOKIE, "")
    new_token = _TOKEN.match(token) is None
    if new_token:
        token = secrets.token_urlsafe(32)
    async with db(request) as session:
        address = client_address(request)
        try:
            result = await service.support_report(
                session, request.path_params["code"], token, address
            )
        except ReportNotFound:
            raise HTTPException(404) from None
        except service.SupportNotCounted as refused:
            return _not_counted(request, refused)
    response: Response
    if _wants_fragment(request):
        response = render(
            request,
            "public/_support.html",
            {
                "code": result.code,
                "count": result.count,
                "supported": True,
                "labels": labels,
                "announce": labels.you_support(result.count),
            },
            headers=VARY,
        )
    else:
        response = RedirectResponse(
            request.url_for("public_report", code=result.code), 303, headers=VARY
        )
    if new_token:
        response.set_cookie(
            SUPPORTER_COOKIE,
            token,
            max_age=400 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=state_of(request).settings.https,
        )
    return response


def _not_counted(request: Request, refused: service.SupportNotCounted) -> Response:
    """The button stays, with why nothing was counted (200 for htmx, which swaps only 2xx)."""
    if _wants_fragment(request):
        context = {
            "code": refused.code,
            "count": refused.count,
            "supported": False,
            "labels": labels,
            "not_counted": refused.reason,
            "announce": labels.support_not_counted(refused.reason),
        }
        return render(request, "public/_support.html", context, headers=VARY)
    url = request.url_for("public_report", code=refused.code)
    return RedirectResponse(f"{url}?support={refused.reason}#support", 303, headers=VARY)


routes = [
    Route("/reports", reports, name="reports"),
    Route("/reports/{code}", public_report, name="public_report"),
    Route("/reports/{code}/support", support, methods=["POST"], name="public_report_support"),
    Route("/reports/{code}/cosign", cosign, methods=["POST"], name="public_report_cosign"),
]
