"""What the minutes as an official document (berita acara) show beyond the minutes page: the
letterhead, the number, the opening in words, signers and the attendance list annex."""

from __future__ import annotations

import zoneinfo
from typing import Any

from starlette.requests import Request

from gesi_app.db.base import aware
from gesi_app.forums import letterhead as lh
from gesi_app.forums.models import Forum
from gesi_app.forums.numbering import document_of
from gesi_app.forums.signing import ORGANISER, attendees_of, provided_of, signers_of
from gesi_app.forums.words import date_in_words, time_with_zone
from gesi_app.i18n import get_locale
from gesi_app.web.database import db
from gesi_app.web.state import state_of
from gesi_app.web.uploads import uploads_dir

BLANK_ROWS = 25  # lines of a blank attendance sheet
SPARE_ROWS = 5  # empty lines after the names on a filled one


async def document_context(request: Request, forum: Forum) -> dict[str, Any]:
    """The document's own parts; the minutes' body comes from ``minutes_context``."""
    timezone = state_of(request).settings.timezone
    locale = get_locale()
    async with db(request) as session:
        head = await lh.letterhead(session)
        doc = await document_of(session, forum)
        signers = await signers_of(session, forum)
        attendees = await attendees_of(session, forum)
        provided = await provided_of(session, forum)
    starts = aware(forum.starts_at).astimezone(zoneinfo.ZoneInfo(timezone))
    signed_on = (
        aware(doc.closed_at).astimezone(zoneinfo.ZoneInfo(timezone)).date()
        if doc and doc.closed_at
        else starts.date()
    )
    return {
        "head": head,
        "logo": lh.logo_data_uri(head, uploads_dir(request)),
        "number": doc.number if doc else None,
        "opening": date_in_words(starts.date(), locale),
        "forum_time": time_with_zone(starts, timezone, locale),
        "signed_on": signed_on,
        "organisers": [s for s in signers if s.role == ORGANISER],
        "representatives": [s for s in signers if s.role != ORGANISER],
        "attendees": attendees,
        "provided": provided,
        "spare_rows": SPARE_ROWS,
    }
