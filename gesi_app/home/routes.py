"""Start page, help page, display preferences and /healthz."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from gesi_app.home.forms import parse_listen_switch, parse_preferences
from gesi_app.web.database import db
from gesi_app.web.preferences import PREFS_COOKIE, Preferences, preferences_of
from gesi_app.web.state import state_of
from gesi_app.web.templating import render


async def home(request: Request) -> Response:
    return render(request, "home/index.html")


async def help_page(request: Request) -> Response:
    settings = state_of(request).settings
    return render(
        request,
        "home/help.html",
        {"contact_email": settings.contact_email, "contact_phone": settings.contact_phone},
    )


async def preferences(request: Request) -> Response:
    if request.method == "POST":
        form = await request.form()
        prefs, errors = parse_preferences(form)
        if errors:
            return render(
                request,
                "home/preferences.html",
                {"errors": errors, "form_prefs": prefs},
                status_code=400,
            )
        response = RedirectResponse(
            request.url_for("preferences").include_query_params(saved="1"), 303
        )
        _remember(request, response, prefs)
        return response
    return render(
        request,
        "home/preferences.html",
        {
            "errors": {},
            "form_prefs": preferences_of(request),
            "saved": request.query_params.get("saved") == "1",
        },
    )


async def listen_switch(request: Request) -> Response:
    """A start page's "Hide / Show the Listen buttons": saves that one preference and goes
    back to the page, at the switch. Without a valid choice or page, /preferences explains."""
    state, back = parse_listen_switch(await request.form())
    if state is None or back is None:
        return RedirectResponse(request.url_for("preferences"), 303)
    response = RedirectResponse(f"{back}#listen-buttons", 303)
    _remember(request, response, replace(preferences_of(request), listen=state))
    return response


def _remember(request: Request, response: Response, prefs: Preferences) -> None:
    response.set_cookie(
        PREFS_COOKIE,
        prefs.serialise(),
        max_age=365 * 24 * 3600,
        samesite="lax",
        secure=state_of(request).settings.https,
        httponly=True,
    )


async def healthz(request: Request) -> Response:
    try:
        async with db(request) as session:
            await session.execute(text("SELECT 1"))
    except Exception:  # any database failure means "not healthy", never a crash
        return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"}, headers={"Cache-Control": "no-store"})


routes = [
    Route("/", home, name="home"),
    Route("/help", help_page, name="help"),
    Route("/preferences", preferences, methods=["GET", "POST"], name="preferences"),
    Route("/preferences/listen", listen_switch, methods=["POST"], name="preferences_listen"),
    Route("/healthz", healthz, name="healthz"),
]
