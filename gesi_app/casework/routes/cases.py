"""HTTP for casework: the queue, a report's page, its evidence files and the action pages.

Routes only parse, call one service function and render; the rules are in ``queue``,
``casework`` and ``casework_actions``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, has_permission
from gesi_app.agencies.service import active_agencies
from gesi_app.audio.answers import AnswerAudio, SpokenAnswer
from gesi_app.backoffice import response_templates
from gesi_app.backoffice.web import forbidden, page, staff_page
from gesi_app.casework import casework, casework_actions, placeholders, queue, ratings, transcripts
from gesi_app.casework.casework import ActionDenied, CaseAction, ReportHidden
from gesi_app.casework.casework_forms import (
    parse_answer,
    parse_queue_filter,
    parse_reason,
    parse_verification,
)
from gesi_app.categories.models import Category
from gesi_app.i18n import get_locale, gettext
from gesi_app.public.labels import STATUS_LABELS, TYPE_LABELS
from gesi_app.public.service import filter_options
from gesi_app.reports.collective import sent_by_one
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Report, Status
from gesi_app.reports.workflow import IllegalTransition, ReasonRequired
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

NO_STORE = {"Cache-Control": "no-store"}


def _today(request: Request) -> Any:
    return clock.today(state_of(request).settings.timezone)


def _labels() -> dict[str, Any]:
    return {
        "status_labels": {s.value: str(label) for s, label in STATUS_LABELS.items()},
        "type_labels": {t.value: str(label) for t, label in TYPE_LABELS.items()},
        "score_labels": ratings.score_labels(),  # the reporter's rating of the answer
    }


def _not_found(request: Request, user: StaffUser) -> Response:
    return page(request, user, "staff/report_not_found.html", status_code=404)


def _illegal(request: Request, user: StaffUser, template: str, context: dict[str, Any]) -> Response:
    """The report's status does not allow this action (any more): say so; nothing changed."""
    status = STATUS_LABELS[context["report"].status]
    message = gettext(
        "This report is now: %(status)s. This cannot be done now, and nothing was changed.",
        status=str(status),
    )
    context.update(illegal=True, errors={"current-status": message})
    return page(request, user, template, context, status_code=409)


@staff_page(Permission.VIEW_QUEUE)
async def queue_page(request: Request, user: StaffUser) -> Response:
    locale = get_locale()
    async with db(request) as session:
        agencies = await active_agencies(session)
        options = await filter_options(session)
        where, kept, errors = parse_queue_filter(
            request.query_params,
            {a.id for a in agencies},
            options.topic_slugs,
            options.area_codes,
        )
        today = _today(request)
        result = None if errors else await queue.queue(session, user, where, today)
        rated = await ratings.ratings_of(
            session, [r.report.id for r in result.rows] if result else []
        )
    filters = {k: v for k, v in kept.items() if v}

    def page_url(number: int) -> str:
        return f"{request.url.path}?{urlencode({**filters, 'page': number})}"

    context = {
        "errors": errors,
        "kept": kept,
        "result": result,
        "ratings": rated,
        "filtered": where.active,
        "page_url": page_url,
        "all_statuses_url": f"{request.url.path}?{urlencode({**filters, 'status': 'all'})}",
        "status_choices": [Choice("", gettext("Open reports")), Choice("all", gettext("All"))]
        + [Choice(s.value, str(STATUS_LABELS[s])) for s in Status],
        "agency_choices": [Choice("", gettext("Any agency"))]
        + [Choice(str(a.id), a.name(locale)) for a in agencies],
        "topic_groups": [
            (
                g.parent.name(locale),
                [Choice(c.slug, c.name(locale)) for c in (g.parent, *g.children)],
            )
            for g in options.topics
        ],
        "area_choices": [Choice("", gettext("Any district"))]
        + [Choice(a.code, a.name) for a in options.areas],
        **_labels(),
    }
    return page(request, user, "staff/queue.html", context, status_code=400 if errors else 200)


