"""Parsing the display-preferences form."""

from __future__ import annotations

from starlette.datastructures import FormData

from gesi_app.i18n import gettext
from gesi_app.web.preferences import Preferences, text_size


def parse_preferences(form: FormData) -> tuple[Preferences, dict[str, str]]:
    """The chosen preferences, and field errors keyed by field id (empty when valid)."""
    errors: dict[str, str] = {}
    size = str(form.get("text_size", ""))
    flags = {str(v) for v in form.getlist("display")}
    prefs = Preferences(
        text_size=text_size(size) or "normal",
        high_contrast="high_contrast" in flags,
        reduce_motion="reduce_motion" in flags,
        easy_read="easy_read" in flags,
        audio_autoplay=str(form.get("audio_autoplay", "")) == "on",
    )
    if text_size(size) is None:
        errors["text_size"] = gettext("Choose a text size")
    if str(form.get("audio_autoplay", "")) not in ("on", "off"):
        errors["audio_autoplay"] = gettext("Choose whether audio plays by itself")
    return prefs, errors
