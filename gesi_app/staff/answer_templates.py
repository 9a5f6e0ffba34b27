"""Response templates for answers: a fixed list in code for now (a table an admin could edit
would need a migration). Each is a starting point in plain language, in the page's language;
the officer fills the [brackets] before sending.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.support import LazyProxy

from gesi_app.web.forms import Choice
from gesi_app.web.i18n import gettext, lazy_gettext


@dataclass(frozen=True)
class ResponseTemplate:
    key: str
    label: LazyProxy
    text: LazyProxy


TEMPLATES: tuple[ResponseTemplate, ...] = (
    ResponseTemplate(
        "fixed",
        lazy_gettext("The problem is fixed"),
        lazy_gettext(
            "Thank you for your report. We fixed the problem on [date]. "
            "If it is not fixed, reply to this answer."
        ),
    ),
    ResponseTemplate(
        "scheduled",
        lazy_gettext("Work is planned"),
        lazy_gettext(
            "Thank you for your report. We checked the place. "
            "We will fix it by [date]. We will tell you when it is done."
        ),
    ),
    ResponseTemplate(
        "more_information",
        lazy_gettext("We need more information"),
        lazy_gettext(
            "Thank you for your report. To help you, we need to know [what]. "
            "Please reply to this answer."
        ),
    ),
    ResponseTemplate(
        "information",
        lazy_gettext("The information you asked for"),
        lazy_gettext(
            "Thank you for your question. Here is the information: [information]. "
            "You can also ask at [office], open [days and hours]."
        ),
    ),
)
BY_KEY = {t.key: t for t in TEMPLATES}


def template_choices() -> list[Choice]:
    return [Choice("", gettext("Choose a template"))] + [
        Choice(t.key, str(t.label)) for t in TEMPLATES
    ]


def template_text(key: str) -> str | None:
    found = BY_KEY.get(key)
    return str(found.text) if found else None
