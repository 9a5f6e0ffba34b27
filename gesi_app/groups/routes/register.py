"""Registering a community group over HTTP: one question per page, check your answers,
confirmation with the group's reference. Every rule lives in journey.py, forms.py and
service.py; a handler parses, calls them and renders."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.groups import drafts, forms, journey, service
from gesi_app.groups.labels import KIND_HINTS, KIND_LABELS
from gesi_app.groups.models import GroupDraft, GroupKind
from gesi_app.groups.summary import summary_rows
from gesi_app.i18n import gettext as _
from gesi_app.reports.codes import spaced
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

COOKIE_PATH = "/groups/register"


def _step_url(request: Request, slug: str, returning: bool = False) -> str:
    url = str(request.app.url_path_for("group_register_step", step=slug))
    return f"{url}?{urlencode({'return': 'check'})}" if returning else url


def _set_cookie(request: Request, response: Response, draft: GroupDraft) -> None:
    response.set_cookie(
        drafts.DRAFT_COOKIE,
        draft.id,
        max_age=int(drafts.KEEP_FOR.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=state_of(request).settings.https,
        path=COOKIE_PATH,
    )


def _labels(slug: str) -> tuple[str, str | None]:
    """The question of a step (its heading) and its hint."""
    return {
        "name": (_("What is the name of your group?"), _("Write it as people know it.")),
        "kind": (_("What kind of group is it?"), _("Choose one.")),
        "area": (_("Which district (kecamatan) is the group in?"), _("Choose from the list.")),
        "village": (_("Which village (desa or kelurahan) is the group in?"), None),
        "members": (
            _("How many members does the group have?"),
            _(
                "Count each person in every line that fits. "
                "A young woman counts as a woman and as a young person."
            ),
        ),
        "speaks-for": (
            _("Who does the group speak for?"),
            _("For example: Deaf people in Kecamatan Cikupa and their families."),
        ),
        "representative": (
            _("How can we reach you?"),
            _(
                "You register the group for it. "
                "Only the admins see your name and contact. They are never public."
            ),
        ),
    }[slug]


async def _choices(session: AsyncSession, slug: str, answers: dict[str, Any]) -> list[Choice]:
    if slug == "kind":
        return [Choice(k.value, str(KIND_LABELS[k]), str(KIND_HINTS[k])) for k in GroupKind]
    if slug == "area":
        return [Choice(r.code, r.name) for r in await service.kecamatan_list(session)]
    if slug == "village":
        desa = await service.desa_list(session, str(answers.get("kecamatan", "")))
        whole = Choice(forms.WHOLE, _("The whole district"), divider=_("or"))
        return [*(Choice(r.code, r.name) for r in desa), whole]
    return []


async def _parse(
    session: AsyncSession, slug: str, form: FormData, answers: dict[str, Any]
) -> forms.Parsed:
    if slug == "name":
        return forms.parse_name(form)
    if slug == "kind":
        return forms.parse_kind(form)
    if slug == "area":
        return forms.parse_area(form, [r.code for r in await service.kecamatan_list(session)])
    if slug == "village":
        kecamatan = str(answers.get("kecamatan", ""))
        return forms.parse_village(
            form, [r.code for r in await service.desa_list(session, kecamatan)]
        )
    if slug == "members":
        return forms.parse_members(form)
    if slug == "speaks-for":
        return forms.parse_speaks_for(form)
    return forms.parse_representative(form)


async def start(request: Request) -> Response:
    return render(request, "groups/register_start.html", {"first_step": _step_url(request, "name")})


async def _page(
    request: Request,
    session: AsyncSession,
    slug: str,
    answers: dict[str, Any],
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
) -> Response:
    returning = request.query_params.get("return") == "check"
    previous = journey.previous_step(slug)
    if returning:
        back = str(request.app.url_path_for("group_register_check"))
    elif previous:
        back = _step_url(request, previous)
    else:
        back = str(request.app.url_path_for("group_register"))
    label, hint = _labels(slug)
    values = {k: str(v) for k, v in answers.items() if v is not None}
    values.update(typed or {})
    context = {
        "slug": slug,
        "label": label,
        "hint": hint,
        "choices": await _choices(session, slug, answers),
        "values": values,
        "errors": errors or {},
        "back_url": back,
        "action": _step_url(request, slug, returning),
        "speaks_for_max": forms.SPEAKS_FOR_MAX,
    }
    return render(request, "groups/question.html", context, status_code=400 if errors else 200)


async def step(request: Request) -> Response:
    slug = request.path_params["step"]
    if slug not in journey.BY_SLUG:
        raise HTTPException(404)
    async with db(request) as session:
        draft = await drafts.load_draft(session, request.cookies.get(drafts.DRAFT_COOKIE))
        answers: dict[str, Any] = dict(draft.answers) if draft else {}
        if not journey.may_visit(answers, slug):
            missing = journey.first_unanswered(answers) or "name"
            return RedirectResponse(_step_url(request, missing), 303)
        if request.method == "GET":
            return await _page(request, session, slug, answers)
        parsed = await _parse(session, slug, await request.form(), answers)
        if parsed.errors:
            return await _page(request, session, slug, answers, parsed.errors, parsed.typed)
        draft = draft or await drafts.start_draft(session)
        drafts.update_answers(draft, journey.changes_for(slug, answers, parsed.answers))
        await session.commit()
        returning = request.query_params.get("return") == "check"
        target = journey.next_step(draft.answers, slug, returning)
        url = (
            str(request.app.url_path_for("group_register_check"))
            if target == "check"
            else _step_url(request, target, returning)
        )
        response = RedirectResponse(url, 303)
        _set_cookie(request, response, draft)
        return response


async def check(request: Request) -> Response:
    # Counted before the session opens, with the reports' limit: a flood of registrations
    # from one address is refused across every app process.
    limiter = state_of(request).report_limiter
    if request.method == "POST" and not await limiter.take(client_address(request)):
        raise HTTPException(429)
    async with db(request) as session:
        draft = await drafts.load_draft(session, request.cookies.get(drafts.DRAFT_COOKIE))
        answers: dict[str, Any] = dict(draft.answers) if draft else {}
        if draft is None or not journey.may_visit(answers, "check"):
            missing = journey.first_unanswered(answers) or "name"
            return RedirectResponse(_step_url(request, missing), 303)
        if request.method == "POST":
            group = await service.register(session, service.data_from_answers(answers))
            await session.delete(draft)
            await session.commit()
            request.session["group_registered"] = {"reference": group.reference}
            response = RedirectResponse(str(request.app.url_path_for("group_register_done")), 303)
            response.delete_cookie(drafts.DRAFT_COOKIE, path=COOKIE_PATH)
            return response
        rows = await summary_rows(session, answers)
        return render(
            request,
            "groups/check.html",
            {
                "rows": rows,
                "back_url": _step_url(request, journey.previous_step("check") or "name"),
            },
        )


async def done(request: Request) -> Response:
    registered = request.session.get("group_registered")
    if not isinstance(registered, dict) or not registered.get("reference"):
        return RedirectResponse(str(request.app.url_path_for("group_register")), 303)
    reference = str(registered["reference"])
    return render(
        request,
        "groups/done.html",
        {"reference": reference, "spelled": spaced(reference)},
        headers={"Cache-Control": "no-store"},
    )


routes = [
    Route("/groups/register", start, name="group_register"),
    Route("/groups/register/check", check, methods=["GET", "POST"], name="group_register_check"),
    Route("/groups/register/done", done, name="group_register_done"),
    Route("/groups/register/{step}", step, methods=["GET", "POST"], name="group_register_step"),
]
