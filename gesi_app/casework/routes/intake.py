"""HTTP for staff intake: /staff/intake, one page that stores a walk-in, phone or letter report,
and /staff/intake/done, the tracking code and PIN to read to the citizen.

POST/redirect/GET: a stored report answers with a redirect to the confirmation, so a reload
sends nothing again; the form's one-time token turns a second send of the same form into the
first report's confirmation. Adding or removing a file also redirects back to the form, which
the form's draft fills in again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app import clock
from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, resumed_fields, staff_page
from gesi_app.casework import intake as rules
from gesi_app.i18n import get_locale, gettext
from gesi_app.public.labels import TYPE_LABELS
from gesi_app.public.service import filter_options
from gesi_app.regions.service import children
from gesi_app.reports import draft_store, evidence, receipts, recordings
from gesi_app.reports.codes import spaced
from gesi_app.reports.collective import approved_groups
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.forms import DISABILITY_KINDS
from gesi_app.reports.journey import WG_DOMAINS
from gesi_app.reports.models import Channel, Draft, ReportType, WhenKind
from gesi_app.reports.questions import QUESTIONS, WG_LABELS
from gesi_app.web.client import client_address
from gesi_app.web.csrf import multipart_form
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.numbers import parse_int
from gesi_app.web.state import state_of
from gesi_app.web.uploads import read_limited, uploads_dir

NO_STORE = {"Cache-Control": "no-store"}
DONE_KEY = "intake_done"
REMOVE_RECORDING = "remove-recording"


def channel_choices() -> list[Choice]:
    return [
        Choice(Channel.WALK_IN.value, gettext("In person, at the office")),
        Choice(Channel.PHONE.value, gettext("By phone")),
        Choice(Channel.LETTER.value, gettext("By letter")),
    ]


def _choices(slug: str) -> list[Choice]:
    return [c.resolve() for c in QUESTIONS[slug].choices]


async def _context(session: AsyncSession) -> tuple[dict[str, Any], rules.IntakeOptions]:
    locale = get_locale()
    options = await filter_options(session)
    villages = {area.code: await children(session, area.code) for area in options.areas}
    context: dict[str, Any] = {
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
        "village_none": [Choice("", gettext("Not known"))],
        "village_groups": [
            (area.name, [Choice(v.code, v.name) for v in villages[area.code]])
            for area in options.areas
            if villages[area.code]
        ],
        "genders": _choices("gender"),
        "ages": _choices("age"),
        "difficulties": [
            (f"wg_{d}", str(WG_LABELS[d]), _choices(f"difficulty-{d}")) for d in WG_DOMAINS
        ],
        "kind_choices": [c for c in _choices("disability-kind") if c.value in DISABILITY_KINDS],
        "remove_recording": REMOVE_RECORDING,
        "max_seconds": recordings.MAX_SECONDS,
        "max_files": evidence.MAX_FILES,
    }
    groups = await approved_groups(session)
    context["group_choices"] = [Choice("", gettext("No group: one person's report"))] + [
        Choice(str(g.id), g.name) for g in groups
    ]
    allowed = rules.IntakeOptions(
        topics={int(c.value) for _, group in context["topic_groups"] for c in group},
        kecamatan=options.area_codes,
        desa={v.code: code for code, vs in villages.items() for v in vs},
        groups={g.id: g for g in groups},
    )
    return context, allowed


async def _files(session: AsyncSession, draft: Draft | None) -> dict[str, Any]:
    attached = await rules.attachments_of(session, draft)
    files = [a for a in attached if a.kind in evidence.EVIDENCE_KINDS]
    recording = next((a for a in reversed(attached) if a.kind in recordings.RECORDING_KINDS), None)
    return {
        "files": files,
        "room": len(files) < evidence.MAX_FILES,
        "recording": recording,
        "recording_text": (
            recordings.recording_summary(recording.kind, recording.duration_seconds)
            if recording
            else None
        ),
    }


def _form_url(request: Request, token: str) -> str:
    return f"{request.app.url_path_for('staff_intake')}?{urlencode({'form': token})}"


def _show(
    request: Request,
    user: StaffUser,
    context: dict[str, Any],
    *,
    token: str,
    kept: dict[str, str],
    kinds: list[str],
    errors: dict[str, str] | None = None,
    resumed: bool = False,
) -> Response:
    context.update(token=token, kept=kept, kinds_chosen=kinds, errors=errors or {}, resumed=resumed)
    status = 400 if errors else 200
    return page(request, user, "staff/intake.html", context, status_code=status, headers=NO_STORE)


@staff_page(Permission.VERIFY)
async def intake(request: Request, user: StaffUser) -> Response:
    if request.method == "POST":
        return await _post(request, user)
    async with db(request) as session:
        context, _allowed = await _context(session)
        token = rules.valid_token(request.query_params.get("form", ""))
        draft = await rules.form_draft(session, user, token) if token else None
        if draft is not None and token is not None:
            kept, kinds = rules.kept_on_draft(draft)
            context.update(await _files(session, draft))
            return _show(request, user, context, token=token, kept=kept, kinds=kinds)
        context.update(await _files(session, None))
        resumed = resumed_fields(request)
        return _show(
            request,
            user,
            context,
            token=rules.new_token(),
            kept=resumed or {},
            kinds=[],
            resumed=resumed is not None,
        )


async def _uploads(
    request: Request, session: AsyncSession, draft: Draft, form: FormData
) -> tuple[dict[str, str], bool]:
    """Store the evidence file and the recording chosen, if any, on the form's draft, with
    the journey's checks: the errors of those refused (which stored nothing), and whether an
    evidence file was added."""
    errors: dict[str, str] = {}
    added = False
    folder = uploads_dir(request)
    upload = form.get("evidence_file")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await read_limited(upload, evidence.MAX_BYTES)
        description = str(form.get("evidence_description", "")).strip()
        if data is None:
            errors["evidence_file"] = gettext("The file must be smaller than 10 MB")
        else:
            try:
                await evidence.add_to_draft(
                    session, folder, draft.id, upload.filename, data, description
                )
                added = True
            except evidence.EvidenceError as exc:
                errors[exc.field] = exc.message
    sound = form.get("recording")
    if isinstance(sound, UploadFile) and sound.filename:
        data = await read_limited(sound, recordings.MAX_VIDEO_BYTES)
        if data is None:
            errors["recording"] = recordings.max_bytes_message()
        else:
            try:
                await recordings.set_recording(session, folder, draft.id, sound.filename, data)
            except recordings.RecordingError as exc:
                errors["recording"] = exc.message
    return errors, added


async def _post(request: Request, user: StaffUser) -> Response:
    try:
        form = await multipart_form(request, max_files=2, max_fields=60)
    except HTTPException as exc:
        if exc.status_code != 400:  # a CSRF refusal stays a refusal
            raise
        form = FormData()
    settings = state_of(request).settings
    token = rules.valid_token(str(form.get("form_token", ""))) or rules.new_token()
    async with db(request) as session:
        earlier = await rules.taken_in_with(session, token)
        if earlier is not None:  # this form was sent before: its report, nothing new
            return _done_redirect(request, earlier.tracking_code, None)
        draft = await rules.form_draft(session, user, token)
        if draft is None:
            if await draft_store.load_draft(session, token) is not None:
                token = rules.new_token()  # another's draft: never touch it
            draft = await rules.start_form_draft(session, user, token)
        kept, kinds = rules.kept_fields(form)
        action = str(form.get("action", "save"))
        if action == "upload" and not _chosen(form):
            # Enter in a text box presses the form's first button, Upload file: with no
            # file chosen, that is a press of Save the report.
            action = "save"
        if action.startswith("remove:"):
            file_id = parse_int(action.partition(":")[2])
            if file_id is not None:
                await evidence.remove_from_draft(session, uploads_dir(request), draft.id, file_id)
        elif action == REMOVE_RECORDING:
            await recordings.remove_recording(session, uploads_dir(request), draft.id)
        if action.startswith("remove:") or action == REMOVE_RECORDING:
            rules.keep_on_draft(draft, kept, kinds)
            await session.commit()
            return RedirectResponse(_form_url(request, token), status_code=303)
        errors, added = await _uploads(request, session, draft, form)
        if added:  # the next file gets its own description
            kept["evidence_description"] = ""
        rules.keep_on_draft(draft, kept, kinds)
        await session.commit()  # the files accepted stay with the form, whatever comes next
        if action == "upload" and not errors:
            return RedirectResponse(_form_url(request, token), status_code=303)
        context, allowed = await _context(session)
        allowed = replace(allowed, today=clock.today(settings.timezone))
        files = await _files(session, draft)
        recording = files["recording"]
        told = rules.Recording(recording.kind, recording.duration_seconds) if recording else None
        new, _typed, parse_errors = rules.parse_intake(form, allowed, get_locale(), told)
        if action != "upload":
            errors = {**parse_errors, **errors}
        if new is None or errors:
            context.update(files)
            return _show(request, user, context, token=token, kept=kept, kinds=kinds, errors=errors)
        try:
            submitted = await rules.take_in(
                session,
                user,
                replace(new, draft_id=draft.id, intake_token=token),
                ip=client_address(request),
                timezone=settings.timezone,
                deadlines=state_of(request).resource(Deadlines),
                hasher=state_of(request).hasher,
            )
        except rules.AlreadyTakenIn as taken:
            return _done_redirect(request, taken.report.tracking_code, None)
        receipt = await receipts.issue(session, submitted.report, submitted.pin)
        still = await session.get(Draft, draft.id)
        if still is not None:
            await session.delete(still)
        await session.commit()
        return _done_redirect(request, submitted.report.tracking_code, receipt)


def _chosen(form: FormData) -> bool:
    return any(
        isinstance(f, UploadFile) and bool(f.filename)
        for f in (form.get("evidence_file"), form.get("recording"))
    )


def _done_redirect(request: Request, code: str, receipt: str | None) -> Response:
    """To the confirmation: with a receipt, its one view of the PIN; without, a form sent
    before, whose PIN was shown then."""
    request.session[DONE_KEY] = {"code": code, "receipt": receipt, "again": receipt is None}
    return RedirectResponse(str(request.app.url_path_for("staff_intake_done")), status_code=303)


@staff_page(Permission.VERIFY)
async def intake_done(request: Request, user: StaffUser) -> Response:
    """The tracking code, and the PIN once (its receipt is used up here), as the citizen's
    own confirmation does."""
    done = request.session.get(DONE_KEY)
    if not isinstance(done, dict) or not done.get("code"):
        return RedirectResponse(str(request.app.url_path_for("staff_intake")), status_code=303)
    pin = None
    if done.get("receipt"):
        async with db(request) as session:
            pin = await receipts.redeem(session, str(done["receipt"]))
        request.session[DONE_KEY] = {**done, "receipt": None}
    code = str(done["code"])
    context = {
        "code": code,
        "spaced_code": spaced(code),
        "pin": pin,
        "pin_spelled": spaced(pin) if pin else None,
        "again": bool(done.get("again")),
    }
    return page(request, user, "staff/intake_done.html", context, headers=NO_STORE)


routes = [
    Route("/staff/intake", intake, methods=["GET", "POST"], name="staff_intake"),
    Route("/staff/intake/done", intake_done, name="staff_intake_done"),
]
