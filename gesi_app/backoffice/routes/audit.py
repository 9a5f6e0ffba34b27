"""The audit log page (admin only): newest first, filtered by a GET form, in pages.

Read only: no route changes or removes an entry.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gesi_app.accounts import audit
from gesi_app.accounts.forms import page_number, parse_audit_filter
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice import audit_values
from gesi_app.backoffice.audit_values import AuditVocabulary
from gesi_app.backoffice.labels import ACTION_LABELS, OBJECT_LABELS
from gesi_app.backoffice.web import page, staff_page
from gesi_app.i18n import gettext
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of


@staff_page(Permission.VIEW_AUDIT)
async def audit_log(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        actors = await audit.actors(session)
        where, kept, errors = parse_audit_filter(
            request.query_params, {i for i, _ in actors}, state_of(request).settings.timezone
        )
        result = (
            None
            if errors
            else await audit.search(session, where, page_number(request.query_params))
        )
        vocabulary = state_of(request).resource(AuditVocabulary)
        entries = await audit_values.describe(session, result.entries if result else [], vocabulary)
    filters = {k: v for k, v in kept.items() if v}

    def page_url(number: int) -> str:
        return f"{request.url.path}?{urlencode({**filters, 'page': number})}"

    context = {
        "errors": errors,
        "kept": kept,
        "result": result,
        "entries": entries,  # the result's entries with their values in words
        "filtered": bool(filters),
        "page_url": page_url,
        "actor_choices": [Choice("", gettext("Anyone"))]
        + [Choice(str(i), name) for i, name in actors],
        "action_choices": [Choice("", gettext("Any action"))]
        + [Choice(value, str(label)) for value, label in ACTION_LABELS.items()],
        "action_labels": {k: str(v) for k, v in ACTION_LABELS.items()},
        "object_labels": {k: str(v) for k, v in OBJECT_LABELS.items()},
    }
    return page(request, user, "staff/audit.html", context, status_code=400 if errors else 200)


routes = [Route("/staff/audit", audit_log, name="staff_audit")]
