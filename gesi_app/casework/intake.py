"""Staff intake: an officer types in a report brought in person, by phone or by letter.

The report records everything the web journey records (village, "about you" with the
person's consent, evidence files, a voice message or sign-language video), parsed by the
journey's own parsers and stored by the same service, flagged with its channel. Files wait on
a draft keyed by the form's one-time token; the token is stored with the report, so the same
form sent twice (a reload, a double click) finds the first report and stores nothing new.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.db.base import utcnow
from gesi_app.i18n import gettext
from gesi_app.passwords import Hasher
from gesi_app.reports import draft_store, drafting, journey
from gesi_app.reports import forms as report_forms
from gesi_app.reports.collective import ActingGroup
from gesi_app.reports.collective_staff import FIELDS as COLLECTIVE_FIELDS
from gesi_app.reports.collective_staff import parse_collective
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Attachment, Channel, Draft, Report, ReportType, WhenKind
from gesi_app.reports.service import NewReport, Submitted, submit_report
from gesi_app.web.forms import field_text
from gesi_app.web.numbers import parse_int

STAFF_CHANNELS = (Channel.WALK_IN, Channel.PHONE, Channel.LETTER)
ABOUT_YOU = ("gender", "age_band", *(f"wg_{d}" for d in journey.WG_DOMAINS))
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
    "desa",
    "landmark",
    "anonim",
    "rahasia",
    "about_consent",
    *ABOUT_YOU,
    "contact_name",
    "contact_phone",
    "contact_email",
    "evidence_description",
    *COLLECTIVE_FIELDS,
)
OWNER = "_intake_by"  # the draft key naming the staff member whose form it is
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


@dataclass(frozen=True)
class IntakeOptions:
    topics: Collection[int]  # category ids
    kecamatan: Collection[str]
    desa: Mapping[str, str] = field(default_factory=dict)  # village code -> its kecamatan code
    today: dt.date | None = None  # in the site's time zone: a date cannot lie after it
    # Approved community groups by id: a paper petition may be sent on behalf of one.
    groups: Mapping[int, ActingGroup] = field(default_factory=dict)


@dataclass(frozen=True)
class Recording:
    """The recording already on the form's draft: what "What happened" is told by."""

    kind: str
    seconds: int | None


class AlreadyTakenIn(Exception):
    """This form was sent before: its report is stored; nothing new was."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.tracking_code)
        self.report = report


def new_token() -> str:
    return secrets.token_urlsafe(32)


def valid_token(value: str) -> str | None:
    return value if _TOKEN.match(value) else None


def kept_fields(form: FormData) -> tuple[dict[str, str], list[str]]:
    """What was typed and chosen, to show again: the text fields, and the kinds ticked."""
    kept = {name: field_text(form, name) for name in FIELDS}
    kinds = [v for v in form.getlist("disability_kinds") if isinstance(v, str)]
    return kept, kinds


def _about_you(
    form: FormData, kept: Mapping[str, str], kinds: list[str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The "about you" answers, only with the person's consent; the journey's parsers."""
    given = [name for name in ABOUT_YOU if kept[name]] + (["disability_kinds"] if kinds else [])
    consent = kept["about_consent"]
    if consent not in ("", "yes", "no"):
        return {}, {"about_consent": gettext("Choose yes or no")}
    if consent != "yes":
        if given:
            message = gettext(
                "Choose yes if the reporter agreed to answer questions about themselves, "
                "or clear their answers"
            )
            return {}, {"about_consent": message}
        return {}, {}
    answers: dict[str, Any] = {"about_consent": "yes"}
    errors: dict[str, str] = {}
    slugs = ("gender", "age", *(f"difficulty-{d}" for d in journey.WG_DOMAINS))
    for slug in slugs:
        parsed = report_forms.PARSERS[slug](form, report_forms.Options())
        answers.update(parsed.answers)
        errors.update(parsed.errors)
    parsed = report_forms.parse_disability_kind(form, report_forms.Options())
    errors.update(parsed.errors)
    if kinds and not errors and not journey.BY_SLUG["disability-kind"].applies(answers):
        errors["disability_kinds"] = gettext(
            "Choose a kind of disability only when an answer above is "
            "A lot of difficulty or Cannot do at all"
        )
    answers.update(parsed.answers)
    return answers, errors


def _place(kept: Mapping[str, str], options: IntakeOptions) -> tuple[str | None, dict[str, str]]:
    """The kecamatan, and a village in it (the journey's village rule: one of the district's)."""
    errors: dict[str, str] = {}
    kecamatan, desa = kept["kecamatan"], kept["desa"]
    if kecamatan and kecamatan not in options.kecamatan:
        errors["kecamatan"] = gettext("Choose a district from the list")
    if desa:
        in_district = [code for code, parent in options.desa.items() if parent == kecamatan]
        village = FormData([("desa", desa)])
        parsed = report_forms.parse_village(village, report_forms.Options(desa=in_district))
        if parsed.errors or desa == "unknown":
            errors["desa"] = gettext("Choose a village in the district you chose, or Not known")
    if errors:
        return None, errors
    return (desa or kecamatan or None), {}


