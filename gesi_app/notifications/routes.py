"""The admin's page of messages that did not reach the reporter, with "retry now"."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, staff_page
from gesi_app.notifications import admin
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.state import state_of


@staff_page(Permission.MANAGE_SETTINGS)
async def troubled_list(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        rows = await admin.troubled_messages(session, user)
        summary = await admin.outbox_summary(session, user)
    context = {
        "rows": rows,
        "summary": summary,
        "retried": request.query_params.get("retried") == "1",
        "resent": request.query_params.get("resent") == "1",
    }
    return page(request, user, "staff/notifications.html", context)


@staff_page(Permission.MANAGE_SETTINGS)
async def resend_sms(request: Request, user: StaffUser) -> Response:
    """Send again the SMS not sent for want of a gateway; only once there is one."""
    if not state_of(request).settings.sms_configured:
        return page(request, user, "staff/not_found.html", status_code=404)
    async with db(request) as session:
        await admin.resend_no_gateway(session, user, client_address(request))
        await session.commit()
    url = request.app.url_path_for("staff_notifications")
    return RedirectResponse(f"{url}?resent=1", status_code=303)


@staff_page(Permission.MANAGE_SETTINGS)
async def retry(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        try:
            await admin.retry_now(
                session, user, request.path_params["outbox_id"], client_address(request)
            )
        except admin.NotRetryable:
            return page(request, user, "staff/not_found.html", status_code=404)
        await session.commit()
    url = request.app.url_path_for("staff_notifications")
    return RedirectResponse(f"{url}?retried=1", status_code=303)


routes = [
    Route("/staff/notifications", troubled_list, name="staff_notifications"),
    Route(
        "/staff/notifications/resend-sms",
        resend_sms,
        methods=["POST"],
        name="staff_notifications_resend_sms",
    ),
    Route(
        "/staff/notifications/{outbox_id:int}/retry",
        retry,
        methods=["POST"],
        name="staff_notification_retry",
    ),
]
