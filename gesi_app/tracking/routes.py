"""HTTP for following a report: /track (look up), /track/{code} (read), reply and rating."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from starlette.background import BackgroundTask
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.audio.answers import AnswerAudio, SpokenAnswer
from gesi_app.i18n import gettext
from gesi_app.limits.shared import SharedLimit
from gesi_app.public import service as public_service
from gesi_app.reports.codes import normalise_code, spaced
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Report
from gesi_app.reports.service import ReportNotFound, report_by_code
from gesi_app.tracking import keys, service
from gesi_app.tracking.forms import parse_lookup, parse_rating, parse_reply
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

TRACKED = "tracked"  # session: "CODE fingerprint" of reports this browser proved with a PIN
NOTICE = "track_notice"  # session: a one-time "sent" notice for the next page view
REMEMBERED = 20
NO_STORE = {"Cache-Control": "no-store"}
# Brute-force guard without a CAPTCHA: failed lookups per client address, in every process.
# 10 failures in 10 minutes. Wrong PINs are also counted per report, in the database, from
# every address and process (tracking/keys.py): changing address does not help.
FAILURES_ALLOWED = 10
FAILURE_WINDOW_SECONDS = 600


def failure_limit(engine: AsyncEngine) -> SharedLimit:
    """Failed lookups per client address (made once, with the app)."""
    return SharedLimit(engine, "track-failures", FAILURES_ALLOWED, FAILURE_WINDOW_SECONDS)


def _failures(request: Request) -> SharedLimit:
    return state_of(request).track_failures


async def _refuse_if_guessing(request: Request) -> None:
    if not await _failures(request).allowed(client_address(request)):
        raise HTTPException(429)


async def _failed(request: Request) -> None:
    """Count a failed lookup; call it only when the request's session holds no write."""
    await _failures(request).hit(client_address(request))


def _proof(report: Report) -> str:
    """What the session keeps for a proven report: its code and its key's fingerprint, never
    the PIN. A new PIN (from staff) changes the fingerprint, so the old proof stops working."""
    return f"{report.tracking_code} {keys.fingerprint(report)}"


def _proven(request: Request, report: Report) -> bool:
    return report.pin_hash is not None and _proof(report) in request.session.get(TRACKED, [])


def _remember(request: Request, report: Report) -> None:
    proof = _proof(report)
    kept = [p for p in request.session.get(TRACKED, []) if p.split(" ")[0] != report.tracking_code]
    request.session[TRACKED] = [*kept, proof][-REMEMBERED:]


