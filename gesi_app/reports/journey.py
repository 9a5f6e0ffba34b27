"""The order of the report journey's questions and which of them apply to a draft's answers.

Pure functions over the answers dict, so the navigation rules are tested without HTTP.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Answers = Mapping[str, Any]
WG_DOMAINS = ("seeing", "hearing", "walking", "remembering", "selfcare", "communicating")


def _always(_answers: Answers) -> bool:
    return True


def _has_subtopics(answers: Answers) -> bool:
    return answers.get("topic") not in (None, "unknown") and bool(
        answers.get("_topic_has_children")
    )


def _knows_kecamatan(answers: Answers) -> bool:
    return answers.get("kecamatan") not in (None, "unknown")


# Put into the answers by the routes, never stored in the draft: the approved community group
# the signed-in representative acts for (reports/collective.py). Only with it do the
# collective questions apply, so nobody else can see or send them.
AS_GROUP = "_as_group"


def _group_rep(answers: Answers) -> bool:
    return isinstance(answers.get(AS_GROUP), Mapping)


def on_behalf(answers: Answers) -> bool:
    """A collective report: a representative sending it on behalf of their group."""
    return _group_rep(answers) and answers.get("on_behalf") == "yes"


def _individual(answers: Answers) -> bool:
    # A collective report is the group's: its name is shown, and the people it speaks for
    # are counted by the group's numbers, not by questions about the representative.
    return not on_behalf(answers)


def _about_you(answers: Answers) -> bool:
    return _individual(answers) and answers.get("about_consent") == "yes"


def _disability(answers: Answers) -> bool:
    return _about_you(answers) and any(
        str(answers.get(f"wg_{d}", "")) in ("3", "4") for d in WG_DOMAINS
    )


@dataclass(frozen=True)
class Step:
    slug: str
    keys: tuple[str, ...]  # the answers this step owns
    applies: Callable[[Answers], bool] = _always
    optional: bool = False  # may be left without an answer (e.g. evidence)


STEPS: tuple[Step, ...] = (
    Step("type", ("type",)),
    Step("on-behalf", ("on_behalf",), _group_rep),
    Step(
        "on-behalf-count",
        ("behalf_total", "behalf_women", "behalf_youth", "behalf_disability", "behalf_signed"),
        on_behalf,
    ),
    Step("topic", ("topic",)),
    Step("subtopic", ("subtopic",), _has_subtopics),
    Step("title", ("title",)),
    Step("details", ("details", "recording")),  # text, or "" when a recording tells it
    Step("when", ("when_kind", "occurred_on")),
    Step("where", ("kecamatan",)),
    Step("village", ("desa",), _knows_kecamatan),
    Step("landmark", ("landmark",), optional=True),
    Step("evidence", (), optional=True),
    Step("anonymous", ("anonim",), _individual),
    Step("confidential", ("rahasia",)),
    Step("about-you", ("about_consent",), _individual),
    Step("gender", ("gender",), _about_you),
    Step("age", ("age_band",), _about_you),
    *(Step(f"difficulty-{d}", (f"wg_{d}",), _about_you) for d in WG_DOMAINS),
    Step("disability-kind", ("disability_kinds",), _disability, optional=True),
    Step("contact", ("contact_name", "contact_email", "contact_phone"), optional=True),
)
BY_SLUG = {step.slug: step for step in STEPS}

# A changed answer to the first question makes the stored answer to the second meaningless:
# a new topic has other sub-topics, a new kecamatan other villages.
DEPENDENT: dict[str, tuple[str, str]] = {
    "topic": ("topic", "subtopic"),
    "where": ("kecamatan", "desa"),
}


def seen_key(slug: str) -> str:
    """The draft key recording that an optional question was shown and passed."""
    return f"_seen_{slug}"


def applicable(answers: Answers) -> list[Step]:
    return [step for step in STEPS if step.applies(answers)]


def is_answered(step: Step, answers: Answers) -> bool:
    if step.optional:
        return seen_key(step.slug) in answers
    return all(key in answers for key in step.keys[:1])


def first_unanswered(answers: Answers) -> Step | None:
    for step in applicable(answers):
        if not is_answered(step, answers):
            return step
    return None


def resume_at(answers: Answers) -> str:
    """Where to send someone who may not see a question yet: the first one unanswered."""
    missing = first_unanswered(answers)
    return missing.slug if missing else "type"


def changes_for(slug: str, answers: Answers, parsed: Answers) -> dict[str, Any]:
    """What to store after ``slug`` was answered: its answers, and None (remove) for a later
    answer that depended on one it changed."""
    changes = dict(parsed)
    if slug in DEPENDENT:
        key, dependent = DEPENDENT[slug]
        if changes.get(key) != answers.get(key):
            changes[dependent] = None
    return changes


def without_stale(answers: Answers) -> dict[str, Any]:
    """The answers without those of questions that no longer apply."""
    stale = set(stale_keys(answers))
    return {key: value for key, value in answers.items() if key not in stale}


def next_step(answers: Answers, current: str, returning: bool) -> str:
    """Where to go after ``current`` was answered: the next question, or "check".

    When changing an answer from "check your answers", go back there unless the change made
    a new question apply that has no answer yet (e.g. a new topic's sub-topic).
    """
    steps = applicable(answers)
    if returning:
        missing = first_unanswered(answers)
        return missing.slug if missing else "check"
    slugs = [s.slug for s in steps]
    if current in slugs:
        index = slugs.index(current)
        if index + 1 < len(slugs):
            return slugs[index + 1]
    return "check"


def previous_step(answers: Answers, current: str) -> str | None:
    slugs = [s.slug for s in applicable(answers)]
    if current == "check":
        return slugs[-1]
    if current in slugs:
        index = slugs.index(current)
        return slugs[index - 1] if index > 0 else None
    return None


def may_visit(answers: Answers, slug: str) -> bool:
    """A question may be shown once every question before it has an answer."""
    for step in applicable(answers):
        if step.slug == slug:
            return True
        if not is_answered(step, answers):
            return False
    return slug == "check" and first_unanswered(answers) is None


def stale_keys(answers: Answers) -> list[str]:
    """Answers of questions that no longer apply (e.g. About you after saying no)."""
    live = {key for step in applicable(answers) for key in step.keys}
    owned = {key for step in STEPS for key in step.keys}
    return [key for key in answers if key in owned and key not in live]
