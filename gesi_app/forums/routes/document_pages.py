"""HTTP for the minutes as a document: the admin's letterhead page, and a forum's signers,
attendance list (daftar hadir) and closing of the minutes (which gives them their number)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, resumed_fields, staff_page
from gesi_app.forums import letterhead as lh
from gesi_app.forums import signing
from gesi_app.forums.document_forms import (
    SIGNER_SLOTS,
    logo_message,
    parse_attendee,
    parse_letterhead,
    parse_provided,
    parse_signers,
)
from gesi_app.forums.labels import ACCOMMODATION_LABELS, choices, template_labels
from gesi_app.forums.models import Forum
from gesi_app.forums.numbering import (
    ForumNotEnded,
    LetterheadMissing,
    NumberTaken,
    PatternUnusable,
    close_minutes,
)
from gesi_app.forums.routes.staff import RUN, forum_page
from gesi_app.forums.service import forum_by_code
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.uploads import read_limited, uploads_dir


@staff_page(Permission.MANAGE_SETTINGS)
async def letterhead(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        head = await lh.letterhead(session)
        context: dict[str, Any] = {
            "has_logo": bool(head and head.logo_key),
            "errors": {},
            "saved": request.query_params.get("saved") == "1",
        }
        if request.method == "GET":
            resumed = resumed_fields(request)
            kept = {**asdict(lh.current(head)), **(resumed or {})}
            return page(request, user, "forums/staff_letterhead.html", {**context, "kept": kept})
        form = await request.form()
        data, kept, errors = parse_letterhead(form)
        upload = form.get("logo")
        logo = None
        if isinstance(upload, UploadFile) and upload.filename:
            raw = await read_limited(upload, lh.LOGO_MAX_BYTES)
            try:
                if raw is None:
                    raise lh.LogoRefused("large")
                logo = await lh.store_logo(uploads_dir(request), raw)
            except lh.LogoRefused as refused:
                errors = {**errors, "logo": logo_message(refused)}
        if data is None or errors:
            context.update(kept=kept, errors=errors)
            return page(request, user, "forums/staff_letterhead.html", context, status_code=400)
        await lh.save_letterhead(
            session,
            user,
            data,
            logo=logo,
            remove_logo=form.get("remove_logo") == "yes",
            ip=client_address(request),
        )
    url = request.app.url_path_for("staff_minutes_letterhead")
    return RedirectResponse(f"{url}?saved=1", status_code=303)


def _signer_fields(signers: list[signing.Signer]) -> dict[str, str]:
    kept: dict[str, str] = {}
    slots = iter(SIGNER_SLOTS[1:])
    for s in signers:
        slot = SIGNER_SLOTS[0] if s.role == signing.ORGANISER else next(slots, None)
        if slot is None:
            continue
        kept.update({f"{slot}_name": s.name, f"{slot}_position": s.position, f"{slot}_nip": s.nip})
    return kept


@forum_page(RUN)
async def signers(request: Request, user: StaffUser, forum: Forum) -> Response:
    context: dict[str, Any] = {"forum": forum, "errors": {}, "slots": SIGNER_SLOTS}
    context["accommodation_choices"] = choices(ACCOMMODATION_LABELS)
    async with db(request) as session:
        if request.method == "GET":
            kept = _signer_fields(await signing.signers_of(session, forum))
            context["kept"] = {**kept, **(resumed_fields(request) or {})}
            context["provided"] = await signing.provided_of(session, forum)
            context["saved"] = request.query_params.get("saved") == "1"
            return page(request, user, "forums/staff_signers.html", context)
        form = await request.form()
        found, kept, errors = parse_signers(form)
        provided = parse_provided(form)
        if found is None:
            context.update(kept=kept, errors=errors, provided=[a.value for a in provided])
            return page(request, user, "forums/staff_signers.html", context, status_code=400)
        forum = await forum_by_code(session, forum.join_code)
        await signing.set_signers(session, user, forum, found, provided, ip=client_address(request))
    url = request.app.url_path_for("staff_forum_signers", code=forum.join_code)
    return RedirectResponse(f"{url}?saved=1", status_code=303)


@forum_page(RUN)
async def attendees(request: Request, user: StaffUser, forum: Forum) -> Response:
    context: dict[str, Any] = {"forum": forum, "errors": {}, "kept": {}, "groups": []}
    context.update(template_labels())
    async with db(request) as session:
        if request.method == "POST":
            new, kept, errors, groups = parse_attendee(await request.form())
            if new is not None:
                forum = await forum_by_code(session, forum.join_code)
                await signing.add_attendee(session, user, forum, new, ip=client_address(request))
                url = request.app.url_path_for("staff_forum_attendees", code=forum.join_code)
                return RedirectResponse(f"{url}?added=1", status_code=303)
            context.update(kept=kept, errors=errors, groups=groups)
        context["rows"] = await signing.attendees_of(session, forum)
    context["added"] = request.query_params.get("added") == "1"
    context["removed"] = request.query_params.get("removed") == "1"
    status = 400 if context["errors"] else 200
    return page(request, user, "forums/staff_attendees.html", context, status_code=status)


@forum_page(RUN)
async def remove_attendee(request: Request, user: StaffUser, forum: Forum) -> Response:
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        found = await signing.remove_attendee(
            session, user, forum, request.path_params["attendee_id"], ip=client_address(request)
        )
    if not found:
        return page(request, user, "forums/staff_not_found.html", status_code=404)
    url = request.app.url_path_for("staff_forum_attendees", code=forum.join_code)
    return RedirectResponse(f"{url}?removed=1", status_code=303)


@forum_page(RUN)
async def close(request: Request, user: StaffUser, forum: Forum) -> Response:
    url = request.app.url_path_for("staff_forum_minutes", code=forum.join_code)
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        try:
            await close_minutes(
                session,
                user,
                forum,
                timezone=state_of(request).settings.timezone,
                ip=client_address(request),
            )
        except ForumNotEnded:
            return RedirectResponse(f"{url}?close=not_ended", status_code=303)
        except LetterheadMissing:
            return RedirectResponse(f"{url}?close=no_letterhead", status_code=303)
        except PatternUnusable:
            return RedirectResponse(f"{url}?close=bad_pattern", status_code=303)
        except NumberTaken:
            return RedirectResponse(f"{url}?close=number_taken", status_code=303)
    return RedirectResponse(f"{url}?close=done", status_code=303)


routes = [
    Route(
        "/staff/minutes-letterhead",
        letterhead,
        methods=["GET", "POST"],
        name="staff_minutes_letterhead",
    ),
    Route(
        "/staff/forums/{code:str}/minutes/signers",
        signers,
        methods=["GET", "POST"],
        name="staff_forum_signers",
    ),
    Route(
        "/staff/forums/{code:str}/attendees",
        attendees,
        methods=["GET", "POST"],
        name="staff_forum_attendees",
    ),
    Route(
        "/staff/forums/{code:str}/attendees/{attendee_id:int}/remove",
        remove_attendee,
        methods=["POST"],
        name="staff_forum_attendee_remove",
    ),
    Route(
        "/staff/forums/{code:str}/minutes/close",
        close,
        methods=["POST"],
        name="staff_forum_minutes_close",
    ),
]