def _text(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


def _see_report(request: Request, code: str) -> RedirectResponse:
    return RedirectResponse(request.url_for("track_report", code=code), 303)


def _ask_pin(request: Request, code: str) -> RedirectResponse:
    return RedirectResponse(request.url_for("track").include_query_params(code=code), 303)


def _locked(request: Request, until: dt.datetime) -> Response:
    """The report's PIN waits after too many wrong ones: say until when, and where to get help."""
    return render(
        request, "tracking/locked.html", {"until": until}, status_code=429, headers=NO_STORE
    )


async def track(request: Request) -> Response:
    values = {"code": request.query_params.get("code", ""), "pin": ""}
    if request.method == "GET":
        context = {"errors": {}, "values": values}
        return render(request, "tracking/track.html", context, headers=NO_STORE)
    await _refuse_if_guessing(request)
    form = await request.form()
    values = {"code": _text(form, "code"), "pin": _text(form, "pin")}
    parsed = parse_lookup(form)
    if isinstance(parsed, dict):  # what was typed stays, so it can be corrected
        context = {"errors": parsed, "values": values}
        return render(request, "tracking/track.html", context, status_code=400, headers=NO_STORE)
    try:
        async with db(request) as session:
            report = await service.unlock(
                session, parsed.code, parsed.pin, hasher=state_of(request).hasher
            )
    except keys.KeyLocked as locked:
        await _failed(request)
        return _locked(request, locked.until)
    except service.ReportNotFound:
        await _failed(request)
        errors = {
            "code": gettext(
                "We cannot find a report with that code and PIN. Check them and try again"
            )
        }
    else:
        _remember(request, report)
        return _see_report(request, report.tracking_code)
    # A PIN that may be someone's real one (a wrong code) is not written back into the page.
    context = {"errors": errors, "values": {**values, "pin": ""}}
    return render(request, "tracking/track.html", context, status_code=400, headers=NO_STORE)


async def _page(
    request: Request,
    code: str,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    try:
        async with db(request) as session:
            state = state_of(request)
            page = await service.view(
                session, code, timezone=state.settings.timezone, deadlines=state.resource(Deadlines)
            )
    except service.ReportNotFound:
        raise HTTPException(404) from None
    # The agency's answers, said in the reporter's language; files still missing are made
    # after this response with the whole engine chain (a Listen click before that gets espeak).
    spoken = [
        SpokenAnswer(m.message_id, page.report.locale, m.body)
        for m in page.messages
        if m.from_agency
    ]
    speaker = state_of(request).resource(AnswerAudio)
    context: dict[str, Any] = {
        "answer_audio": {a.message_id: speaker.url(a) for a in spoken},
        "page": page,
        "report": page.report,
        "spaced_code": spaced(page.report.tracking_code),
        "errors": errors or {},
        "values": values or {},
        "notice": request.session.pop(NOTICE, None) if status_code == 200 else None,
    }
    response = render(
        request, "tracking/report.html", context, status_code=status_code, headers=NO_STORE
    )
    if speaker.enabled and any(not speaker.path(a).exists() for a in spoken):
        response.background = BackgroundTask(speaker.prepare, spoken)
    return response


async def _is_public(session: AsyncSession, code: str) -> bool:
    """Whether anyone may read this report on the public list (the public pages decide)."""
    try:
        await public_service.public_report(session, code)
    except ReportNotFound:
        return False
    return True


async def _open(request: Request, *, reading: bool = False) -> str | Response:
    """The canonical code of the report this browser proved it may act on, or where to go.

    Without proof, a person sees exactly what a stranger may: the public page of a public
    report (when ``reading``), otherwise the form that asks for the code and the PIN. An
    unknown code and a report that is not public get the same answer.
    """
    typed = request.path_params["code"]
    code = normalise_code(typed)
    if code is None:
        raise HTTPException(404)
    if code != typed:
        return _see_report(request, code)
    async with db(request) as session:
        report = await report_by_code(session, code)
        if report is not None and _proven(request, report):
            return code
        if reading and await _is_public(session, code):
            return RedirectResponse(request.url_for("public_report", code=code), 303)
    return _ask_pin(request, code)


async def track_report(request: Request) -> Response:
    code = await _open(request, reading=True)
    if isinstance(code, Response):
        return code
    return await _page(request, code)


async def track_reply(request: Request) -> Response:
    code = await _open(request)
    if isinstance(code, Response):
        return code
    form = await request.form()
    parsed = parse_reply(form)
    if isinstance(parsed, dict):
        values = {"reply": _text(form, "reply")}
        return await _page(request, code, errors=parsed, values=values, status_code=400)
    try:
        async with db(request) as session:
            report = await service.find(session, code)
            await service.add_reply(
                session,
                report,
                parsed,
                timezone=state_of(request).settings.timezone,
                deadlines=state_of(request).resource(Deadlines),
            )
    except service.ReplyNotAllowed:
        message = gettext("This report is closed. You cannot reply to it any more.")
        return await _page(request, code, errors={"status-now": message}, status_code=409)
    request.session[NOTICE] = "reply"
    return _see_report(request, code)


async def track_rating(request: Request) -> Response:
    code = await _open(request)
    if isinstance(code, Response):
        return code
    form = await request.form()
    parsed = parse_rating(form)
    if isinstance(parsed, dict):
        values = {"score": _text(form, "score"), "comment": _text(form, "comment")}
        return await _page(request, code, errors=parsed, values=values, status_code=400)
    try:
        async with db(request) as session:
            report = await service.find(session, code)
            await service.rate(session, report, parsed.score, parsed.comment)
    except service.AlreadyRated:
        message = gettext("You have already rated this answer. We keep your first rating.")
        return await _page(request, code, errors={"rating-given": message}, status_code=409)
    except service.RatingNotAllowed:
        message = gettext("You can rate the answer after the agency has answered.")
        return await _page(request, code, errors={"status-now": message}, status_code=409)
    request.session[NOTICE] = "rating"
    return _see_report(request, code)


routes = [
    Route("/track", track, methods=["GET", "POST"], name="track"),
    Route("/track/{code}", track_report, name="track_report"),
    Route("/track/{code}/reply", track_reply, methods=["POST"], name="track_reply"),
    Route("/track/{code}/rating", track_rating, methods=["POST"], name="track_rating"),
]
