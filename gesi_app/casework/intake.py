"""Staff intake: an officer types in a report brought in person, by phone or by letter.

The report is stored by the same service as the web journey, flagged with its channel, and
the officer reads the tracking code (and PIN, for an anonim reporter) to the citizen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.i18n import gettext
from gesi_app.passwords import Hasher
from gesi_app.reports import forms as report_forms
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Channel, ReportType, WhenKind
from gesi_app.reports.service import NewReport, Submitted, submit_report
from gesi_app.web.forms import field_text
from gesi_app.web.numbers import parse_int

STAFF_CHANNELS = (Channel.WALK_IN, Channel.PHONE, Channel.LETTER)
FIELDS = (
    "channel",
    "type",
    "topic",
    "title",
    "details",
    "when_kind",
    "when_day",
    "when_month",
    "when_year",
    "kecamatan",
    "landmark",
    "anonim",
    "rahasia",
    "contact_name",
    "contact_phone",
    "contact_email",
)


@dataclass(frozen=True)
class IntakeOptions:
    topics: Collection[int]  # category ids
    kecamatan: Collection[str]
    today: dt.date | None = None  # in the site's time zone: a date cannot lie after it


def parse_intake(
    form: FormData, options: IntakeOptions, locale: str
) -> tuple[NewReport | None, dict[str, str], dict[str, str]]:
    """The intake form: the same rules as the web journey, in one page for an officer."""
    kept = {name: field_text(form, name) for name in FIELDS}
    errors: dict[str, str] = {}
    if kept["channel"] not in {c.value for c in STAFF_CHANNELS}:
        errors["channel"] = gettext("Choose how the report came in")
    if kept["type"] not in {t.value for t in ReportType}:
        errors["type"] = gettext("Choose the type of report")
    topic = parse_int(kept["topic"])
    if kept["topic"] and topic not in options.topics:
        errors["topic"] = gettext("Choose a topic from the list")
    for parse in (report_forms.parse_title, report_forms.parse_details):
        errors.update(parse(form, report_forms.Options()).errors)
    # When it happened: the web journey's question and rules (a date, still happening, not known).
    when = report_forms.parse_when(form, report_forms.Options(today=options.today))
    errors.update(when.errors)
    if kept["kecamatan"] and kept["kecamatan"] not in options.kecamatan:
        errors["kecamatan"] = gettext("Choose a district from the list")
    errors.update(report_forms.parse_landmark(form, report_forms.Options()).errors)
    if kept["anonim"] not in ("yes", "no"):
        errors["anonim"] = gettext("Choose yes if the reporter wants their name hidden, or no")
    if kept["rahasia"] not in ("yes", "no"):
        errors["rahasia"] = gettext("Choose yes if the report must not be public, or no")
    contact = report_forms.parse_contact(
        form, report_forms.Options(anonymous=kept["anonim"] == "yes")
    )
    errors.update(contact.errors)
    if errors:
        return None, kept, errors
    new = NewReport(
        type=ReportType(kept["type"]),
        title=kept["title"],
        description=kept["details"],
        when_kind=WhenKind(when.answers["when_kind"]),
        occurred_on=(
            dt.date.fromisoformat(when.answers["occurred_on"])
            if when.answers["occurred_on"]
            else None
        ),
        anonim=kept["anonim"] == "yes",
        rahasia=kept["rahasia"] == "yes",
        category_id=topic,
        region_code=kept["kecamatan"] or None,
        landmark=kept["landmark"] or None,
        contact_name=contact.answers["contact_name"],
        contact_email=contact.answers["contact_email"],
        contact_phone=contact.answers["contact_phone"],
        locale=locale,
        channel=Channel(kept["channel"]),
    )
    return new, kept, errors


async def take_in(
    session: AsyncSession,
    user: StaffUser,
    new: NewReport,
    *,
    ip: str | None,
    timezone: str,
    deadlines: Deadlines,
    hasher: Hasher,
) -> Submitted:
    """Store a report typed in by staff (committed), then audit who took it in."""
    require(user, Permission.VERIFY)
    if new.channel not in STAFF_CHANNELS:
        raise ValueError(f"staff intake is for {STAFF_CHANNELS}, not {new.channel}")
    submitted = await submit_report(
        session, new, hasher=hasher, timezone=timezone, deadlines=deadlines
    )
    report = submitted.report
    after = {"status": report.status.value, "channel": report.channel.value}
    await audit.record(
        session, user, Action.REPORT_TAKEN_IN, "report", report.tracking_code, None, after, ip
    )
    await session.commit()
    return submitted
