"""Every forum route, public and staff, for the app factory to mount."""

from __future__ import annotations

from gesi_app.forums import board, staff_capture, staff_minutes, staff_routes
from gesi_app.forums import routes as public

routes = [
    *public.routes,
    *board.routes,
    *staff_routes.routes,
    *staff_capture.routes,
    *staff_minutes.routes,
]
