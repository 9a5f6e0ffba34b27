"""The minutes (berita acara) as the official PDF document: letterhead, number, opening in
words, the minutes' body, signatures and the attendance list annex, laid out for A4 by
WeasyPrint (in a worker process: minutes_layout); and the blank attendance list to print
before the forum."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.forums.minutes_layout import footer_css, to_pdf
from gesi_app.forums.models import Forum
from gesi_app.forums.routes.minutes_document import BLANK_ROWS, document_context
from gesi_app.forums.routes.staff import RUN, forum_page
from gesi_app.forums.routes.staff_minutes import minutes_context
from gesi_app.i18n import gettext
from gesi_app.offload import run_in_process
from gesi_app.web.templating import render


async def _pdf(request: Request, context: dict[str, Any], filename: str) -> Response:
    html = bytes(render(request, "forums/_minutes_document.html", context).body).decode()
    before, between, after = gettext("Page %(page)s of %(pages)s", page="|", pages="|").split("|")
    footer = footer_css(before, between, after)
    pdf = await run_in_process(to_pdf, html, str(request.base_url), footer)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@forum_page(RUN)
async def minutes_pdf(request: Request, user: StaffUser, forum: Forum) -> Response:
    context = await minutes_context(request, forum)
    context.update(await document_context(request, forum), pdf=True, sheet_only=False)
    return await _pdf(request, context, f"berita-acara-{forum.join_code}.pdf")


@forum_page(RUN)
async def attendance_sheet(request: Request, user: StaffUser, forum: Forum) -> Response:
    context = await minutes_context(request, forum)
    context.update(await document_context(request, forum), sheet_only=True, blank_rows=BLANK_ROWS)
    return await _pdf(request, context, f"daftar-hadir-{forum.join_code}.pdf")


routes = [
    Route("/staff/forums/{code:str}/minutes.pdf", minutes_pdf, name="staff_forum_minutes_pdf"),
    Route(
        "/staff/forums/{code:str}/attendance-sheet.pdf",
        attendance_sheet,
        name="staff_forum_attendance_sheet",
    ),
]
