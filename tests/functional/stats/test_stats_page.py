"""/stats through the whole app: filters with stable addresses, errors kept at their fields,
the CSV, chart and table agreeing, and nothing private on the page (a canary test)."""

from __future__ import annotations

import csv
import html as html_text
import io
import re
from typing import Any
from xml.etree import ElementTree

import pytest
from starlette.testclient import TestClient

from gesi_app.reports.models import ReportType
from tests.factories import run, seed
from tests.unit.stats import fixtures as fx

CANARY_TITLE = "KANARI-RAHASIA-7Q4Z judul"
CANARY_TEXT = "KANARI-RAHASIA-9W2X isi laporan rahasia"
CANARY_NAME = "Kanari Orang Rahasia 5K8M"
CANARY_EMAIL = "kanari.5k8m@example.org"


def _fill(database_url: str) -> None:
    seed(database_url)

    async def go(session: Any) -> None:
        """Balaraja (36.03.01): 6 women, 6 men, 6 not stated (5 skipped, 1 rahasia);
        36.03.02: 5 women, 6 men (aspirations, April)."""
        works = await fx.agency(session, "dpupr")
        for segment in (
            [fx.WOMAN_YOUTH_DISABLED] * 6 + [fx.MAN_NO_DIFFICULTY] * 6 + [fx.SKIPPED] * 5
        ):
            await fx.report(
                session, "2026-03-16", verified="2026-03-17", agency=works, segment=segment
            )
        for segment in [fx.WOMAN_YOUTH_DISABLED] * 5 + [fx.MAN_SOME_DIFFICULTY] * 6:
            await fx.report(
                session, "2026-04-06", type=ReportType.ASPIRASI, region_code=fx.KECAMATAN_B,
                segment=segment,
            )  # fmt: skip
        await fx.report(
            session, "2026-04-07", rahasia=True, anonim=True, title=CANARY_TITLE,
            description=CANARY_TEXT, contact_name=CANARY_NAME, contact_email=CANARY_EMAIL,
            landmark="KANARI-PATOKAN", segment=fx.SKIPPED,
        )  # fmt: skip

    run(database_url, go)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_empty_page_renders(client: TestClient, lang: str) -> None:
    response = client.get(f"/stats?lang={lang}")
    assert response.status_code == 200
    assert "<svg" in response.text


def test_canary_never_on_the_page_or_csv(client: TestClient, database_url: str) -> None:
    _fill(database_url)
    pages = [
        client.get(f"/stats?lang={lang}{extra}").text
        for lang in ("id", "en")
        for extra in ("", "&area=36.03.01", "&type=pengaduan", "&from=2026-04&to=2026-04")
    ]
    pages.append(client.get("/stats/gesi.csv").text)
    for text in pages:
        for secret in (CANARY_TITLE, CANARY_TEXT, CANARY_NAME, CANARY_EMAIL, "KANARI"):
            assert secret not in text
        assert "SRA-" not in text  # no tracking code, no list of reports


def test_counts_and_gap_sentences(client: TestClient, database_url: str) -> None:
    _fill(database_url)
    page = client.get("/stats?lang=en").text
    assert "Reports counted: 29." in page
    assert "Women: 11 of 29 reports (37.9%); about 49.4% of the population." in page
    assert "Youth (16–30): 11 of 29 reports (37.9%); about 23.2% of the population." in page
    assert (
        "People with disabilities: 11 of 29 reports (37.9%); about 8.5% of the population." in page
    )
    page_id = client.get("/stats?lang=id").text
    assert (
        "Penyandang disabilitas: 11 dari 29 laporan (37,9%); sekitar 8,5% dari penduduk." in page_id
    )


def test_filters_make_a_stable_address(client: TestClient, database_url: str) -> None:
    _fill(database_url)
    sent = client.get(
        "/stats?lang=en&from=2026-4&to=&area=36.03.02&agency=&type=aspirasi",
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert sent.headers["location"] == "/stats?from=2026-04&area=36.03.02&type=aspirasi&lang=en"
    response = client.get(sent.headers["location"], follow_redirects=False)
    assert response.status_code == 200
    assert "Reports counted: 11." in response.text
    # The CSV link carries the same filters, in one order.
    assert 'href="/stats/gesi.csv?from=2026-04&amp;area=36.03.02&amp;type=aspirasi"' in (
        response.text
    )
    # So do the open data files, and they keep the reports of this view: 11 rows, less the
    # confidential ones, each with a header.
    query = "from=2026-04&amp;area=36.03.02&amp;type=aspirasi"
    for name in ("export.csv", "export.json"):
        assert f'href="/stats/{name}?{query}"' in response.text
    assert 'href="/stats/data"' in response.text
    rows = client.get("/stats/export.csv?" + html_text.unescape(query)).text.splitlines()
    assert 1 < len(rows) <= 1 + 11


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("from=March", "from", "Enter the first month as year and month, for example 2026-01"),
        ("to=2026-13", "to", "Enter the last month as year and month, for example 2026-12"),
        ("from=2026-05&to=2026-04", "to", "The last month must be the same as the first month or after it"),
        ("area=99.99", "area", "Choose an area from the list"),
        ("agency=nowhere", "agency", "Choose an agency from the list"),
        ("type=rumor", "type", "Choose a type of report from the list"),
    ],
)  # fmt: skip
def test_bad_filters_are_errors_at_their_fields(
    client: TestClient, query: str, field: str, message: str
) -> None:
    response = client.get(f"/stats?lang=en&{query}")
    assert response.status_code == 400
    text = response.text
    assert "<title>Error: Statistics – Suara</title>" in text
    assert f'<li><a href="#{field}">{message}</a></li>' in text
    assert f'id="{field}-error"' in text
    typed = query.split("&")[-1].split("=")[1]
    if field in ("from", "to"):
        assert f'value="{typed}"' in text
    assert "Reports counted" not in text


