"""HTTP for staff intake: /staff/intake, one page that stores a walk-in, phone or letter report
and shows the tracking code to read to the citizen."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, resumed_fields, staff_page
from gesi_app.casework.intake import IntakeOptions, parse_intake, take_in
from gesi_app.i18n import get_locale, gettext
from gesi_app.public.labels import TYPE_LABELS
from gesi_app.public.service import filter_options
from gesi_app.reports.codes import spaced
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Channel, ReportType, WhenKind
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

NO_STORE = {"Cache-Control": "no-store"}


def channel_choices() -> list[Choice]:
    return [
        Choice(Channel.WALK_IN.value, gettext("In person, at the office")),
        Choice(Channel.PHONE.value, gettext("By phone")),
        Choice(Channel.LETTER.value, gettext("By letter")),
    ]


@staff_page(Permission.VERIFY)
async def intake(request: Request, user: StaffUser) -> Response:
    locale = get_locale()
    async with db(request) as session:
        options = await filter_options(session)
        context: dict[str, Any] = {
            "errors": {},
            "kept": {},
            "channels": channel_choices(),
            "types": [Choice(t.value, str(TYPE_LABELS[t])) for t in ReportType],
            "yes_no": [Choice("yes", gettext("Yes")), Choice("no", gettext("No"))],
            "when_kinds": [
                Choice(WhenKind.DATE.value, gettext("On a date")),
                Choice(WhenKind.ONGOING.value, gettext("It is still happening")),
                Choice(WhenKind.UNKNOWN.value, gettext("Not known")),
            ],
            "topic_none": [Choice("", gettext("Not known yet"))],
            "topic_groups": [
                (
                    g.parent.name(locale),
                    [Choice(str(c.id), c.name(locale)) for c in (g.parent, *g.children)],
                )
                for g in options.topics
            ],
            "areas": [Choice("", gettext("Not known"))]
            + [Choice(a.code, a.name) for a in options.areas],
        }
        if request.method == "GET":
            resumed = resumed_fields(request)
            context.update(kept=resumed or {}, resumed=resumed is not None)
            return page(request, user, "staff/intake.html", context)
        allowed = IntakeOptions(
            topics={int(c.value) for _, group in context["topic_groups"] for c in group},
            kecamatan=options.area_codes,
            today=clock.today(state_of(request).settings.timezone),
        )
        new, kept, errors = parse_intake(await request.form(), allowed, locale)
        if new is None:
            context.update(kept=kept, errors=errors)
            return page(request, user, "staff/intake.html", context, status_code=400)
        submitted = await take_in(
            session,
            user,
            new,
            ip=client_address(request),
            timezone=state_of(request).settings.timezone,
            deadlines=state_of(request).resource(Deadlines),
            hasher=state_of(request).hasher,
        )
    report = submitted.report
    done = {
        "report": report,
        "pin": submitted.pin,
        "pin_spelled": spaced(submitted.pin),
        "spaced_code": spaced(report.tracking_code),
    }
    return page(request, user, "staff/intake_done.html", done, headers=NO_STORE)


routes = [Route("/staff/intake", intake, methods=["GET", "POST"], name="staff_intake")]
