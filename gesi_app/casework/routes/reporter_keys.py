"""HTTP for giving a reporter a new PIN from the staff report page (casework/reporter_keys.py)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, staff_page
from gesi_app.casework import casework, reporter_keys
from gesi_app.casework.casework import ReportHidden
from gesi_app.casework.reporter_keys import KeyDelivery
from gesi_app.i18n import gettext
from gesi_app.public.labels import STATUS_LABELS
from gesi_app.reports.codes import spaced
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

NO_STORE = {"Cache-Control": "no-store"}
TEMPLATE = "staff/report_new_pin.html"


def _choices(can_send: bool, sms: bool) -> list[Choice]:
    choices = [Choice(KeyDelivery.SHOW.value, gettext("Show it to me once, to read to them"))]
    if can_send:
        # Without an SMS gateway only the email carries it: say so, promise no SMS.
        label = (
            gettext("Send it to their email or phone number")
            if sms
            else gettext("Send it to their email (SMS are not sent: no SMS gateway)")
        )
        choices.append(Choice(KeyDelivery.SEND.value, label))
    return choices


@staff_page(Permission.VERIFY)
async def new_pin(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        try:
            report = await casework.open_report(
                session, user, request.path_params["code"], for_update=request.method == "POST"
            )
        except ReportHidden:
            return page(request, user, "staff/report_not_found.html", status_code=404)
        sms = state_of(request).settings.sms_configured
        can_send = await reporter_keys.can_send(session, report, sms=sms)
        context: dict[str, Any] = {
            "report": report,
            "status_labels": {s.value: str(label) for s, label in STATUS_LABELS.items()},
            "choices": _choices(can_send, sms),
            "errors": {},
            "kept": {},
        }
        if request.method == "GET":
            return page(request, user, TEMPLATE, context, headers=NO_STORE)
        form = await request.form()
        typed = form.get("how", "")
        allowed = {c.value for c in context["choices"]}
        if not isinstance(typed, str) or typed not in allowed:
            context["errors"] = {"how": gettext("Choose how the reporter gets the new PIN")}
            return page(request, user, TEMPLATE, context, status_code=400, headers=NO_STORE)
        given = await reporter_keys.issue_new_key(
            session,
            user,
            report,
            KeyDelivery(typed),
            hasher=state_of(request).hasher,
            ip=client_address(request),
            sms=sms,
        )
    if given.pin is None:
        url = request.app.url_path_for("staff_report", code=report.tracking_code)
        return RedirectResponse(f"{url}?done=new_pin", status_code=303)
    done = {"report": report, "pin": given.pin, "pin_spelled": spaced(given.pin)}
    return page(request, user, "staff/report_new_pin_done.html", done, headers=NO_STORE)


routes = [
    Route(
        "/staff/reports/{code:str}/new-pin",
        new_pin,
        methods=["GET", "POST"],
        name="staff_report_new_pin",
    )
]
