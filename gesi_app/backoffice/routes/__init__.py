"""The back office's own pages: staff sign-in and password resets (``signin``), the audit log
(``audit``) and the response templates (``templates``)."""

from __future__ import annotations

from gesi_app.backoffice.routes import audit, signin, templates

routes = [*signin.routes, *audit.routes, *templates.routes]
