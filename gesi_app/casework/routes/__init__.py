"""Casework's HTTP layer: the staff dashboard (``dashboard``), the queue and a report's page
and actions (``cases``), a new PIN for a reporter (``reporter_keys``), intake of reports taken
by phone or on paper (``intake``) and transcripts (``transcripts``). The rules they call live
one level up (``gesi_app.casework``)."""

from __future__ import annotations

from gesi_app.casework.routes import cases, dashboard, intake, reporter_keys, transcripts

# The dashboard first: /staff is every staff member's start page.
routes = [
    *dashboard.routes,
    *cases.routes,
    *reporter_keys.routes,
    *intake.routes,
    *transcripts.routes,
]
