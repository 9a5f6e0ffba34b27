"""Every forum route, public and staff, for the app factory to mount."""

from __future__ import annotations

from gesi_app.forums import (
    board,
    minutes_pdf,
    staff_capture,
    staff_manage,
    staff_minutes,
    staff_outcomes,
    staff_prioritise,
    staff_routes,
    voice_routes,
    vote_routes,
)
from gesi_app.forums import routes as public

routes = [
    *public.routes,
    *board.routes,
    *staff_routes.routes,
    *staff_capture.routes,
    *staff_minutes.routes,
    *staff_outcomes.routes,
    *minutes_pdf.routes,
    *staff_manage.routes,
    *vote_routes.routes,
    *staff_prioritise.routes,
    *voice_routes.routes,
]
