"""The report journey over HTTP: one question per page, check your answers, confirmation.

Handlers parse, call the journey rules and render; every rule lives in journey.py,
forms.py and drafting.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.backoffice.web import current_staff
from gesi_app.i18n import get_locale
from gesi_app.i18n import gettext as _
from gesi_app.reports import codes, collective, draft_store, drafting, journey, receipts
from gesi_app.reports.collective_forms import COLLECTIVE_PARSERS, COUNTS
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.evidence import draft_attachments
from gesi_app.reports.forms import DETAILS_MAX, PARSERS
from gesi_app.reports.models import Draft
from gesi_app.reports.questions import QUESTIONS
from gesi_app.reports.routes.details import details_action, details_context
from gesi_app.reports.routes.evidence import evidence_action, evidence_context
from gesi_app.reports.summary import summary_rows
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

TEMPLATES = {
    "when": "report/when.html",
    "contact": "report/contact.html",
    "evidence": "report/evidence.html",
    "details": "report/details.html",
    "on-behalf-count": "report/on_behalf_count.html",
}
PARSE = {**PARSERS, **COLLECTIVE_PARSERS}


async def _answers(request: Request, session: AsyncSession, draft: Draft | None) -> dict[str, Any]:
    """The draft's answers with the group a signed-in representative acts for, if any: only
    then do the collective questions apply (so a form posted by anyone else is refused)."""
    group = await collective.acting_group(session, await current_staff(request))
    return collective.with_group(draft.answers if draft else {}, group)


def _step_url(request: Request, slug: str, returning: bool = False) -> str:
    url = str(request.app.url_path_for("report_step", step=slug))
    return f"{url}?{urlencode({'return': 'check'})}" if returning else url


def _today(request: Request) -> dt.date:
    return clock.today(state_of(request).settings.timezone)


def _set_draft_cookie(request: Request, response: Response, draft: Draft) -> None:
    response.set_cookie(
        draft_store.DRAFT_COOKIE,
        draft.id,
        max_age=int(draft_store.KEEP_FOR.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=state_of(request).settings.https,
        path="/report",
    )


def _group_only(answers: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if k == journey.AS_GROUP}


async def start(request: Request) -> Response:
    return render(request, "report/start.html", {"first_step": _step_url(request, "type")})


async def _page(
    request: Request,
    session: AsyncSession,
    slug: str,
    answers: dict[str, Any],
    *,
    draft: Draft | None = None,
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
) -> Response:
    returning = request.query_params.get("return") == "check"
    question = QUESTIONS[slug]
    offer = await drafting.offer(session, slug, answers, get_locale(), _today(request))
    previous = journey.previous_step(answers, slug)
    if returning:
        back = str(request.app.url_path_for("report_check"))
    elif previous:
        back = _step_url(request, previous)
    else:
        back = str(request.app.url_path_for("report_start"))
    values = {**answers, **(typed or {})}
    if slug == "on-behalf-count" and not typed:  # 0 is an answer, shown as "0"
        values.update({k: str(v) for k in COUNTS if (v := answers.get(k)) is not None})
    if slug == "when" and answers.get("occurred_on") and not typed:
        day = dt.date.fromisoformat(answers["occurred_on"])
        values.update(when_day=str(day.day), when_month=str(day.month), when_year=str(day.year))
    label, hint = str(question.label), str(question.hint) if question.hint else None
    group = answers.get(journey.AS_GROUP)
    if slug == "on-behalf" and group:
        hint = _("Your group: %(group)s.", group=group["name"]) + f" {hint}"
    context: dict[str, Any] = {
        "slug": slug,
        "question": question,
        "label": label,
        "hint": hint,
        "choices": offer.choices,
        "values": values,
        "errors": errors or {},
        "back_url": back,
        "action": _step_url(request, slug, returning),
        "details_max": DETAILS_MAX,
        "anonymous": answers.get("anonim") == "yes",
        "group": group,
    }
    if slug == "evidence":
        context.update(await evidence_context(session, draft))
    if slug == "details":
        context.update(await details_context(session, draft))
    template = TEMPLATES.get(slug, "report/question.html")
    return render(request, template, context, status_code=400 if errors else 200)


async def step(request: Request) -> Response:
    slug = request.path_params["step"]
    if slug not in journey.BY_SLUG:
        raise HTTPException(404)
    async with db(request) as session:
        draft = await draft_store.load_draft(session, request.cookies.get(draft_store.DRAFT_COOKIE))
        answers = await _answers(request, session, draft)
        if request.method == "GET":
            if not journey.may_visit(answers, slug):
                return RedirectResponse(_step_url(request, journey.resume_at(answers)), 303)
            return await _page(request, session, slug, answers, draft=draft)
        if not journey.may_visit(answers, slug):
            return RedirectResponse(_step_url(request, journey.resume_at(answers)), 303)
        if slug == "evidence":
            draft = draft or await draft_store.start_draft(session)
            outcome = await evidence_action(request, session, draft)
            if outcome.action == "error":
                await session.commit()  # keeps a new draft; the failed file stored nothing
                response = await _page(
                    request,
                    session,
                    slug,
                    answers,
                    draft=draft,
                    errors=outcome.errors,
                    typed=outcome.typed,
                )
                _set_draft_cookie(request, response, draft)
                return response
            if outcome.action == "stay":  # a file added or removed: show the list again
                draft_store.update_answers(draft, {})
                await session.commit()
                response = RedirectResponse(
                    _step_url(request, slug, request.query_params.get("return") == "check"), 303
                )
                _set_draft_cookie(request, response, draft)
                return response
            parsed_answers: dict[str, Any] = {journey.seen_key("evidence"): True}
        elif slug == "details":
            draft = draft or await draft_store.start_draft(session)
            told = await details_action(request, session, draft, answers)
            if told.action == "error":  # a refused recording stored nothing
                return await _page(
                    request,
                    session,
                    slug,
                    answers,
                    draft=draft,
                    errors=told.errors,
                    typed=told.typed,
                )
            if told.action == "stay":  # the recording was removed: show the question again
                draft_store.update_answers(draft, told.answers)
                await session.commit()
                return RedirectResponse(
                    _step_url(request, slug, request.query_params.get("return") == "check"), 303
                )
            parsed_answers = told.answers
        else:
            form = await request.form()
            offer = await drafting.offer(session, slug, answers, get_locale(), _today(request))
            parsed = PARSE[slug](form, offer.options)
            if parsed.errors:
                return await _page(
                    request,
                    session,
                    slug,
                    answers,
                    draft=draft,
                    errors=parsed.errors,
                    typed=parsed.typed,
                )
            parsed_answers = parsed.answers
        draft = draft or await draft_store.start_draft(session)
        draft_store.update_answers(draft, journey.changes_for(slug, answers, parsed_answers))
        merged = journey.without_stale({**draft.answers, **_group_only(answers)})
        draft.answers = collective.with_group(merged, None)  # the group is never stored
        await session.commit()
        returning = request.query_params.get("return") == "check"
        target = journey.next_step(merged, slug, returning)
        url = (
            str(request.app.url_path_for("report_check"))
            if target == "check"
            else _step_url(request, target, returning)
        )
        response = RedirectResponse(url, 303)
        _set_draft_cookie(request, response, draft)
        return response


async def check(request: Request) -> Response:
    settings = state_of(request).settings
    if request.method == "POST":
        # Counted atomically in the database before the session opens: every try at sending
        # counts, so a flood is refused across every app process.
        client = client_address(request)
        if not await state_of(request).report_limiter.take(client):
            raise HTTPException(429)
    async with db(request) as session:
        draft = await draft_store.load_draft(session, request.cookies.get(draft_store.DRAFT_COOKIE))
        answers = await _answers(request, session, draft)
        missing = journey.first_unanswered(answers)
        if draft is None or missing is not None:
            return RedirectResponse(_step_url(request, journey.resume_at(answers)), 303)
        errors: dict[str, str] = {}
        if request.method == "POST":
            form = await request.form()
            if drafting.looks_automated(
                str(form.get("website", "")), draft, settings.min_fill_seconds
            ):
                errors["submit"] = _(
                    "We could not send your report yet. "
                    "Check your answers, then press Send report again."
                )
            else:
                try:
                    submitted = await drafting.submit_draft(
                        session,
                        draft.id,
                        answers,
                        locale=get_locale(),
                        timezone=settings.timezone,
                        deadlines=state_of(request).resource(Deadlines),
                        hasher=state_of(request).hasher,
                    )
                except drafting.DraftIncomplete as incomplete:
                    return RedirectResponse(_step_url(request, incomplete.slug, True), 303)
                report = submitted.report
                # The PIN waits on the server for the one confirmation page that shows it;
                # the session (a signed, readable cookie) holds only the receipt's id.
                receipt = await receipts.issue(session, report, submitted.pin)
                await session.delete(draft)
                await session.commit()
                request.session["submitted"] = {
                    "code": report.tracking_code,
                    "receipt": receipt,
                    "verify_due": report.verify_due.isoformat() if report.verify_due else None,
                    "type": report.type.value,
                    "rahasia": report.rahasia,
                }
                response = RedirectResponse(str(request.app.url_path_for("report_done")), 303)
                response.delete_cookie(draft_store.DRAFT_COOKIE, path="/report")
                return response
        evidence_names = await _evidence_names(session, draft)
        rows = await summary_rows(session, answers, get_locale(), evidence_names)
        return render(
            request,
            "report/check.html",
            {
                "rows": rows,
                "errors": errors,
                "back_url": _step_url(request, journey.previous_step(answers, "check") or "type"),
            },
            status_code=400 if errors else 200,
        )


async def _evidence_names(session: AsyncSession, draft: Draft) -> list[str]:
    return [a.filename for a in await draft_attachments(session, draft.id)]


async def done(request: Request) -> Response:
    """The confirmation page: the code, and the PIN once (its receipt is used up here).

    Shown again (a reload), it has the code but not the PIN: after the first view the PIN
    is only in the reporter's hands (and in the message sent to their contact, if any).
    """
    submitted = request.session.get("submitted")
    if not submitted:
        return RedirectResponse(str(request.app.url_path_for("report_start")), 303)
    pin = None
    if submitted.get("receipt"):
        async with db(request) as session:
            pin = await receipts.redeem(session, submitted["receipt"])
        request.session["submitted"] = {k: v for k, v in submitted.items() if k != "receipt"}
    verify_due = (
        dt.date.fromisoformat(submitted["verify_due"]) if submitted.get("verify_due") else None
    )
    return render(
        request,
        "report/done.html",
        {
            "code": submitted["code"],
            "spelled": codes.spaced(submitted["code"]),
            "pin": pin,
            "pin_spelled": codes.spaced(pin) if pin else None,
            "verify_due": verify_due,
            "rahasia": submitted.get("rahasia"),
        },
        headers={"Cache-Control": "no-store"},
    )


routes = [
    Route("/report", start, name="report_start"),
    Route("/report/check", check, methods=["GET", "POST"], name="report_check"),
    Route("/report/done", done, name="report_done"),
    Route("/report/{step}", step, methods=["GET", "POST"], name="report_step"),
]
