"""Language negotiation and lazy strings."""

from __future__ import annotations

import pytest

from gesi_app.i18n import gettext, lazy_gettext, negotiate, set_locale


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", "id"),
        ("en", "en"),
        ("en-US,en;q=0.9,id;q=0.8", "en"),
        ("id;q=0.5,en;q=0.9", "en"),
        ("jv,id;q=0.9", "id"),
        ("in-ID,in;q=0.9", "id"),
        ("en;q=0", "id"),
        ("en;q=bad", "id"),
        ("de,fr", "id"),
    ],
)
def test_negotiate(header: str, expected: str) -> None:
    assert negotiate(header, "id") == expected


def test_negotiate_uses_the_given_default() -> None:
    assert negotiate("de", "en") == "en"


def test_lazy_strings_follow_the_current_locale() -> None:
    text = lazy_gettext("Page not found")
    set_locale("en")
    assert str(text) == "Page not found"
    set_locale("id")
    assert str(text) == "Halaman tidak ditemukan"
    assert gettext("Suara is run by %(authority)s.", authority="X") == "Suara dikelola oleh X."