@staff_page(Permission.VIEW_QUEUE)
async def report_page(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        try:
            report = await casework.open_report(session, user, request.path_params["code"])
        except ReportHidden:
            return _not_found(request, user)
        view = await casework.case_view(session, user, report, _today(request))
        rating = await ratings.rating_for(session, user, report)
        group = await sent_by_one(session, report)
    context = {
        "view": view,
        "rating": rating,
        "collective_info": group,
        "done": request.query_params.get("done", ""),
        "recording_kinds": transcripts.RECORDING_KINDS,  # files that get a transcript
        "can_issue_key": has_permission(user, Permission.VERIFY),  # a new PIN for the reporter
        **_labels(),
    }
    return page(request, user, "staff/report.html", context, headers=NO_STORE)


@staff_page(Permission.VIEW_QUEUE)
async def report_file(request: Request, user: StaffUser) -> Response:
    code, file_id = request.path_params["code"], request.path_params["file_id"]
    async with db(request) as session:
        try:
            attachment = await casework.attachment_of(session, user, code, file_id)
        except ReportHidden:
            return _not_found(request, user)
        path = state_of(request).settings.data_dir / "uploads" / attachment.storage_key
        if not path.is_file():
            return _not_found(request, user)
        await audit.record(
            session,
            user,
            Action.FILE_DOWNLOADED,
            "attachment",
            attachment.id,
            None,
            {"report": code},
            client_address(request),
        )
        await session.commit()
    return FileResponse(
        path,
        media_type=attachment.content_type,
        filename=attachment.filename,
        headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
    )


async def _verify_choices(session: AsyncSession) -> dict[str, Any]:
    locale = get_locale()
    agencies = await active_agencies(session)
    options = await filter_options(session)
    return {
        "agency_ids": {a.id for a in agencies},
        "category_ids": {c.id for g in options.topics for c in (g.parent, *g.children)},
        "agency_choices": [Choice("", gettext("Choose an agency"))]
        + [Choice(str(a.id), a.name(locale)) for a in agencies],
        "topic_groups": [
            (
                g.parent.name(locale),
                [Choice(str(c.id), c.name(locale)) for c in (g.parent, *g.children)],
            )
            for g in options.topics
        ],
        "topic_none": [Choice("", gettext("No topic"))],
    }


async def _suggested_agency(session: AsyncSession, report: Report) -> int | None:
    if report.agency_id is not None:
        return report.agency_id
    if report.category_id is None:
        return None
    return await session.scalar(select(Category.agency_id).where(Category.id == report.category_id))


async def _template_choices(session: AsyncSession) -> dict[str, Any]:
    """The answer form's active response templates, in the page's language."""
    locale = get_locale()
    rows = await response_templates.active_templates(session)
    choices = [Choice("", gettext("Choose a template"))]
    choices += [Choice(t.key, t.label(locale)) for t in rows]
    return {"templates": choices, "template_texts": {t.key: t.text(locale) for t in rows}}


def _action_endpoint(action: CaseAction, template: str) -> Any:
    permission = Permission.VIEW_QUEUE if action is CaseAction.ANSWER else Permission.VERIFY

    @staff_page(permission)
    async def endpoint(request: Request, user: StaffUser) -> Response:
        code = request.path_params["code"]
        settings = state_of(request).settings
        spoken: list[SpokenAnswer] = []
        async with db(request) as session:
            try:
                report = await casework.open_report(
                    session, user, code, for_update=request.method == "POST"
                )
            except ReportHidden:
                return _not_found(request, user)
            context: dict[str, Any] = {
                "report": report,
                "action": action.value,
                "errors": {},
                **_labels(),
            }
            if action is CaseAction.VERIFY:
                context.update(await _verify_choices(session))
                agency = await _suggested_agency(session, report)
                # The public words start as the reporter's own (or the ones checked before).
                context["kept"] = {
                    "agency": str(agency or ""),
                    "public_title": report.public_title or report.title,
                    "public_description": report.public_description or report.description,
                    "public_landmark": (
                        report.public_landmark
                        if report.published_at is not None
                        else report.landmark
                    )
                    or "",
                    "topic": str(report.category_id or ""),
                }
            elif action is CaseAction.ANSWER:
                context.update(await _template_choices(session), kept={})
            else:
                context["kept"] = {}
            try:
                casework.check(user, report, action)
            except ActionDenied:
                return forbidden(request, user)
            except IllegalTransition:
                return _illegal(request, user, template, context)
            if request.method == "GET":
                return page(request, user, template, context)
            form = await request.form()
            try:
                if action is CaseAction.VERIFY:
                    decision, kept, errors = parse_verification(
                        form,
                        context["agency_ids"],
                        context["category_ids"],
                        rahasia=report.rahasia,
                    )
                    context.update(kept=kept, errors=errors)
                    if decision is None:
                        return page(request, user, template, context, status_code=400)
                    await casework_actions.verify(
                        session,
                        user,
                        report,
                        decision,
                        ip=client_address(request),
                        timezone=settings.timezone,
                        deadlines=state_of(request).resource(Deadlines),
                    )
                elif action is CaseAction.ANSWER:
                    facts = await placeholders.facts_of(
                        session, report, get_locale(), _today(request), settings.timezone
                    )
                    parsed = parse_answer(form, context["template_texts"], facts)
                    context.update(kept=parsed.kept, errors=parsed.errors)
                    if parsed.text is None:
                        status = 400 if parsed.errors else 200
                        return page(request, user, template, context, status_code=status)
                    await casework_actions.answer(
                        session, user, report, parsed.text, ip=client_address(request)
                    )
                    await session.flush()
                    published = report.messages[-1]
                    spoken.append(SpokenAnswer(published.id, report.locale, published.body))
                else:
                    reason, kept, errors = parse_reason(form, action)
                    context.update(kept=kept, errors=errors)
                    if errors:
                        return page(request, user, template, context, status_code=400)
                    await casework_actions.move(
                        session, user, report, action, reason, ip=client_address(request)
                    )
            except (IllegalTransition, ReasonRequired):
                return _illegal(request, user, template, context)
            await session.commit()
        url = request.app.url_path_for("staff_report", code=report.tracking_code)
        response = RedirectResponse(f"{url}?done={action.value}", status_code=303)
        if spoken:  # the answer's audio, made after the response (gTTS, then espeak-ng)
            response.background = BackgroundTask(
                state_of(request).resource(AnswerAudio).prepare, spoken
            )
        return response

    endpoint.__name__ = f"report_{action.value}"
    return endpoint


routes = [
    Route("/staff/queue", queue_page, name="staff_queue"),
    Route("/staff/reports/{code:str}", report_page, name="staff_report"),
    Route("/staff/reports/{code:str}/files/{file_id:int}", report_file, name="staff_report_file"),
    Route(
        "/staff/reports/{code:str}/verify",
        _action_endpoint(CaseAction.VERIFY, "staff/report_verify.html"),
        methods=["GET", "POST"],
        name="staff_report_verify",
    ),
    Route(
        "/staff/reports/{code:str}/answer",
        _action_endpoint(CaseAction.ANSWER, "staff/report_answer.html"),
        methods=["GET", "POST"],
        name="staff_report_answer",
    ),
    *(
        Route(
            f"/staff/reports/{{code:str}}/{path}",
            _action_endpoint(action, "staff/report_move.html"),
            methods=["GET", "POST"],
            name=f"staff_report_{action.value}",
        )
        for action, path in (
            (CaseAction.HOLD, "hold"),
            (CaseAction.NOT_OURS, "not-ours"),
            (CaseAction.ARCHIVE, "archive"),
            (CaseAction.CLOSE, "close"),
        )
    ),
]
