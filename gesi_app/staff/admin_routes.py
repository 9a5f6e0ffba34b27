"""The admin settings pages in one list, so the staff routes mount them in one place."""

from __future__ import annotations

from gesi_app.agencies import routes as agency_routes
from gesi_app.categories import routes as category_routes
from gesi_app.notifications import routes as notification_routes
from gesi_app.regions import routes as region_routes
from gesi_app.staff import template_routes

routes = [
    *template_routes.routes,
    *agency_routes.routes,
    *category_routes.routes,
    *region_routes.routes,
    *notification_routes.routes,
]
