"""Words shown for forum formats, accommodations, audiences and states, translated when shown."""

from __future__ import annotations

from collections.abc import Sequence

from babel.support import LazyProxy

from gesi_app.agencies.models import Agency
from gesi_app.forums.models import (
    Accommodation,
    Audience,
    ForumFormat,
    ForumState,
    InputSource,
    PointState,
)
from gesi_app.i18n import gettext, lazy_gettext
from gesi_app.web.forms import Choice

FORMAT_LABELS: dict[str, LazyProxy] = {
    ForumFormat.IN_PERSON: lazy_gettext("In person"),
    ForumFormat.REMOTE: lazy_gettext("Online"),
    ForumFormat.HYBRID: lazy_gettext("In person and online"),
}

ACCOMMODATION_LABELS: dict[str, LazyProxy] = {
    Accommodation.SIGN_LANGUAGE: lazy_gettext("Sign-language interpreter (BISINDO)"),
    Accommodation.CAPTIONS: lazy_gettext("Live captions"),
    Accommodation.LARGE_PRINT: lazy_gettext("Large print or braille"),
    Accommodation.EASY_READ: lazy_gettext("Easy read"),
}

AUDIENCE_LABELS: dict[str, LazyProxy] = {
    Audience.WOMEN: lazy_gettext("Women"),
    Audience.YOUTH: lazy_gettext("Young people (16–30)"),
    Audience.DISABILITY: lazy_gettext("People with disabilities"),
}

STATE_LABELS: dict[str, LazyProxy] = {
    ForumState.PLANNED: lazy_gettext("Coming up"),
    ForumState.LIVE: lazy_gettext("Happening now"),
    ForumState.ENDED: lazy_gettext("Ended"),
}

POINT_STATE_LABELS: dict[str, LazyProxy] = {
    PointState.PLANNED: lazy_gettext("Planned"),
    PointState.IN_PROGRESS: lazy_gettext("In progress"),
    PointState.DONE: lazy_gettext("Done"),
    PointState.NOT_GOING_AHEAD: lazy_gettext("Not going ahead"),
}

SOURCE_LABELS: dict[InputSource, LazyProxy] = {
    InputSource.PARTICIPANT: lazy_gettext("Participant"),
    InputSource.CAPTURE: lazy_gettext("Facilitator"),
}


def choices(labels: dict[str, LazyProxy]) -> list[Choice]:
    return [Choice(str(value), str(label)) for value, label in labels.items()]


def point_choices(agencies: Sequence[Agency], locale: str) -> dict[str, list[Choice]]:
    """The agreed-point form's lists: owner agency and state, each may be left unset."""
    return {
        "point_owner_choices": [Choice("", gettext("No agency yet"))]
        + [Choice(str(a.id), a.name(locale)) for a in agencies],
        "point_state_choices": [
            Choice("", gettext("Not set yet")),
            *choices(POINT_STATE_LABELS),
        ],
    }


def template_labels() -> dict[str, dict[str, str]]:
    """Every label map as plain strings in this request's language, for the templates."""
    return {
        "formats": {k: str(v) for k, v in FORMAT_LABELS.items()},
        "accommodations": {k: str(v) for k, v in ACCOMMODATION_LABELS.items()},
        "audiences": {k: str(v) for k, v in AUDIENCE_LABELS.items()},
        "states": {k: str(v) for k, v in STATE_LABELS.items()},
        "point_states": {k: str(v) for k, v in POINT_STATE_LABELS.items()},
    }
