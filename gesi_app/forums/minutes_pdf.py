"""The minutes (berita acara) as a PDF: the same body as the minutes page, laid out for A4 by
WeasyPrint, with a signature block to sign by hand."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from weasyprint import CSS, HTML  # type: ignore[import-untyped]  # ships no type hints

from gesi_app.forums.models import Forum
from gesi_app.forums.staff_minutes import minutes_context
from gesi_app.forums.staff_routes import RUN, forum_page
from gesi_app.staff.models import StaffUser
from gesi_app.web.templating import PACKAGE_DIR, render

STYLES = PACKAGE_DIR / "static" / "css" / "minutes-pdf.css"


def to_pdf(html: str, base_url: str) -> bytes:
    """Lay the page out on A4; its styles are read from the package, not fetched."""
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=[CSS(filename=str(STYLES))]
    )
    return pdf


@forum_page(RUN)
async def minutes_pdf(request: Request, user: StaffUser, forum: Forum) -> Response:
    context = await minutes_context(request, forum)
    context["pdf"] = True
    html = bytes(render(request, "forums/_minutes_pdf.html", context).body).decode()
    pdf = await run_in_threadpool(to_pdf, html, str(request.base_url))
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
