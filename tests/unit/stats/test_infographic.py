"""The monthly summary card: the month's numbers exactly, "<5" for a small count, both
languages, a well-formed SVG named and described, and the alt text with the same numbers."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree

import pytest

from gesi_app.i18n import set_locale
from gesi_app.stats import infographic
from gesi_app.stats.filters import Filters
from tests.factories import run, seed
from tests.unit.stats import fixtures as fx

SVG = "{http://www.w3.org/2000/svg}"
MARCH = (2026, 3)


async def fill(session: Any) -> None:
    """March 2026: 6 women (youth, a disability), 5 answered the day they were verified and
    one a month later; 6 men, not answered; 5 who did not say. April 2026: 3 reports."""
    for answered in ["2026-03-17"] * 5 + ["2026-04-20"]:
        await fx.report(
            session, "2026-03-16", verified="2026-03-17", answered=answered,
            segment=fx.WOMAN_YOUTH_DISABLED,
        )  # fmt: skip
    for _ in range(6):
        await fx.report(session, "2026-03-16", verified="2026-03-17", segment=fx.MAN_NO_DIFFICULTY)
    for _ in range(5):
        await fx.report(session, "2026-03-16", segment=fx.SKIPPED)
    for _ in range(3):
        await fx.report(session, "2026-04-06", segment=fx.MAN_NO_DIFFICULTY)


def cards(database_url: str, month: tuple[int, int], locale: str) -> infographic.Card:
    async def go(session: Any) -> Any:
        stats = await fx.statistics(session, Filters(start=month, end=month), locale)
        return infographic.card(stats, month, locale)

    return run(database_url, go)  # type: ignore[no-any-return]


def parsed(item: infographic.Card) -> ElementTree.Element:
    return ElementTree.fromstring(infographic.svg(item).encode())  # noqa: S314 (our own SVG)


def texts(root: ElementTree.Element) -> str:
    return " ".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def test_the_card_of_a_month_in_english(database_url: str) -> None:
    seed(database_url)
    run(database_url, fill)
    item = cards(database_url, MARCH, "en")
    assert item.title == "Suara: March 2026"
    assert item.received == "17"
    assert item.on_time == "83.3%"  # 5 of the 6 answered within the deadline
    assert item.gaps[0] == "Women: 6 of 17 reports (35.3%); about 49.4% of the population."
    root = parsed(item)
    assert root.get("role") == "img"
    assert root.get("lang") == "en"
    assert (root.get("width"), root.get("height")) == ("1200", "675")
    assert root.findtext(f"{SVG}title") == "Suara: March 2026"
    assert root.findtext(f"{SVG}desc") == item.alt
    shown = texts(root)
    for words in ("Suara: March 2026", "17", "Reports received", "83.3%", "Women:"):
        assert words in shown
    assert "6 of 17 reports (35.3%)" in " ".join(shown.split())
    assert item.alt.startswith("Suara: March 2026. Reports received: 17. Answered on time")


def test_the_card_in_indonesian(database_url: str) -> None:
    seed(database_url)
    run(database_url, fill)
    item = cards(database_url, MARCH, "id")
    assert item.title == "Suara: Maret 2026"
    assert item.on_time == "83,3%"
    root = parsed(item)
    assert root.get("lang") == "id"
    assert "Laporan diterima" in texts(root)
    assert "Perempuan: 6 dari 17 laporan" in item.alt
    set_locale("en")


def test_a_small_month_shows_fewer_than_five(database_url: str) -> None:
    seed(database_url)
    run(database_url, fill)
    item = cards(database_url, (2026, 4), "en")
    assert item.received == "<5"
    assert item.on_time == "–"
    assert (
        "Answered on time (within 5 working days): too few answered reports to show a share."
        in item.alt
    )
    assert "3" not in re.sub(r"2026|16–30|\d+(\.\d)?%|5", "", item.alt)
    assert "&lt;5" in infographic.svg(item)
    assert ">3<" not in infographic.svg(item)


@pytest.mark.parametrize("locale", ["en", "id"])
def test_the_numbers_on_the_card_are_the_numbers_of_the_alt_text(
    database_url: str, locale: str
) -> None:
    seed(database_url)
    run(database_url, fill)
    item = cards(database_url, MARCH, locale)
    number = re.compile(r"<5|\d+(?:[.,]\d+)?%?")
    on_card = number.findall(" ".join(texts(parsed(item)).split()))
    in_alt = number.findall(item.alt)
    assert sorted(on_card) == sorted(in_alt)  # the same numbers, each as often
    assert "17" in on_card
    set_locale("en")


def test_an_empty_month(database_url: str) -> None:
    seed(database_url)
    item = cards(database_url, (2026, 11), "en")
    assert item.received == "0"
    assert item.on_time == "–"
    assert parsed(item).findtext(f"{SVG}desc") == item.alt
