"""Signing in by a one-time link instead of a password (WCAG 2.2 SC 3.3.8): ask for a link by
email address or phone number, the same answer whatever was typed, and the link's page whose
button signs in (a POST, so a mail client's link scanner does not spend the link)."""

from __future__ import annotations

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts import auth, signin_links
from gesi_app.accounts.forms import parse_link_address
from gesi_app.backoffice.web import SESSION_KEY, start_session
from gesi_app.i18n import get_locale
from gesi_app.notifications.delivery import senders_from
from gesi_app.team.signin_messages import send_link
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

NO_STORE = {"Cache-Control": "no-store"}


async def ask(request: Request) -> Response:
    sms_on = state_of(request).settings.sms_configured
    if request.method == "GET":
        return render(request, "staff/link_ask.html", {"kept": {}, "errors": {}}, headers=NO_STORE)
    address, kept, errors = parse_link_address(await request.form(), sms_on)
    if address is None:
        context = {"kept": kept, "errors": errors}
        return render(request, "staff/link_ask.html", context, status_code=400, headers=NO_STORE)
    async with db(request) as session:
        to_send = await signin_links.ask_for_link(session, address, client_address(request))
        await session.commit()
    response = RedirectResponse(request.app.url_path_for("staff_link_sent"), status_code=303)
    if to_send is not None:
        settings = state_of(request).settings
        path = request.app.url_path_for("staff_link", token=to_send.token)
        # After the answer: how long sending takes does not tell whether an account exists.
        response.background = BackgroundTask(
            send_link, senders_from(settings), to_send, f"{settings.base_url}{path}", get_locale()
        )
    return response


async def sent(request: Request) -> Response:
    return render(request, "staff/link_sent.html", headers=NO_STORE)


def _invalid(request: Request) -> Response:
    return render(request, "staff/link_invalid.html", status_code=404, headers=NO_STORE)


async def use(request: Request) -> Response:
    token: str = request.path_params["token"]
    if request.method == "GET":
        async with db(request) as session:
            works = await signin_links.link_works(session, token)
        if not works:
            return _invalid(request)
        return render(request, "staff/link_use.html", {"token": token}, headers=NO_STORE)
    async with db(request) as session:
        try:
            signed_in = await signin_links.sign_in_by_link(session, token, client_address(request))
        except signin_links.LinkInvalid:
            await session.rollback()
            return _invalid(request)
        previous = request.session.get(SESSION_KEY)
        await auth.forget(session, previous if isinstance(previous, str) else None)
        await session.commit()
    start_session(request, signed_in.key)  # as after a password
    return RedirectResponse(request.app.url_path_for("staff_home"), status_code=303)


routes = [
    Route("/staff/login/link", ask, methods=["GET", "POST"], name="staff_link_ask"),
    Route("/staff/login/link/sent", sent, name="staff_link_sent"),
    Route("/staff/login/link/{token:str}", use, methods=["GET", "POST"], name="staff_link"),
]
