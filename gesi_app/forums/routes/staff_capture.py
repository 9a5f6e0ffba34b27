"""Quick capture: /staff/forums/{code}/capture, one page to write down an input every few seconds.

Without JavaScript each Enter posts, stores and redirects back with the agenda item and the
speaker kept and the text box focused. capture.js posts the same form in the background
(``Accept: application/json``) so the page stays put; a refused input falls back to the
normal post, which shows the error summary. It keeps inputs typed while offline in the
browser and sends them when the connection returns, each with a key (``client_key``) that
the server stores once (forums/offline.py).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.backoffice.web import page, staff_page
from gesi_app.forums import live
from gesi_app.forums.models import Forum
from gesi_app.forums.offline import add_input_once, valid_key
from gesi_app.forums.participation import accepts_inputs, add_input, inputs_of
from gesi_app.forums.participation_forms import parse_input, parse_speaker
from gesi_app.forums.routes.public import agenda_choices
from gesi_app.forums.routes.staff import RUN, staff_forum
from gesi_app.forums.service import ForumClosed, forum_by_code
from gesi_app.i18n import gettext, ngettext
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice
from gesi_app.web.state import state_of

KEPT = ("agenda_item", "gender", "youth", "disability")
RECENT = 5


def speaker_choices() -> dict[str, list[Choice]]:
    return {
        "gender_choices": [
            Choice("skip", gettext("Not known")),
            Choice("woman", gettext("Woman")),
            Choice("man", gettext("Man")),
        ],
        "also_choices": [
            Choice("youth", gettext("Young person (16–30)")),
            Choice("disability", gettext("Person with a disability")),
        ],
    }


def _speaker_fields(form: FormData) -> dict[str, str]:
    """The checkboxes 'also' as the yes/no fields that parse_speaker reads."""
    also = {v for v in form.getlist("also") if isinstance(v, str)}
    gender = form.get("gender", "")
    return {
        "gender": gender if isinstance(gender, str) else "",
        "youth": "yes" if "youth" in also else "",
        "disability": "yes" if "disability" in also else "",
    }


async def _page(
    request: Request, user: StaffUser, forum: Forum, *, status_code: int = 200, **extra: Any
) -> Response:
    async with db(request) as session:
        inputs = await inputs_of(session, forum)
    query = request.query_params
    kept = {name: query.get(name, "") for name in KEPT}
    context = {
        "forum": forum,
        "agenda_choices": agenda_choices(forum),
        "kept": kept,
        "also": [name for name in ("youth", "disability") if kept[name] == "yes"],
        "errors": {},
        "recent": list(reversed(inputs))[:RECENT],
        "count": len(inputs),
        "agenda_titles": {item.id: item.title for item in forum.agenda},
        "saved": query.get("saved") == "1",
        "open": accepts_inputs(forum),
        **speaker_choices(),
        **extra,
    }
    return page(request, user, "forums/staff_capture.html", context, status_code=status_code)


@staff_page(RUN)
async def capture(request: Request, user: StaffUser) -> Response:
    forum = await staff_forum(request, user)
    if isinstance(forum, Response):
        return forum
    if request.method == "GET":
        return await _page(request, user, forum)
    wants_json = request.headers.get("accept", "").startswith("application/json")
    form = await request.form()
    fields = _speaker_fields(form)
    speaker = parse_speaker(FormData(fields))
    parsed = parse_input(form, {item.id for item in forum.agenda})
    errors = {**parsed.errors, **speaker.errors}
    if parsed.value is None or speaker.value is None:
        if wants_json:
            return JSONResponse({"errors": errors}, status_code=400)
        kept = {**parsed.kept, **fields}
        also = [name for name in ("youth", "disability") if fields[name] == "yes"]
        return await _page(
            request, user, forum, status_code=400, errors=errors, kept=kept, also=also
        )
    key = valid_key(form.get("client_key"))
    async with db(request) as session:
        forum = await forum_by_code(session, forum.join_code)
        try:
            if key is None:
                created = True
                item = await add_input(
                    session,
                    forum,
                    parsed.value,
                    staff=user,
                    speaker=speaker.value,
                    ip=client_address(request),
                )
            else:
                item, created = await add_input_once(
                    session,
                    forum,
                    parsed.value,
                    key,
                    staff=user,
                    speaker=speaker.value,
                    ip=client_address(request),
                )
        except ForumClosed:
            return await _page(request, user, forum, status_code=409)
        count = len(await inputs_of(session, forum))
    if created:  # one sent again is on the boards already
        await live.announce(state_of(request).broker, item, state_of(request).settings.timezone)
    if wants_json:
        return JSONResponse(
            {
                "id": item.id,
                "count": count,
                "status": ngettext(
                    "Saved. %(num)s input so far.", "Saved. %(num)s inputs so far.", count
                ),
            }
        )
    query = urlencode({"agenda_item": parsed.value.agenda_item_id, **fields, "saved": "1"})
    url = request.app.url_path_for("staff_forum_capture", code=forum.join_code)
    return RedirectResponse(f"{url}?{query}", status_code=303)


routes = [
    Route(
        "/staff/forums/{code:str}/capture",
        capture,
        methods=["GET", "POST"],
        name="staff_forum_capture",
    )
]
