"""Easy read on the web: turn the registry on for a person who chose it, and draw pictures.

``EasyReadMiddleware`` reads the display preferences cookie and makes the app's easy-read
registry (i18n/easy.py) active for the request, before any route or form runs, so questions,
choices and error messages are all said in easy words. ``picture(text)`` (a Jinja global)
draws the pictogram that the registry puts beside a text; it draws nothing when easy read is
off or the text has no picture. Pictures are decorative (empty ``alt``): the text beside them
says the same.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from gesi_app import i18n
from gesi_app.i18n import easy
from gesi_app.web.preferences import preferences_of

# Pages that keep the standard words even for a device with easy read on: staff pages (their
# messages share msgids with citizen pages, such as "Agency" and "Title", and have no easy
# texts of their own, so they would read half and half; the minutes are an official document)
# and the Open311 API.
STANDARD_PATHS = ("/staff", "/open311")


class EasyReadMiddleware:
    """Easy read for this request when the person's preferences ask for it."""

    def __init__(self, app: ASGIApp, registry: easy.EasyRead) -> None:
        self.app = app
        self.registry = registry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            path: str = scope.get("path", "")
            on = not path.startswith(STANDARD_PATHS) and (
                preferences_of(HTTPConnection(scope)).easy_read
            )
            easy.set_active(self.registry if on else None)
        await self.app(scope, receive, send)


def picture_name(text: object) -> str | None:
    """The pictogram beside ``text`` in easy read, or None."""
    registry = easy.active()
    if registry is None or not text:
        return None
    locale = i18n.get_locale()
    translations = i18n.translations(locale)
    return registry.picture_of(str(text), locale, lambda m: str(translations.gettext(m)))
