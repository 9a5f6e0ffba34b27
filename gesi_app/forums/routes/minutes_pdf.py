"""The minutes (berita acara) as a PDF: the same body as the minutes page, laid out for A4 by
WeasyPrint (in a worker process: minutes_layout), with a signature block to sign by hand."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.forums.minutes_layout import to_pdf
from gesi_app.forums.models import Forum
from gesi_app.forums.routes.staff import RUN, forum_page
from gesi_app.forums.routes.staff_minutes import minutes_context
from gesi_app.offload import run_in_process
from gesi_app.web.templating import render


@forum_page(RUN)
async def minutes_pdf(request: Request, user: StaffUser, forum: Forum) -> Response:
    context = await minutes_context(request, forum)
    context["pdf"] = True
    html = bytes(render(request, "forums/_minutes_pdf.html", context).body).decode()
    pdf = await run_in_process(to_pdf, html, str(request.base_url))
    filename = f"berita-acara-{forum.join_code}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


routes = [
    Route("/staff/forums/{code:str}/minutes.pdf", minutes_pdf, name="staff_forum_minutes_pdf")
]
