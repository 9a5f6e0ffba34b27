"""HTTP for following a report: /track (look up), /track/{code} (read), reply and rating."""

from __future__ import annotations

from typing import Any

from starlette.background import BackgroundTask
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.audio.answers import SpokenAnswer, answer_audio
from gesi_app.reports.codes import normalise_code, spaced
from gesi_app.tracking import service
from gesi_app.tracking.forms import parse_lookup, parse_rating, parse_reply
from gesi_app.web.database import db
from gesi_app.web.i18n import gettext
from gesi_app.web.ratelimit import SlidingWindow
from gesi_app.web.templating import render

TRACKED = "tracked"  # session: the codes this browser has proven it may see
NOTICE = "track_notice"  # session: a one-time "sent" notice for the next page view
REMEMBERED = 20
# Brute-force guard without a CAPTCHA: failed lookups per client address, per process.
# 10 failures in 10 minutes; with P processes at most 10*P guesses in a space of 31**6 codes.
FAILURES_ALLOWED = 10
FAILURE_WINDOW_SECONDS = 600


def _failures(request: Request) -> SlidingWindow:
    window: SlidingWindow | None = getattr(request.app.state, "track_failures", None)
    if window is None:
        window = SlidingWindow(FAILURES_ALLOWED, FAILURE_WINDOW_SECONDS)
        request.app.state.track_failures = window
    return window


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _refuse_if_guessing(request: Request) -> None:
    if not _failures(request).allowed(_client(request)):
        raise HTTPException(429)


def _failed(request: Request) -> None:
    _failures(request).hit(_client(request))


def _proven(request: Request, code: str) -> bool:
    return code in request.session.get(TRACKED, [])


def _remember(request: Request, code: str) -> None:
    codes = [c for c in request.session.get(TRACKED, []) if c != code]
    request.session[TRACKED] = [*codes, code][-REMEMBERED:]


def _text(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


def _see_report(request: Request, code: str) -> RedirectResponse:
    return RedirectResponse(request.url_for("track_report", code=code), 303)


def _ask_pin(request: Request, code: str) -> RedirectResponse:
    return RedirectResponse(request.url_for("track").include_query_params(code=code), 303)


async def track(request: Request) -> Response:
    values = {"code": request.query_params.get("code", ""), "pin": ""}
    if request.method == "GET":
        return render(request, "tracking/track.html", {"errors": {}, "values": values})
    _refuse_if_guessing(request)
    form = await request.form()
    values = {"code": _text(form, "code"), "pin": _text(form, "pin")}
    parsed = parse_lookup(form)
    if isinstance(parsed, dict):
        return render(
            request, "tracking/track.html", {"errors": parsed, "values": values}, status_code=400
        )
    try:
        async with db(request) as session:
            report = await service.unlock(session, parsed.code, parsed.pin)
    except service.PinNeeded:
        _failed(request)
        errors = {
            "pin": gettext(
                "Enter the 6-digit PIN. If you sent the report with your name, check the code."
            )
        }
    except service.ReportNotFound:
        _failed(request)
        errors = {
            "code": gettext(
                "We cannot find a report with that code and PIN. Check them and try again"
            )
        }
    else:
        _remember(request, report.tracking_code)
        return _see_report(request, report.tracking_code)
    return render(
        request, "tracking/track.html", {"errors": errors, "values": values}, status_code=400
    )


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
            page = await service.view(session, code, timezone=request.app.state.settings.timezone)
    except service.ReportNotFound:
        raise HTTPException(404) from None
    # The agency's answers, said in the reporter's language; files still missing are made
    # after this response with the whole engine chain (a Listen click before that gets espeak).
    spoken = [
        SpokenAnswer(m.message_id, page.report.locale, m.body)
        for m in page.messages
        if m.from_agency
    ]
    speaker = answer_audio(request.app.state)
    context: dict[str, Any] = {
        "answer_audio": {a.message_id: speaker.url(a) for a in spoken},
        "page": page,
        "report": page.report,
        "spaced_code": spaced(page.report.tracking_code),
        "errors": errors or {},
        "values": values or {},
        "notice": request.session.pop(NOTICE, None) if status_code == 200 else None,
    }
    response = render(request, "tracking/report.html", context, status_code=status_code)
    if speaker.enabled and any(not speaker.path(a).exists() for a in spoken):
        response.background = BackgroundTask(speaker.prepare, spoken)
    return response


async def _open(request: Request) -> str | Response:
    """The canonical code of the report this browser may act on, or where to send it."""
    typed = request.path_params["code"]
    code = normalise_code(typed)
    if not _proven(request, code or ""):
        _refuse_if_guessing(request)
    if code is None:
        _failed(request)
        raise HTTPException(404)
    if code != typed:
        return _see_report(request, code)
    if _proven(request, code):
        return code
    try:
        async with db(request) as session:
            report = await service.find(session, code)
    except service.ReportNotFound:
        _failed(request)
        raise HTTPException(404) from None
    if service.needs_pin(report):
        return _ask_pin(request, code)
    _remember(request, code)  # for a report sent with a name, the code is the secret
    return code


async def track_report(request: Request) -> Response:
    code = await _open(request)
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
                session, report, parsed, timezone=request.app.state.settings.timezone
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
