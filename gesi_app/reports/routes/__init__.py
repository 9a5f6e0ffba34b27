"""The report journey's HTTP layer: ``journey`` (start, the questions, check your answers,
the confirmation) with the details and evidence pages in modules of their own. The rules they
call live one level up (``gesi_app.reports``)."""

from __future__ import annotations

from gesi_app.reports.routes.journey import routes

__all__ = ["routes"]
