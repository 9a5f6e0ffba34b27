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
        ("listen:hide", Preferences(listen="hide")),
        ("listen:show|text:large", Preferences(text_size="large", listen="show")),
        ("listen:loud", Preferences()),
    ],
)
def test_parse(raw: str | None, expected: Preferences) -> None:
    assert Preferences.parse(raw) == expected


def test_round_trip_and_classes() -> None:
    prefs = Preferences("largest", True, True, False, False)
    assert Preferences.parse(prefs.serialise()) == prefs
    assert prefs.html_classes == "text-largest high-contrast reduce-motion"
    assert prefs.display_flags == ("high_contrast", "reduce_motion")


def test_listen_buttons_round_trip() -> None:
    for state in ("default", "show", "hide"):
        prefs = Preferences(listen=state)  # type: ignore[arg-type]  # each literal in turn
        assert Preferences.parse(prefs.serialise()) == prefs


@pytest.mark.parametrize(
    ("state", "path", "on"),
    [
        ("default", "/report/type", True),
        ("default", "/track", True),
        ("default", "/staff", False),
        ("default", "/staff/queue", False),
        ("default", "/staffing", True),  # not a staff page: only /staff and below are
        ("show", "/staff/queue", True),
        ("show", "/report/type", True),
        ("hide", "/report/type", False),
        ("hide", "/staff/queue", False),
    ],
)
def test_where_listen_buttons_show(state: str, path: str, on: bool) -> None:
    assert Preferences(listen=state).listen_buttons_on(path) is on  # type: ignore[arg-type]
