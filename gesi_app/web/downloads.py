"""A per-address limit on downloads of whole data files (the open data exports and the GESI
tables): each one can be minutes of a core at a million reports, so one address may start at
most ``GESI_DOWNLOADS_PER_HOUR`` of them an hour, counted in the database so the limit holds
across every app process (``gesi_app.limits.shared``). Past it, a page in the request's
language says when to come back, with ``Retry-After`` for scripts.

Call ``refused`` when the request's session holds no connection (see the shared limits)."""

from __future__ import annotations

import math

from starlette.requests import Request
from starlette.responses import Response

from gesi_app import clock
from gesi_app.limits.shared import SharedLimit
from gesi_app.web.client import client_address
from gesi_app.web.state import state_of
from gesi_app.web.templating import render

WINDOW_SECONDS = 3600


async def refused(request: Request) -> Response | None:
    """Count one download from this address; the 429 page when it is over the limit."""
    state = state_of(request)
    limit = SharedLimit(
        state.engine, "downloads", state.settings.downloads_per_hour, WINDOW_SECONDS
    )
    counted = await limit.hit(client_address(request))
    if counted.count <= limit.limit:
        return None
    wait = max(1, math.ceil((counted.until - clock.now()).total_seconds()))
    return render(
        request,
        "errors/downloads.html",
        {"until": counted.until, "minutes": math.ceil(wait / 60), "limit": limit.limit},
        status_code=429,
        headers={"Retry-After": str(wait), "Cache-Control": "no-store"},
    )
