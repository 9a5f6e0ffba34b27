"""The rows of "Check your answers": one per question that applies, in journey order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.i18n import gettext as _
from gesi_app.reports import journey
from gesi_app.reports.drafting import place_names, topic_names
from gesi_app.reports.questions import QUESTIONS
from gesi_app.reports.recordings import recording_summary


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    change_slug: str | None  # None: not changeable here


def _choice_label(slug: str, value: Any) -> str:
    for choice in QUESTIONS[slug].choices:
        if choice.value == value:
            return str(choice.label)
    return str(value)


async def summary_rows(
    session: AsyncSession, answers: dict[str, Any], locale: str, evidence: list[str]
) -> list[Row]:
    not_given = _("Not given")
    kecamatan, desa = await place_names(session, answers)
    topics = await topic_names(session, answers, locale)
    dont_know = _("I don't know")

    def when() -> str:
        kind = answers.get("when_kind")
        if kind == "date" and answers.get("occurred_on"):
            return format_date(dt.date.fromisoformat(answers["occurred_on"]), "long", locale=locale)
        return _("It is still happening") if kind == "ongoing" else dont_know

    def told() -> str:
        recording = answers.get("recording")
        lines = [str(answers.get("details") or "")]
        if isinstance(recording, dict):
            lines.append(recording_summary(str(recording.get("kind")), recording.get("seconds")))
        return "\n".join(line for line in lines if line)

    wg_rows = [
        Row(
            str(QUESTIONS[f"difficulty-{d}"].label),
            _choice_label(f"difficulty-{d}", answers.get(f"wg_{d}")),
            f"difficulty-{d}",
        )
        for d in journey.WG_DOMAINS
    ]
    kinds = answers.get("disability_kinds") or []
    group = answers.get(journey.AS_GROUP) or {}

    def counted(key: str) -> str:
        value = answers.get(key)
        return not_given if value is None else format_decimal(int(value), locale=locale)

    slug = "on-behalf-count"
    makers: dict[str, Callable[[], list[Row]]] = {
        "type": lambda: [
            Row(_("Type of report"), _choice_label("type", answers.get("type")), "type")
        ],
        "on-behalf": lambda: [
            Row(
                _("On behalf of your group"),
                _choice_label("on-behalf", answers.get("on_behalf"))
                + (f"\n{group.get('name')}" if answers.get("on_behalf") == "yes" else ""),
                "on-behalf",
            )
        ],
        "on-behalf-count": lambda: [
            Row(_("People you speak for"), counted("behalf_total"), slug),
            Row(_("Women"), counted("behalf_women"), slug),
            Row(_("Young people (16 to 30 years old)"), counted("behalf_youth"), slug),
            Row(_("People with disabilities"), counted("behalf_disability"), slug),
            Row(_("People who signed it"), counted("behalf_signed"), slug),
        ],
        "topic": lambda: [Row(_("Topic"), " – ".join(topics) or dont_know, "topic")],
        "title": lambda: [Row(_("Title"), answers.get("title", ""), "title")],
        "details": lambda: [Row(_("What happened"), told(), "details")],
        "when": lambda: [Row(_("When"), when(), "when")],
        "where": lambda: [Row(_("District (kecamatan)"), kecamatan or dont_know, "where")],
        "village": lambda: [Row(_("Village (desa or kelurahan)"), desa or dont_know, "village")],
        "landmark": lambda: [Row(_("Landmark"), answers.get("landmark") or not_given, "landmark")],
        "evidence": lambda: [Row(_("Evidence"), "\n".join(evidence) or not_given, "evidence")],
        "anonymous": lambda: [
            Row(_("Hide your name"), _choice_label("anonymous", answers.get("anonim")), "anonymous")
        ],
        "confidential": lambda: [
            Row(
                _("Keep from the public"),
                _choice_label("confidential", answers.get("rahasia")),
                "confidential",
            )
        ],
        "about-you": lambda: [
            Row(
                _("Questions about you"),
                _choice_label("about-you", answers.get("about_consent")),
                "about-you",
            )
        ],
        "gender": lambda: [
            Row(_("Gender"), _choice_label("gender", answers.get("gender")), "gender")
        ],
        "age": lambda: [Row(_("Age"), _choice_label("age", answers.get("age_band")), "age")],
        "disability-kind": lambda: [
            Row(
                _("Kind of disability"),
                "\n".join(_choice_label("disability-kind", k) for k in kinds) or not_given,
                "disability-kind",
            )
        ],
        "contact": lambda: [
            *(
                []
                if answers.get("anonim") == "yes"
                else [Row(_("Name"), answers.get("contact_name") or not_given, "contact")]
            ),
            Row(_("Email"), answers.get("contact_email") or not_given, "contact"),
            Row(_("Phone"), answers.get("contact_phone") or not_given, "contact"),
        ],
    }
    rows: list[Row] = []
    for step in journey.applicable(answers):
        if step.slug == "subtopic":
            continue  # shown with the topic
        if step.slug.startswith("difficulty-"):
            rows.extend(r for r in wg_rows if r.change_slug == step.slug)
            continue
        rows.extend(makers[step.slug]())
    return rows
