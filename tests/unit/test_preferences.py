"""The preferences cookie format."""

from __future__ import annotations

import pytest

from gesi_app.web.preferences import Preferences


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, Preferences()),
        ("", Preferences()),
        (
            "text:large|contrast:1|motion:0|easy:1|autoplay:1",
            Preferences("large", True, False, True, True),
        ),
        ("text:huge|contrast:yes", Preferences()),
        ("garbage", Preferences()),
        ("motion:1", Preferences(reduce_motion=True)),
    ],
)
def test_parse(raw: str | None, expected: Preferences) -> None:
    assert Preferences.parse(raw) == expected


def test_round_trip_and_classes() -> None:
    prefs = Preferences("largest", True, True, False, False)
    assert Preferences.parse(prefs.serialise()) == prefs
    assert prefs.html_classes == "text-largest high-contrast reduce-motion"
    assert prefs.display_flags == ("high_contrast", "reduce_motion")
