"""/stats/card through the whole app: the page with its month picker and errors, the card as
SVG and PNG (a real PNG of the card's size, drawn once and kept), and the links to it."""

from __future__ import annotations

import html
import io
import re
from typing import Any
from xml.etree import ElementTree

import pytest
from PIL import Image
from starlette.testclient import TestClient

from gesi_app.settings import Settings
from tests.factories import run, seed
from tests.staff_support import make_team, sign_in, summary, title
from tests.unit.stats.test_infographic import fill

SVG = "{http://www.w3.org/2000/svg}"


def _filled(database_url: str) -> None:
    seed(database_url)
    run(database_url, fill)


@pytest.mark.parametrize(
    ("lang", "error", "prefix"),
    [
        ("en", "Enter the month as year and month, for example 2026-11", "Error:"),
        ("id", "Tulis bulan sebagai tahun dan bulan, misalnya 2026-11", "Kesalahan:"),
    ],
)
def test_a_wrong_month_is_shown_at_its_field_and_kept(
    client: TestClient, lang: str, error: str, prefix: str
) -> None:
    response = client.get("/stats/card", params={"month": "Maret <b>", "lang": lang})
    assert response.status_code == 400
    page = response.text
    assert title(page).startswith(prefix)
    assert summary(page) == {"month": error}
    assert 'value="Maret &lt;b&gt;"' in page
    assert 'aria-invalid="true"' in page
    assert "<img" not in page  # no card for a wrong month


def test_a_month_not_begun_is_an_error(client: TestClient) -> None:
    response = client.get("/stats/card", params={"month": "2100-01", "lang": "en"})
    assert response.status_code == 400
    assert summary(response.text) == {"month": "Choose this month or a month before it"}
    assert client.get("/stats/card.svg", params={"month": "2100-01"}).status_code == 404
    assert client.get("/stats/card.png", params={"month": "13-2026"}).status_code == 404


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_of_a_month(client: TestClient, database_url: str, lang: str) -> None:
    _filled(database_url)
    page = client.get("/stats/card", params={"month": "2026-03", "lang": lang}).text
    assert 'value="2026-03"' in page
    assert 'src="/stats/card.svg?month=2026-03&amp;lang=' + lang + '"' in page
    for code in ("id", "en"):
        assert f'href="/stats/card.svg?month=2026-03&amp;lang={code}"' in page
        assert f'href="/stats/card.png?month=2026-03&amp;lang={code}"' in page
    alt = re.search(r'<textarea[^>]*id="card-alt"[^>]*>(.*?)</textarea>', page, re.S)
    assert alt is not None
    svg = client.get("/stats/card.svg", params={"month": "2026-03", "lang": lang}).text
    desc = ElementTree.fromstring(svg.encode()).findtext(f"{SVG}desc")  # noqa: S314 (ours)
    assert desc is not None
    assert alt.group(1) == desc.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert ("Reports received: 17." if lang == "en" else "Laporan diterima: 17.") in desc


def test_the_last_full_month_by_default(client: TestClient) -> None:
    page = client.get("/stats/card?lang=en").text
    assert 'value=""' in page
    assert "<img" in page and "Suara: " in page


def test_svg_and_png_of_the_card(client: TestClient, database_url: str, settings: Settings) -> None:
    _filled(database_url)
    svg = client.get("/stats/card.svg", params={"month": "2026-03", "lang": "id"})
    assert svg.headers["content-type"].startswith("image/svg+xml")
    root = ElementTree.fromstring(svg.content)  # noqa: S314 (our own SVG)
    assert root.get("lang") == "id" and root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == "Suara: Maret 2026"

    png = client.get("/stats/card.png", params={"month": "2026-03", "lang": "id"})
    assert png.status_code == 200
    assert png.headers["content-type"] == "image/png"
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png.content[16:20]) == 1200  # IHDR width
    assert int.from_bytes(png.content[20:24]) == 675  # IHDR height
    with Image.open(io.BytesIO(png.content)) as image:
        assert image.size == (1200, 675)
        assert image.getpixel((600, 8))[:3] == (0x1D, 0x4F, 0x91)  # the card's top band
    assert 'filename="suara-2026-03-id.png"' in png.headers["content-disposition"]

    kept = list((settings.data_dir / "cards").glob("*/*.png"))
    assert [p.name.split("-")[:2] for p in kept] == [["2026", "03"]]
    made = kept[0].stat().st_mtime_ns
    again = client.get("/stats/card.png", params={"month": "2026-03", "lang": "id"})
    assert again.content == png.content
    assert kept[0].stat().st_mtime_ns == made  # drawn once, then kept
    client.get("/stats/card.png", params={"month": "2026-03", "lang": "en"})
    assert len(list((settings.data_dir / "cards").glob("*/*.png"))) == 2

    # A new report is a new data version: a new PNG.
    async def more(session: Any) -> None:
        from tests.unit.stats import fixtures as fx

        await fx.report(session, "2026-03-18")

    run(database_url, more)
    newer = client.get("/stats/card.png", params={"month": "2026-03", "lang": "id"})
    assert newer.content != png.content
    assert len(list((settings.data_dir / "cards").glob("id/*.png"))) == 2


def test_linked_from_stats_and_the_staff_area(client: TestClient, database_url: str) -> None:
    assert 'href="/stats/card"' in client.get("/stats?lang=en").text
    make_team(database_url)
    sign_in(client, "fasilitator")
    assert 'href="/stats/card"' in client.get("/staff?lang=en").text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_card_says_what_stats_says_for_the_month(
    client: TestClient, database_url: str, lang: str
) -> None:
    _filled(database_url)
    page = client.get("/stats", params={"from": "2026-03", "to": "2026-03", "lang": lang}).text
    headlines = re.search(r'<ul class="stats-headlines">(.*?)</ul>', page, re.S)
    assert headlines is not None
    sentences = [html.unescape(s) for s in re.findall(r"<li>(.*?)</li>", headlines.group(1))]
    svg = client.get("/stats/card.svg", params={"month": "2026-03", "lang": lang}).text
    desc = ElementTree.fromstring(svg.encode()).findtext(f"{SVG}desc") or ""  # noqa: S314
    assert len(sentences) == 3
    for sentence in sentences:
        assert sentence in desc
