"""Every HTTP route of community groups; the registration's fixed paths before /groups/{slug}."""

from gesi_app.groups.routes import public, register, staff_pages

routes = [*register.routes, *public.routes, *staff_pages.routes]
