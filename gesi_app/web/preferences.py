"""Display preferences kept in a cookie and applied on the server (no script, no flash).

The cookie is a short ``key=value`` list so it stays readable and tiny on slow connections.

Listen buttons have three states. ``default`` (nothing chosen): shown on the pages for the
public, where people who cannot read well need them most, and not on staff pages, which staff
read. ``show``: on every page, staff pages too. ``hide``: no Listen button beside each question,
hint and choice; a journey page keeps its one "Listen to this page" control.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Literal

from starlette.requests import HTTPConnection

PREFS_COOKIE = "suara_prefs"
TextSize = Literal["normal", "large", "largest"]
TEXT_SIZES: tuple[TextSize, ...] = ("normal", "large", "largest")
ListenButtons = Literal["default", "show", "hide"]
LISTEN_BUTTONS: tuple[ListenButtons, ...] = ("default", "show", "hide")
STAFF_PREFIX = "/staff"

# Whether the page being rendered draws a Listen button beside each prompt. Set per render
# (templating's page context), read by the audio macros' globals: imported macros see no
# page context, like the locale they read from i18n's ContextVar.
_listen_buttons: ContextVar[bool] = ContextVar("suara_listen_buttons", default=True)


def listen_buttons(value: str) -> ListenButtons | None:
    """The Listen-buttons state named by ``value``, or None when it is not one of ours."""
    for state in LISTEN_BUTTONS:
        if value == state:
            return state
    return None


def text_size(value: str) -> TextSize | None:
    """The text size named by ``value``, or None when it is not one of ours."""
    for size in TEXT_SIZES:
        if value == size:
            return size
    return None


@dataclass(frozen=True)
class Preferences:
    text_size: TextSize = "normal"
    high_contrast: bool = False
    reduce_motion: bool = False
    easy_read: bool = False
    audio_autoplay: bool = False
    listen: ListenButtons = "default"

    @classmethod
    def parse(cls, raw: str | None) -> Preferences:
        prefs = cls()
        if not raw:
            return prefs
        for item in raw.split("|"):
            key, _, value = item.partition(":")
            if key == "text":
                prefs = replace(prefs, text_size=text_size(value) or prefs.text_size)
            elif key == "contrast":
                prefs = replace(prefs, high_contrast=value == "1")
            elif key == "motion":
                prefs = replace(prefs, reduce_motion=value == "1")
            elif key == "easy":
                prefs = replace(prefs, easy_read=value == "1")
            elif key == "autoplay":
                prefs = replace(prefs, audio_autoplay=value == "1")
            elif key == "listen":
                prefs = replace(prefs, listen=listen_buttons(value) or prefs.listen)
        return prefs

    def serialise(self) -> str:
        return "|".join(
            [
                f"text:{self.text_size}",
                f"contrast:{int(self.high_contrast)}",
                f"motion:{int(self.reduce_motion)}",
                f"easy:{int(self.easy_read)}",
                f"autoplay:{int(self.audio_autoplay)}",
                f"listen:{self.listen}",
            ]
        )

    def listen_buttons_on(self, path: str) -> bool:
        """Whether the page at ``path`` draws a Listen button beside each prompt."""
        if self.listen == "default":
            return not (path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/"))
        return self.listen == "show"

    @property
    def display_flags(self) -> tuple[str, ...]:
        """The display checkboxes that are on, by their form values."""
        flags = {
            "high_contrast": self.high_contrast,
            "reduce_motion": self.reduce_motion,
            "easy_read": self.easy_read,
        }
        return tuple(name for name, on in flags.items() if on)

    @property
    def html_classes(self) -> str:
        classes = [f"text-{self.text_size}"]
        if self.high_contrast:
            classes.append("high-contrast")
        if self.reduce_motion:
            classes.append("reduce-motion")
        if self.easy_read:
            classes.append("easy-read")
        return " ".join(classes)


def preferences_of(request: HTTPConnection) -> Preferences:
    return Preferences.parse(request.cookies.get(PREFS_COOKIE))


def set_listen_buttons(on: bool) -> None:
    """Called once per render, before the template runs (see web.templating)."""
    _listen_buttons.set(on)


def listen_buttons_shown() -> bool:
    """Whether the page being rendered draws a Listen button beside each prompt."""
    return _listen_buttons.get()
