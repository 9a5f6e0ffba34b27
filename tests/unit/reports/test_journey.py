"""Which questions apply, and where each answer leads."""

from __future__ import annotations

from typing import Any

import pytest

from gesi_app.reports import journey

BASE: dict[str, Any] = {
    "type": "pengaduan",
    "topic": "infrastruktur",
    "_topic_has_children": True,
    "subtopic": "jalan",
    "title": "Jalan",
    "details": "Lubang besar",
    "when_kind": "ongoing",
    "kecamatan": "36.03.01",
    "desa": "36.03.01.1001",
    "_seen_landmark": True,
    "_seen_evidence": True,
    "anonim": "no",
    "rahasia": "no",
    "about_consent": "no",
    "_seen_contact": True,
}


def slugs(answers: dict[str, Any]) -> list[str]:
    return [s.slug for s in journey.applicable(answers)]


def test_skips_sub_topic_village_and_about_you_when_they_do_not_apply() -> None:
    answers = {**BASE, "topic": "unknown", "kecamatan": "unknown"}
    applied = slugs(answers)
    assert "subtopic" not in applied
    assert "village" not in applied
    assert "gender" not in applied
    assert "disability-kind" not in applied
    assert applied[-1] == "contact"


def test_about_you_asks_disability_kind_only_after_a_lot_of_difficulty() -> None:
    answers = {**BASE, "about_consent": "yes", "wg_seeing": "2"}
    assert "disability-kind" not in slugs(answers)
    answers["wg_hearing"] = "3"
    assert "disability-kind" in slugs(answers)
    answers["wg_hearing"] = "prefer_not"
    assert "disability-kind" not in slugs(answers)


@pytest.mark.parametrize(
    ("answers", "current", "returning", "expected"),
    [
        ({"type": "aspirasi"}, "type", False, "topic"),
        ({**BASE}, "contact", False, "check"),
        ({**BASE}, "title", True, "check"),
        # A new topic with sub-topics, changed from check your answers: ask the sub-topic first.
        ({**BASE, "topic": "kesehatan", "subtopic": None}, "topic", True, "subtopic"),
        ({**BASE, "about_consent": "yes"}, "about-you", True, "gender"),
        ({**BASE, "topic": "unknown", "_topic_has_children": False}, "topic", False, "title"),
    ],
)
def test_next_step(answers: dict[str, Any], current: str, returning: bool, expected: str) -> None:
    answers = {k: v for k, v in answers.items() if v is not None}
    assert journey.next_step(answers, current, returning) == expected


def test_previous_step_follows_the_answers() -> None:
    assert journey.previous_step(BASE, "type") is None
    assert journey.previous_step(BASE, "title") == "subtopic"
    assert journey.previous_step({**BASE, "topic": "unknown"}, "title") == "topic"
    assert journey.previous_step(BASE, "check") == "contact"


def test_may_visit_only_after_earlier_answers() -> None:
    assert journey.may_visit({}, "type")
    assert not journey.may_visit({}, "title")
    assert journey.may_visit({"type": "aspirasi"}, "topic")
    assert not journey.may_visit({"type": "aspirasi"}, "check")
    assert journey.may_visit(BASE, "check")
    assert journey.first_unanswered(BASE) is None


def test_stale_answers_are_named() -> None:
    answers = {**BASE, "about_consent": "no", "gender": "perempuan", "wg_seeing": "3"}
    assert sorted(journey.stale_keys(answers)) == ["gender", "wg_seeing"]


def test_a_changed_topic_or_kecamatan_clears_the_answer_that_depended_on_it() -> None:
    assert journey.changes_for("topic", BASE, {"topic": "kesehatan"}) == {
        "topic": "kesehatan",
        "subtopic": None,
    }
    assert journey.changes_for("where", BASE, {"kecamatan": "36.03.02"}) == {
        "kecamatan": "36.03.02",
        "desa": None,
    }
    assert journey.changes_for("topic", BASE, {"topic": "infrastruktur"}) == {
        "topic": "infrastruktur"
    }
    assert journey.changes_for("title", BASE, {"title": "Lampu"}) == {"title": "Lampu"}


def test_stale_answers_are_dropped_and_the_rest_kept_in_order() -> None:
    answers = {**BASE, "gender": "female", "wg_seeing": "1"}
    kept = journey.without_stale(answers)
    assert list(kept) == list(BASE)


def test_a_question_not_yet_allowed_sends_back_to_the_first_unanswered() -> None:
    assert journey.resume_at({}) == "type"
    assert journey.resume_at({"type": "pengaduan"}) == "topic"
    assert journey.resume_at(BASE) == "type"  # nothing missing: start at the beginning


def test_every_optional_question_is_marked_seen_by_the_same_key_its_parser_writes() -> None:
    from starlette.datastructures import FormData

    from gesi_app.reports.forms import PARSERS, Options

    for step in journey.STEPS:
        if step.optional and step.slug in PARSERS:
            parsed = PARSERS[step.slug](FormData({}), Options())
            assert journey.is_answered(step, parsed.answers), step.slug
            assert journey.seen_key(step.slug) in parsed.answers
