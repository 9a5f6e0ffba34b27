"""Request helpers for staff pages: who is signed in, and the gate every staff page goes through.

The gate sends someone who is not signed in to the sign-in page and back afterwards; when a
session ended while they were sending a form, what they typed is kept (in the signed session
cookie, passwords left out) and offered again on that page. Permissions themselves are
decided in ``gesi_app.accounts.permissions``.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from gesi_app.accounts import auth
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, has_permission, is_representative
from gesi_app.backoffice.labels import ROLE_HINTS, ROLE_LABELS
from gesi_app.backoffice.navigation import links_for
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

SESSION_KEY = "staff"
RESUME_KEY = "resume"
RESUME_LIMIT = 2000  # characters: the session cookie must stay well under 4 KB
_UNSET = object()

DESK = "staff_desk"  # the route of a representative's desk (groups)
StaffEndpoint = Callable[[Request, StaffUser], Awaitable[Response]]


async def current_staff(request: Request) -> StaffUser | None:
    """The signed-in, active staff member of this request, or None."""
    cached = request.scope.setdefault("state", {}).get("staff_user", _UNSET)
    if cached is not _UNSET:
        return cached  # type: ignore[no-any-return]  # stored by this function only
    key = request.session.get(SESSION_KEY)
    user = None
    if isinstance(key, str):
        async with db(request) as session:
            user = await auth.resolve(session, key)
            await session.commit()
        if user is None:
            request.session.pop(SESSION_KEY, None)
    request.scope["state"]["staff_user"] = user
    return user


def safe_next(value: str | None, default: str = "/staff") -> str:
    """A same-site path to return to; anything else (another host, a scheme) gives default."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in value):
        return default
    return value


def login_url(request: Request, next_path: str | None) -> str:
    base = str(request.app.url_path_for("staff_login"))
    return f"{base}?{urlencode({'next': next_path})}" if next_path else base


async def _keep_typed_work(request: Request) -> None:
    form = await request.form()
    fields: dict[str, str] = {}
    for name, value in form.multi_items():
        if isinstance(value, str) and name != "csrftoken" and "password" not in name:
            fields.setdefault(name, value)
    if sum(len(k) + len(v) for k, v in fields.items()) <= RESUME_LIMIT:
        request.session[RESUME_KEY] = {"path": request.url.path, "fields": fields}


def resumed_fields(request: Request) -> dict[str, str] | None:
    """What was typed on this page before the session ended, once; None when nothing."""
    resume = request.session.get(RESUME_KEY)
    if not isinstance(resume, dict) or resume.get("path") != request.url.path:
        return None
    request.session.pop(RESUME_KEY, None)
    fields = resume.get("fields")
    return {str(k): str(v) for k, v in fields.items()} if isinstance(fields, dict) else None


def start_session(request: Request, key: str) -> None:
    """Sign in with a fresh session: nothing from before sign-in survives but the typed work
    being resumed."""
    resume = request.session.get(RESUME_KEY)
    request.session.clear()
    request.session[SESSION_KEY] = key
    if resume is not None:
        request.session[RESUME_KEY] = resume


def password_link(request: Request, token: str) -> str:
    """The whole address of a one-time link to set a password, to pass on to its person."""
    path = request.app.url_path_for("staff_reset", token=token)
    return f"{state_of(request).settings.base_url}{path}"


def page(
    request: Request,
    user: StaffUser,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """Render a staff page: the staff layout needs the user and their menu."""
    ctx = {
        "staff_user": user,
        "staff_links": links_for(user),
        # A representative has no dashboard: its desk is its start page.
        "staff_start": DESK if is_representative(user) else "staff_home",
        "role_labels": ROLE_LABELS,
        "role_hints": ROLE_HINTS,
        **(context or {}),
    }
    return render(request, template, ctx, status_code=status_code, headers=headers)


def forbidden(request: Request, user: StaffUser) -> Response:
    return page(request, user, "staff/forbidden.html", status_code=403)


def staff_page(
    permission: Permission | None = None,
) -> Callable[[StaffEndpoint], Callable[[Request], Awaitable[Response]]]:
    """Wrap an endpoint that needs a signed-in staff member (and ``permission``, if given)."""

    def decorate(endpoint: StaffEndpoint) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(endpoint)
        async def gate(request: Request) -> Response:
            user = await current_staff(request)
            if user is None:
                if request.method == "POST":
                    await _keep_typed_work(request)
                    back = request.url.path
                else:
                    back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(login_url(request, back), status_code=303)
            if is_representative(user) and permission is not Permission.GROUP_DESK:
                # A representative's only staff pages are its group's desk: the staff home
                # takes it there, every other page refuses it.
                if request.url.path == request.app.url_path_for("staff_home"):
                    return RedirectResponse(request.app.url_path_for(DESK), status_code=303)
                return forbidden(request, user)
            if permission is not None and not has_permission(user, permission):
                return forbidden(request, user)
            return await endpoint(request, user)

        return gate

    return decorate