def parse_intake(
    form: FormData,
    options: IntakeOptions,
    locale: str,
    recording: Recording | None = None,
) -> tuple[NewReport | None, dict[str, str], dict[str, str]]:
    """The intake form: the same rules as the web journey, in one page for an officer.

    What happened is told in words, or by the recording already on the form (``recording``).
    """
    kept, kinds = kept_fields(form)
    errors: dict[str, str] = {}
    if kept["channel"] not in {c.value for c in STAFF_CHANNELS}:
        errors["channel"] = gettext("Choose how the report came in")
    if kept["type"] not in {t.value for t in ReportType}:
        errors["type"] = gettext("Choose the type of report")
    topic = parse_int(kept["topic"])
    if kept["topic"] and topic not in options.topics:
        errors["topic"] = gettext("Choose a topic from the list")
    errors.update(report_forms.parse_title(form, report_forms.Options()).errors)
    if kept["details"] or recording is None:
        errors.update(report_forms.parse_details(form, report_forms.Options()).errors)
    # When it happened: the web journey's question and rules (a date, still happening, not known).
    when = report_forms.parse_when(form, report_forms.Options(today=options.today))
    errors.update(when.errors)
    region_code, place_errors = _place(kept, options)
    errors.update(place_errors)
    errors.update(report_forms.parse_landmark(form, report_forms.Options()).errors)
    if kept["anonim"] not in ("yes", "no"):
        errors["anonim"] = gettext("Choose yes if the reporter wants their name hidden, or no")
    if kept["rahasia"] not in ("yes", "no"):
        errors["rahasia"] = gettext("Choose yes if the report must not be public, or no")
    about, about_errors = _about_you(form, kept, kinds)
    errors.update(about_errors)
    contact = report_forms.parse_contact(
        form, report_forms.Options(anonymous=kept["anonim"] == "yes")
    )
    errors.update(contact.errors)
    collective, collective_errors = parse_collective(form, options.groups, kept["anonim"] == "yes")
    errors.update(collective_errors)
    if errors:
        return None, kept, errors
    told = {
        "details": kept["details"],
        "recording": {"kind": recording.kind, "seconds": recording.seconds} if recording else None,
    }
    new = NewReport(
        type=ReportType(kept["type"]),
        title=kept["title"],
        description=drafting.told_by(told),
        when_kind=WhenKind(when.answers["when_kind"]),
        occurred_on=(
            dt.date.fromisoformat(when.answers["occurred_on"])
            if when.answers["occurred_on"]
            else None
        ),
        anonim=kept["anonim"] == "yes",
        rahasia=kept["rahasia"] == "yes",
        category_id=topic,
        region_code=region_code,
        landmark=kept["landmark"] or None,
        contact_name=contact.answers["contact_name"],
        contact_email=contact.answers["contact_email"],
        contact_phone=contact.answers["contact_phone"],
        segment=None if collective else drafting.segment_of(about),
        locale=locale,
        channel=Channel(kept["channel"]),
        collective=collective,
    )
    return new, kept, errors


async def form_draft(session: AsyncSession, user: StaffUser, token: str) -> Draft | None:
    """The draft holding this intake form's files, if it is this staff member's."""
    draft = await draft_store.load_draft(session, token)
    if draft is None or draft.answers.get(OWNER) != user.id:
        return None
    return draft


async def start_form_draft(session: AsyncSession, user: StaffUser, token: str) -> Draft:
    """A draft for this form's files, under the form's token."""
    now = utcnow()
    draft = Draft(id=token, answers={OWNER: user.id}, created_at=now, updated_at=now)
    session.add(draft)
    await session.flush()
    return draft


def keep_on_draft(draft: Draft, kept: Mapping[str, str], kinds: list[str]) -> None:
    """What was typed, so the form shows it again after a file was added or removed."""
    draft_store.update_answers(draft, {"kept": dict(kept), "kinds": list(kinds)})


def kept_on_draft(draft: Draft) -> tuple[dict[str, str], list[str]]:
    kept = draft.answers.get("kept")
    kinds = draft.answers.get("kinds")
    return (
        {str(k): str(v) for k, v in kept.items()} if isinstance(kept, dict) else {},
        [str(k) for k in kinds] if isinstance(kinds, list) else [],
    )


async def taken_in_with(session: AsyncSession, token: str) -> Report | None:
    """The report this intake form already stored, if any."""
    return await session.scalar(select(Report).where(Report.intake_token == token))


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
    """Store a report typed in by staff (committed), then audit who took it in.

    With an intake token, a form sent before raises AlreadyTakenIn with its report; the
    token's uniqueness in the database settles two sends at the same moment."""
    require(user, Permission.VERIFY)
    if new.channel not in STAFF_CHANNELS:
        raise ValueError(f"staff intake is for {STAFF_CHANNELS}, not {new.channel}")
    if new.intake_token and (earlier := await taken_in_with(session, new.intake_token)):
        raise AlreadyTakenIn(earlier)
    try:
        submitted = await submit_report(
            session, new, hasher=hasher, timezone=timezone, deadlines=deadlines
        )
    except IntegrityError:
        await session.rollback()
        earlier = await taken_in_with(session, new.intake_token) if new.intake_token else None
        if earlier is None:
            raise
        raise AlreadyTakenIn(earlier) from None
    report = submitted.report
    after = {"status": report.status.value, "channel": report.channel.value}
    if report.group_id is not None:  # a paper petition: the group and weight staff typed in
        after.update(group=str(report.group_id), weight=str(report.weight))
    await audit.record(
        session, user, Action.REPORT_TAKEN_IN, "report", report.tracking_code, None, after, ip
    )
    await session.commit()
    return submitted


async def attachments_of(session: AsyncSession, draft: Draft | None) -> list[Attachment]:
    if draft is None:
        return []
    result = await session.scalars(
        select(Attachment).where(Attachment.draft_id == draft.id).order_by(Attachment.id)
    )
    return list(result.all())
