"""Parsing the display-preferences form."""

from __future__ import annotations

import re

from starlette.datastructures import FormData

from gesi_app.i18n import gettext
from gesi_app.web.preferences import ListenButtons, Preferences, listen_buttons, text_size

# A path on this site: one slash first (never "//host"), then plain path characters only.
RETURN_PATH = re.compile(r"/(?:[A-Za-z0-9_-][A-Za-z0-9/_.-]*)?")


def parse_preferences(form: FormData) -> tuple[Preferences, dict[str, str]]:
    """The chosen preferences, and field errors keyed by field id (empty when valid)."""
    errors: dict[str, str] = {}
    size = str(form.get("text_size", ""))
    flags = {str(v) for v in form.getlist("display")}
    # A form made by hand may leave it out: that is the default (the radios always send one).
    listen = str(form.get("listen", "default"))
    prefs = Preferences(
        text_size=text_size(size) or "normal",
        high_contrast="high_contrast" in flags,
        reduce_motion="reduce_motion" in flags,
        easy_read="easy_read" in flags,
        audio_autoplay=str(form.get("audio_autoplay", "")) == "on",
        listen=listen_buttons(listen) or "default",
    )
    if text_size(size) is None:
        errors["text_size"] = gettext("Choose a text size")
    if str(form.get("audio_autoplay", "")) not in ("on", "off"):
        errors["audio_autoplay"] = gettext("Choose whether audio plays by itself")
    if listen_buttons(listen) is None:
        errors["listen"] = gettext("Choose where Listen buttons show")
    return prefs, errors


def parse_listen_switch(form: FormData) -> tuple[ListenButtons | None, str | None]:
    """The Listen-buttons state a start page's switch asks for, and the page to go back to:
    None for either when it is not one we offer (a local path of our own, never another site)."""
    state = listen_buttons(str(form.get("listen", "")))
    back = str(form.get("return", ""))
    return state, back if RETURN_PATH.fullmatch(back) else None
