"""Staff pages: sign in, sign out and setting a password by a one-time link.

Users have their own module; the app mounts every staff route itself.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts import auth, resets
from gesi_app.accounts.forms import bad_credentials, parse_login, parse_new_password
from gesi_app.backoffice.web import (
    RESUME_KEY,
    SESSION_KEY,
    current_staff,
    safe_next,
    start_session,
)
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

NO_STORE = {"Cache-Control": "no-store"}


def _login_page(
    request: Request,
    *,
    kept: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    locked_until: object = None,
    locked_scope: str | None = None,
    status_code: int = 200,
) -> Response:
    query = request.query_params
    return render(
        request,
        "staff/login.html",
        {
            "kept": kept or {},
            "errors": errors or {},
            "next": safe_next(query.get("next"), default=""),
            "locked_until": locked_until,
            "locked_scope": locked_scope,
            "signed_out": query.get("signed_out") == "1",
            "password_set": query.get("password_set") == "1",
            "resuming": RESUME_KEY in request.session,
        },
        status_code=status_code,
        headers=NO_STORE,
    )


async def login(request: Request) -> Response:
    if request.method == "GET":
        if await current_staff(request) is not None:
            return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
        return _login_page(request)
    form = await request.form()
    credentials, kept, errors = parse_login(form)
    if errors:
        return _login_page(request, kept=kept, errors=errors, status_code=400)
    async with db(request) as session:
        try:
            signed_in = await auth.sign_in(
                session,
                credentials.username,
                credentials.password,
                client_address(request),
                hasher=state_of(request).hasher,
            )
        except auth.LockedOut as locked:
            await session.commit()
            return _login_page(
                request,
                kept=kept,
                locked_until=locked.until,
                locked_scope=locked.scope,
                status_code=429,
            )
        except auth.BadCredentials:
            await session.commit()
            return _login_page(request, kept=kept, errors=bad_credentials(), status_code=400)
        previous = request.session.get(SESSION_KEY)
        await auth.forget(session, previous if isinstance(previous, str) else None)
        await session.commit()
    start_session(request, signed_in.key)
    return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)


async def logout(request: Request) -> Response:
    key = request.session.get(SESSION_KEY)
    async with db(request) as session:
        await auth.sign_out(session, key if isinstance(key, str) else None, client_address(request))
        await session.commit()
    request.session.clear()
    url = request.app.url_path_for("staff_login")
    return RedirectResponse(f"{url}?signed_out=1", status_code=303)


async def set_password(request: Request) -> Response:
    """Open to anyone holding a working link; the link itself is the proof."""
    token = request.path_params["token"]
    async with db(request) as session:
        try:
            user = await resets.user_for_link(session, token)
        except resets.ResetLinkInvalid:
            return render(request, "staff/reset_invalid.html", status_code=404, headers=NO_STORE)
        context = {"username": user.username, "errors": {}}
        if request.method == "GET":
            return render(request, "staff/reset.html", context, headers=NO_STORE)
        password, errors = parse_new_password(await request.form(), user.username)
        if errors:
            context["errors"] = errors
            return render(request, "staff/reset.html", context, status_code=400, headers=NO_STORE)
        try:
            await resets.use_link(
                session, token, password, client_address(request), hasher=state_of(request).hasher
            )
        except resets.ResetLinkInvalid:
            return render(request, "staff/reset_invalid.html", status_code=404, headers=NO_STORE)
        await session.commit()
    request.session.pop(SESSION_KEY, None)
    url = request.app.url_path_for("staff_login")
    return RedirectResponse(f"{url}?password_set=1", status_code=303)


routes = [
    Route("/staff/login", login, methods=["GET", "POST"], name="staff_login"),
    Route("/staff/logout", logout, methods=["POST"], name="staff_logout"),
    Route("/staff/reset/{token:str}", set_password, methods=["GET", "POST"], name="staff_reset"),
]
