"""The order of the registration questions, and which may be shown for a draft's answers.

Pure functions over the answers dict, so the navigation rules are tested without HTTP.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Step:
    slug: str
    keys: tuple[str, ...]  # the answers this step owns; the first says it was answered


STEPS: tuple[Step, ...] = (
    Step("name", ("name",)),
    Step("kind", ("kind",)),
    Step("area", ("kecamatan",)),
    Step("village", ("desa",)),
    Step("members", ("members_total", "members_women", "members_youth", "members_disability")),
    Step("speaks-for", ("speaks_for",)),
    Step("representative", ("rep_name", "rep_email", "rep_phone")),
)
SLUGS = tuple(step.slug for step in STEPS)
BY_SLUG = {step.slug: step for step in STEPS}


def first_unanswered(answers: Answers) -> str | None:
    for step in STEPS:
        if step.keys[0] not in answers:
            return step.slug
    return None


def may_visit(answers: Answers, slug: str) -> bool:
    """A question may be shown once every question before it has an answer; "check" once all
    have one."""
    missing = first_unanswered(answers)
    if slug == "check":
        return missing is None
    return missing is None or SLUGS.index(slug) <= SLUGS.index(missing)


def changes_for(slug: str, answers: Answers, parsed: Answers) -> dict[str, Any]:
    """What to store after ``slug`` was answered; a new district drops the old village."""
    changes = dict(parsed)
    if slug == "area" and parsed.get("kecamatan") != answers.get("kecamatan"):
        changes["desa"] = None
    return changes


def next_step(answers: Answers, current: str, returning: bool) -> str:
    """The next question, or "check"; from "check your answers" straight back there unless
    a question has no answer now (a new district asks its village)."""
    missing = first_unanswered(answers)
    if returning:
        return missing or "check"
    index = SLUGS.index(current)
    return SLUGS[index + 1] if index + 1 < len(SLUGS) else "check"


def previous_step(current: str) -> str | None:
    if current == "check":
        return SLUGS[-1]
    index = SLUGS.index(current)
    return SLUGS[index - 1] if index > 0 else None
