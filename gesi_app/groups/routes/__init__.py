"""Every HTTP route of community groups; the registration's fixed paths before /groups/{slug}."""

from gesi_app.groups.routes import desk, public, register, staff_pages, staff_reps

routes = [
    *register.routes,
    *public.routes,
    *staff_pages.routes,
    *staff_reps.routes,
    *desk.routes,
]
