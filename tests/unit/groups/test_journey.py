"""The registration's navigation rules, without HTTP; the small-number rule of counts."""

from __future__ import annotations

from gesi_app.groups import journey
from gesi_app.groups.service import shown_count

ALL = {
    "name": "Persatuan Tuli Cisoka",
    "kind": "disability",
    "kecamatan": "36.03.01",
    "desa": "whole",
    "members_total": 42,
    "members_women": 20,
    "members_youth": 3,
    "members_disability": 40,
    "speaks_for": "Orang Tuli di Cisoka",
    "rep_name": "Sari",
    "rep_email": None,
    "rep_phone": "+6281234567890",
}


def test_a_question_waits_for_the_ones_before_it() -> None:
    assert journey.may_visit({}, "name")
    assert not journey.may_visit({}, "kind")
    assert journey.may_visit({"name": "x"}, "kind")
    assert not journey.may_visit({"name": "x"}, "check")
    assert journey.may_visit(ALL, "check") and journey.may_visit(ALL, "name")
    assert journey.first_unanswered({"name": "x", "kind": "women"}) == "area"


def test_next_and_previous() -> None:
    assert journey.next_step(ALL, "name", returning=False) == "kind"
    assert journey.next_step(ALL, "representative", returning=False) == "check"
    assert journey.next_step(ALL, "members", returning=True) == "check"
    assert journey.previous_step("name") is None
    assert journey.previous_step("check") == "representative"


def test_a_new_district_drops_the_village_and_asks_it_again() -> None:
    changes = journey.changes_for("area", ALL, {"kecamatan": "36.03.02"})
    assert changes == {"kecamatan": "36.03.02", "desa": None}
    after = {k: v for k, v in {**ALL, **changes}.items() if v is not None or k.startswith("rep")}
    after.pop("desa", None)
    assert journey.next_step(after, "area", returning=True) == "village"
    assert journey.changes_for("area", ALL, {"kecamatan": "36.03.01"}) == {"kecamatan": "36.03.01"}


def test_counts_under_five_are_not_shown() -> None:
    assert [shown_count(n) for n in (0, 1, 4, 5, 120)] == [None, None, None, "5", "120"]
