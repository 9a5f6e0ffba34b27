"""The forums' HTTP layer: every forum route, public and staff, for the app factory to mount.

One module per page group; the rules they call live one level up (``gesi_app.forums``).
"""

from __future__ import annotations

from gesi_app.forums.routes import (
    board,
    document_pages,
    follow_up,
    minutes_pdf,
    public,
    staff,
    staff_capture,
    staff_corrections,
    staff_follow_up_group,
    staff_manage,
    staff_minutes,
    staff_moderate,
    staff_outcomes,
    staff_prioritise,
    voice,
    votes,
)

routes = [
    *public.routes,
    *follow_up.routes,
    *board.routes,
    *staff.routes,
    *staff_capture.routes,
    *staff_minutes.routes,
    *staff_outcomes.routes,
    *staff_follow_up_group.routes,
    *minutes_pdf.routes,
    *document_pages.routes,
    *staff_manage.routes,
    *votes.routes,
    *staff_prioritise.routes,
    *voice.routes,
    *staff_moderate.routes,
    *staff_corrections.routes,
]
