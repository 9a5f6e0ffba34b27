"""HTTP for attendance (head counts), the participation gauge, the minutes and their CSV, and
making an input a tracked report."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.agencies.service import active_agencies
from gesi_app.backoffice.web import page
from gesi_app.forums import attendance as att
from gesi_app.forums import outcomes as out
from gesi_app.forums.codes import spaced
from gesi_app.forums.forms import text
from gesi_app.forums.labels import SOURCE_LABELS, template_labels
from gesi_app.forums.minutes import (
    AlreadyReported,
    inputs_csv,
    make_report,
    merged_counts,
    report_codes,
    sections_of,
)
from gesi_app.forums.models import Forum
from gesi_app.forums.numbering import document_of
from gesi_app.forums.prioritising_minutes import prioritising_minutes
from gesi_app.forums.routes.staff import (
    RUN,
    agency_name,
    csv_download,
    forum_page,
)
from gesi_app.forums.service import forum_by_code
from gesi_app.forums.voice import minutes_inputs
from gesi_app.i18n import get_locale, gettext
from gesi_app.reports.deadlines import Deadlines
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.numbers import parse_int
from gesi_app.web.state import state_of

COUNT_FIELDS = ("total", "women", "youth", "disability")
COUNT_MAX = 100_000


def parse_counts(form: dict[str, str]) -> tuple[att.Counts | None, dict[str, str]]:
    errors: dict[str, str] = {}
    numbers: dict[str, int] = {}
    for name in COUNT_FIELDS:
        value = form[name].replace(".", "").replace(" ", "")
        if not value and name != "total":
            numbers[name] = 0
        elif (number := parse_int(value, maximum=COUNT_MAX)) is None:
            errors[name] = (
                gettext("Enter how many people came, as a number")
                if name == "total"
                else gettext("Enter a number, or leave it empty for 0")
            )
        else:
            numbers[name] = number
    if not errors:
        for name in COUNT_FIELDS[1:]:
            if numbers[name] > numbers["total"]:
                errors[name] = gettext("This cannot be more than the number of people who came")
    if errors:
        return None, errors
    return att.Counts(**numbers), {}


async def _attendance_page(
    request: Request, user: StaffUser, forum: Forum, *, status_code: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        signed_in = await att.sign_ins(session, forum)
        gauge = await att.gauge(session, forum)
    head = att.head_count(forum)
    kept = {n: "" if head is None else str(getattr(head, n)) for n in COUNT_FIELDS}
    context = {
        "forum": forum,
        "signed_in": signed_in,
        "head": head,
        "gauge": gauge,
        "kept": kept,
        "errors": {},
        "saved": request.query_params.get("saved") == "1",
        "suppress_below": att.SUPPRESS_BELOW,
        **template_labels(),
        **extra,
    }
    return page(request, user, "forums/staff_attendance.html", context, status_code=status_code)


@forum_page(RUN)
async def attendance(request: Request, user: StaffUser, forum: Forum) -> Response:
    if request.method == "GET":
        return await _attendance_page(request, user, forum)
    form = await request.form()
    kept = {name: text(form, name) for name in COUNT_FIELDS}
    counts, errors = parse_counts(kept)
    if counts is None:
        return await _attendance_page(
            request, user, forum, status_code=400, errors=errors, kept=kept
        )
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        await att.set_head_count(session, user, forum, counts, ip=client_address(request))
    url = request.app.url_path_for("staff_forum_attendance", code=forum.join_code)
    return RedirectResponse(f"{url}?saved=1", status_code=303)


async def minutes_context(request: Request, forum: Forum) -> dict[str, Any]:
    """Everything the minutes show, for the page and its PDF alike."""
    async with db(request) as session:
        everything = await minutes_inputs(session, forum)
        parts = sections_of(forum, everything)
        codes = await report_codes(session, forum)
        merged = merged_counts(everything)
        present = await att.attendance(session, forum)
        gauge = await att.gauge(session, forum)
        themes = await out.theme_sections(session, forum, everything)
        points = await out.agreed_points(session, forum)
        plan = await out.follow_ups(session, forum)
        plan_codes = await out.follow_up_codes(session, forum)
        agencies = await active_agencies(session)
        owner = await session.get(StaffUser, forum.created_by) if forum.created_by else None
        prioritised = await prioritising_minutes(session, forum)
    locale = get_locale()
    agency = await agency_name(request, forum)
    numbers = {
        i.id: f"{n}.{m}"
        for n, part in enumerate(parts, start=1)
        for m, i in enumerate(part.inputs, start=1)
    }
    agency_role = gettext("Agency representative")
    follow_up_path = request.app.url_path_for("forum_follow_up", code=forum.join_code)
    return {
        "forum": forum,
        "follow_up_url": str(request.base_url).rstrip("/") + follow_up_path,
        "spaced_code": spaced(forum.join_code),
        "agency": agency,
        "sections": parts,
        "codes": codes,
        "merged": merged,
        "input_total": len(numbers),
        "merged_total": sum(merged.values()),
        "numbers": numbers,
        "themes": themes if any(t.theme for t in themes) else [],
        "points": points,
        "plan": plan,
        "plan_codes": plan_codes,
        "agency_names": {a.id: a.name(locale) for a in agencies},
        "signers": [
            (gettext("Facilitator"), owner.full_name if owner else None),
            (f"{agency_role} ({agency})" if agency else agency_role, None),
            (gettext("Community representative"), None),
        ],
        "present": present,
        "gauge": gauge,
        "counted": forum.count_total is not None,
        "suppress_below": att.SUPPRESS_BELOW,
        "pdf": False,
        **prioritised,
        **template_labels(),
    }


@forum_page(RUN)
async def minutes(request: Request, user: StaffUser, forum: Forum) -> Response:
    context = await minutes_context(request, forum)
    context["reported"] = request.query_params.get("reported")
    async with db(request) as session:
        document = await document_of(session, forum)
    context["document_number"] = document.number if document else None
    context["close_notice"] = request.query_params.get("close")
    return page(request, user, "forums/staff_minutes.html", context)


@forum_page(RUN)
async def minutes_csv(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        parts = sections_of(forum, await minutes_inputs(session, forum))
        codes = await report_codes(session, forum)
    headers = [
        gettext("Number"),
        gettext("Agenda item"),
        gettext("Time"),
        gettext("Input"),
        gettext("Written by"),
        gettext("Tracking code"),
    ]
    sources = {k: str(v) for k, v in SOURCE_LABELS.items()}
    body = inputs_csv(forum, parts, codes, headers, sources, state_of(request).settings.timezone)
    return csv_download(body, f"forum-{forum.join_code}-inputs.csv")


@forum_page(RUN)
async def input_to_report(request: Request, user: StaffUser, forum: Forum) -> Response:
    url = str(request.app.url_path_for("staff_forum_minutes", code=forum.join_code))
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        try:
            report = await make_report(
                session,
                user,
                forum,
                request.path_params["input_id"],
                locale=get_locale(),
                timezone=state_of(request).settings.timezone,
                deadlines=state_of(request).resource(Deadlines),
                hasher=state_of(request).hasher,
                ip=client_address(request),
            )
        except AlreadyReported as done:
            return RedirectResponse(f"{url}?reported={done.code}", status_code=303)
        except LookupError:
            return page(request, user, "forums/staff_not_found.html", status_code=404)
    return RedirectResponse(f"{url}?reported={report.tracking_code}", status_code=303)


routes = [
    Route(
        "/staff/forums/{code:str}/attendance",
        attendance,
        methods=["GET", "POST"],
        name="staff_forum_attendance",
    ),
    Route("/staff/forums/{code:str}/minutes", minutes, name="staff_forum_minutes"),
    Route("/staff/forums/{code:str}/minutes.csv", minutes_csv, name="staff_forum_minutes_csv"),
    Route(
        "/staff/forums/{code:str}/inputs/{input_id:int}/report",
        input_to_report,
        methods=["POST"],
        name="staff_forum_input_report",
    ),
]
