"""Every HTTP route of staff accounts: the team pages (``users``) and signing in by a one-time
link sent by email or SMS (``links``)."""

from gesi_app.team.routes import links, users

routes = [*users.routes, *links.routes]