def test_the_csv_with_a_bad_filter_shows_the_form_with_its_error(client: TestClient) -> None:
    response = client.get("/stats/gesi.csv?lang=en&from=March")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    text = response.text
    assert "Enter the first month as year and month, for example 2026-01" in text
    assert 'value="March"' in text
    assert "segment,area_code" not in text


def test_bad_filters_in_indonesian(client: TestClient) -> None:
    text = client.get("/stats?lang=id&from=Maret").text
    assert "<title>Galat:" in text or "<title>Kesalahan:" in text


def test_csv_is_suppressed_and_matches_the_page(client: TestClient, database_url: str) -> None:
    _fill(database_url)
    response = client.get("/stats/gesi.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    gender = {
        (r["area_code"], r["category"]): r["reports"] for r in rows if r["segment"] == "gender"
    }
    # 36.03.02 has no "not stated" (0: "<5"); hiding it alone would leave it to subtraction,
    # so a cell in its row and one in its column are hidden too, and so on.
    assert gender[("36.03.02", "not_stated")] == "<5"
    assert gender[("36.03.02", "yes")] == "hidden"
    assert gender[("36.03.01", "yes")] == "hidden"
    assert gender[("36.03.01", "not_stated")] == "hidden"
    assert gender[("36.03.01", "no")] == "6"
    assert gender[("", "yes")] == "11"
    assert gender[("", "total")] == "29"
    for row in rows:
        assert row["reports"] in ("<5", "hidden") or int(row["reports"]) >= 5
    # The same table on the page, cell for cell.
    page = client.get("/stats?lang=en").text
    table = re.search(r'<table[^>]*data-table="segment-gender".*?</table>', page, re.S)
    assert table is not None
    cells = [
        html_text.unescape(c)
        for c in re.findall(r'<td class="numeric"[^>]*>(.*?)</td>', table.group(0))
    ]
    assert cells == [
        "hidden",
        "6",
        "hidden",
        "18",
        "hidden",
        "6",
        "<5",
        "11",
        "11",
        "12",
        "6",
        "29",
    ]


def _chart_and_table(html: str, key: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    svg = re.search(rf'<svg[^>]*data-chart="{key}".*?</svg>', html, re.S)
    table = re.search(rf'<table[^>]*data-table="{key}".*?</table>', html, re.S)
    assert svg and table
    chart_tree = ElementTree.fromstring(  # noqa: S314  # our own page, from the test's app
        svg.group(0).replace("&nbsp;", " ")
    )
    ns = {"s": "http://www.w3.org/2000/svg"}
    bars = []
    for group in chart_tree.iter():
        if group.get("class") == "chart-bar":
            texts = {t.get("class"): (t.text or "") for t in group}
            bars.append((texts["chart-label"], texts["chart-value"]))
    del ns
    rows = [
        (html_text.unescape(a), html_text.unescape(b))
        for a, b in re.findall(
            r'<tr data-key="[^"]*"><th scope="row">(.*?)</th><td class="numeric"[^>]*>(.*?)</td></tr>',
            table.group(0),
        )
    ]
    return bars, rows


@pytest.mark.parametrize(
    "key", ["type", "topic", "kecamatan", "agency", "status", "month", "scores"]
)
def test_each_chart_shows_the_numbers_of_its_table(
    client: TestClient, database_url: str, key: str
) -> None:
    _fill(database_url)
    for lang in ("id", "en"):
        bars, rows = _chart_and_table(client.get(f"/stats?lang={lang}").text, key)
        assert bars == rows
        assert bars or key == "scores"


def test_listen_says_the_headlines_of_the_view(client: TestClient, database_url: str) -> None:
    _fill(database_url)
    page = client.get("/stats?lang=id&type=aspirasi").text
    match = re.search(
        r'<a class="audio-listen" href="([^"]+)"[^>]*>Dengarkan kalimat ini</a>', page
    )
    assert match is not None
    address = html_text.unescape(match.group(1))
    assert address == "/stats/listen.mp3?type=aspirasi&lang=id"
    spoken = client.get(address)
    assert spoken.status_code == 200
    assert spoken.headers["content-type"] == "audio/mpeg"
    assert len(spoken.content) > 1000
    assert client.get("/stats/listen.mp3?type=rumor").status_code == 404


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_gap_chart_shows_the_shares_of_its_table(
    client: TestClient, database_url: str, lang: str
) -> None:
    _fill(database_url)
    page = client.get(f"/stats?lang={lang}").text
    svg = re.search(r'<svg[^>]*data-chart="gap".*?</svg>', page, re.S)
    table = re.search(r'<table[^>]*data-table="gap".*?</table>', page, re.S)
    assert svg and table
    said = re.findall(r'data-series="(reports|population)">[^:<]*: ([^<]*)</text>', svg.group(0))
    shown = re.findall(r'data-series="(reports|population)"[^>]*>([^<]*)</td>', table.group(0))
    assert said == shown
    assert len(said) == 6
    assert ("population", "8,5%" if lang == "id" else "8.5%") in said
