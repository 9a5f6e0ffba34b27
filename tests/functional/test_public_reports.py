"""The public reports list and a report's public page, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.reports.models import ReportType, Status, WhenKind
from gesi_app.reports.service import report_by_code
from gesi_app.tracking.service import add_reply
from tests import factories
from tests.functional.public_data import add, move, topic_id


def codes_listed(html: str) -> list[str]:
    return re.findall(r'<h3 class="report-title"><a href="/reports/([A-Z0-9-]+)">', html)


@pytest.fixture
def reports(database_url: str) -> dict[str, str]:
    factories.seed(database_url)
    jalan, puskesmas, drainase = (
        topic_id(database_url, s) for s in ("jalan", "puskesmas", "drainase")
    )
    made = {
        "A": add(database_url, 1, category_id=jalan, title="Jalan berlubang di pasar"),
        "B": add(
            database_url,
            2,
            type=ReportType.ASPIRASI,
            category_id=puskesmas,
            region_code="36.03.18",
            title="Antrian puskesmas lama",
            description="Tolong tambah LOKET pendaftaran.",
        ),
        "C": add(
            database_url,
            3,
            type=ReportType.PERMINTAAN_INFORMASI,
            category_id=drainase,
            region_code="36.03.18.2002",
            title="Saluran air mampet",
            description="Kapan saluran dibersihkan?",
        ),
        "R": add(database_url, 4, rahasia=True, category_id=jalan, title="Pungutan di pasar"),
        "E": add(database_url, 5, region_code=None, landmark=None, title="Lampu mati 100%"),
        # Sent, not yet verified: not public.
        "U": add(
            database_url,
            6,
            published=False,
            category_id=jalan,
            title="Pasar belum diperiksa",
            description="Belum diperiksa petugas.",
        ),
    }
    move(database_url, made["B"], Status.DITINDAKLANJUTI)
    return made


# (query, reports listed in this order). Seeding takes a while, so the whole table runs on one
# data set per database.
FILTER_TABLE: list[tuple[dict[str, str], str]] = [
    ({}, "ECBA"),
    ({"type": "pengaduan"}, "EA"),
    ({"type": "aspirasi"}, "B"),
    ({"type": "permintaan_informasi"}, "C"),
    ({"type": "PENGADUAN"}, "ECBA"),
    ({"topic": "jalan"}, "A"),
    ({"topic": "infrastruktur"}, "CA"),
    ({"topic": "no-such-topic"}, "ECBA"),
    ({"area": "36.03.01"}, "A"),
    ({"area": "36.03.18"}, "CB"),
    ({"area": "36.03.1"}, "ECBA"),
    ({"area": "36.03.18.2002"}, "ECBA"),
    ({"status": "ditindaklanjuti"}, "B"),
    ({"status": "terverifikasi"}, "ECA"),
    ({"status": "diterima"}, ""),
    ({"status": "selesai"}, ""),
    ({"status": "nonsense"}, "ECBA"),
    ({"q": "loket"}, "B"),
    ({"q": "SALURAN"}, "C"),
    ({"q": "berlubang"}, "A"),
    ({"q": "pasar"}, "EA"),
    ({"q": "100%"}, "E"),
    ({"q": "%"}, "E"),
    ({"q": "_"}, ""),
    ({"q": "pungutan"}, ""),
    ({"type": "pengaduan", "area": "36.03.01"}, "A"),
    ({"type": "aspirasi", "topic": "jalan"}, ""),
    ({"area": "36.03.18", "status": "terverifikasi", "q": "air"}, "C"),
    ({"q": "diperiksa"}, ""),
    ({"page": "abc"}, "ECBA"),
    ({"page": "99"}, "ECBA"),
    ({"page": "-1", "type": ""}, "ECBA"),
]


def test_filters(client: TestClient, reports: dict[str, str]) -> None:
    for query, expected in FILTER_TABLE:
        response = client.get("/reports", params={**query, "lang": "id"})
        assert response.status_code == 200, query
        assert codes_listed(response.text) == [reports[key] for key in expected], query
        assert reports["R"] not in response.text
        assert reports["U"] not in response.text
        heading = re.search(r'<h2 id="results-count"[^>]*>([^<]+)</h2>', response.text)
        assert heading and heading.group(1) == f"{len(expected)} laporan", query


def test_list_item_shows_type_topic_area_status_date_and_support(
    client: TestClient, reports: dict[str, str]
) -> None:
    html = client.get("/reports", params={"q": "saluran", "lang": "en"}).text
    start = html.index('<li class="report-item">')
    item = html[start : html.index("</li>", start)]
    for text in (
        "Saluran air mampet",
        "<dd>Information request</dd>",
        "<dd>Drains and flooding</dd>",
        "<dd>Cikupa</dd>",
        "<dd>Verified</dd>",
        '<time datetime="2026-11-02T10:03:00+07:00">',  # 03:03 UTC in Jakarta
        ">November 2, 2026</time>",
        "<dd>0 supporters</dd>",
    ):
        assert text in item
    assert '<h2 id="results-count" tabindex="-1" data-focus-after-swap>1 report</h2>' in html


def test_filters_are_kept_in_the_form(client: TestClient, reports: dict[str, str]) -> None:
    html = client.get(
        "/reports",
        params={"type": "aspirasi", "topic": "jalan", "area": "36.03.18", "status": "selesai"},
    ).text
    assert 'value="aspirasi" checked' in html
    assert '<option value="jalan" selected>' in html
    assert '<option value="36.03.18" selected>Cikupa</option>' in html
    assert '<option value="selesai" selected>Selesai</option>' in html
    assert '<optgroup label="Infrastruktur">' in html
    assert '<option value="infrastruktur">Semua Infrastruktur</option>' in html
    # Nothing matched: say so plainly and offer to clear the filters.
    assert "Tidak ada laporan yang cocok dengan pilihan Anda." in html
    assert '<a href="/reports">Hapus pilihan dan lihat semua laporan</a>' in html


def test_empty_list_without_filters_offers_no_clearing(client: TestClient) -> None:
    html = client.get("/reports", params={"lang": "en"}).text
    assert "<h1>Public reports</h1>" in html
    assert ">0 reports</h2>" in html
    assert "No reports match what you chose." in html
    assert "Clear the filters" not in html
    assert 'aria-label="Pages of reports"' not in html


def test_pagination_keeps_the_filters(client: TestClient, database_url: str) -> None:
    factories.seed(database_url)
    codes = [add(database_url, i, type=ReportType.ASPIRASI, title=f"Usul {i}") for i in range(41)]
    add(database_url, 100, title="Keluhan terbaru")
    first = client.get("/reports", params={"type": "aspirasi", "lang": "en"}).text
    assert codes_listed(first) == codes[::-1][:20]
    assert ">41 reports</h2>" in first
    nav = first[first.index('<nav class="pagination" aria-label="Pages of reports">') :]
    assert "Page 1 of 3" in nav
    assert "Previous page" not in nav
    assert 'href="/reports?type=aspirasi&amp;page=2" rel="next"' in nav

    second = client.get("/reports", params={"type": "aspirasi", "page": "2", "lang": "id"}).text
    assert codes_listed(second) == codes[::-1][20:40]
    assert "Halaman 2 dari 3" in second
    assert 'href="/reports?type=aspirasi" rel="prev"' in second
    assert 'href="/reports?type=aspirasi&amp;page=3" rel="next"' in second

    # A page past the end shows the last page.
    last = client.get("/reports", params={"type": "aspirasi", "page": "7"}).text
    assert codes_listed(last) == [codes[0]]
    assert "Halaman 3 dari 3" in last
    assert "Halaman berikutnya" not in last


def test_htmx_gets_the_results_with_a_status_message(
    client: TestClient, reports: dict[str, str]
) -> None:
    response = client.get("/reports", params={"area": "36.03.18"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "HX-Request" in response.headers["vary"]
    assert "<html" not in response.text and "<form" not in response.text
    assert codes_listed(response.text) == [reports["C"], reports["B"]]
    assert '<div id="live-status" data-hx-swap-oob="innerHTML">2 laporan</div>' in response.text
    # Without htmx the same URL is the whole page, with no out-of-band part.
    page = client.get("/reports", params={"area": "36.03.18"})
    assert "HX-Request" in page.headers["vary"]
    assert "<html" in page.text and "hx-swap-oob" not in page.text
    # htmx restoring history asks for the whole page.
    restore = client.get(
        "/reports",
        params={"area": "36.03.18"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.text


def test_report_page(client: TestClient, database_url: str, reports: dict[str, str]) -> None:
    code = add(
        database_url,
        9,
        type=ReportType.PERMINTAAN_INFORMASI,
        when_kind=WhenKind.DATE,
        occurred_on=dt.date(2026, 10, 30),
        region_code="36.03.18.2002",
        landmark="Dekat <masjid>",
        description="Baris satu.\nBaris <b>dua</b>.",
        anonim=True,
        category_id=topic_id(database_url, "drainase"),
    )

    report_id = factories.run(database_url, lambda s: report_by_code(s, code)).id
    factories.answer_report(database_url, report_id, "Kami cek besok.\nTerima kasih.")

    async def reply(session: AsyncSession) -> None:
        report = await report_by_code(session, code)
        assert report is not None
        await add_reply(session, report, "BALASAN PELAPOR", timezone="Asia/Jakarta")

    factories.run(database_url, reply)
    html = client.get(f"/reports/{code}", params={"lang": "en"}).text
    for text in (
        f"<dd>{code}</dd>",
        "<dd>Information request</dd>",
        "<dd>Drains and flooding</dd>",
        "<dd>Cikupa</dd>",
        "<dd>Cibadak</dd>",
        "<dd>Dekat &lt;masjid&gt;</dd>",
        '<time datetime="2026-10-30">October 30, 2026</time>',
        "<dd>Verified</dd>",
        "<dd>Sent without a name</dd>",
        '<p class="pre-line">Baris satu.\nBaris &lt;b&gt;dua&lt;/b&gt;.</p>',
        '<p class="pre-line">Kami cek besok.\nTerima kasih.</p>',
        "No one supports this report yet.",
    ):
        assert text in html
    assert "BALASAN PELAPOR" not in html
    assert "No answer yet." not in html
    assert html.count("<h1") == 1
    assert re.search(r"<title>Jalan berlubang di Jl. Raya Balaraja – Suara</title>", html)

    # A report that is not anonim still shows no name, and says it has no answer yet.
    other = client.get(f"/reports/{reports['A']}", params={"lang": "id"}).text
    assert "<dd>Kami tidak menampilkan nama</dd>" in other
    assert "Belum ada tanggapan." in other
    assert "<dd>Masih terjadi</dd>" in other


@pytest.mark.parametrize(
    "path", ["/reports/{R}", "/reports/{U}", "/reports/SRA-2222-22", "/reports/nonsense"]
)
def test_rahasia_unverified_and_unknown_reports_are_not_found(
    client: TestClient, reports: dict[str, str], path: str
) -> None:
    response = client.get(path.format(**reports))
    assert response.status_code == 404
    assert "<h1>Halaman tidak ditemukan</h1>" in response.text
    assert "Pungutan" not in response.text
    assert "diperiksa" not in response.text


def test_a_code_typed_in_lower_case_finds_the_report(
    client: TestClient, reports: dict[str, str]
) -> None:
    response = client.get(f"/reports/{reports['A'].lower()}")
    assert response.status_code == 200
    assert "Jalan berlubang di pasar" in response.text


SECRETS = (
    "RAHASIA-JUDUL-7Q",
    "RAHASIA-ISI-7Q",
    "Nama Anonim Unik",
    "anonim.unik@example.org",
    "+6281299990000",
    "081299990000",
    "Siti Rahma",
    "siti@example.org",
    "+6281234567890",
)


def test_private_things_appear_on_no_public_page(client: TestClient, database_url: str) -> None:
    factories.seed(database_url)
    for i in range(21):
        add(database_url, i, title=f"Laporan biasa {i}")
    add(
        database_url,
        30,
        rahasia=True,
        title="RAHASIA-JUDUL-7Q",
        description="RAHASIA-ISI-7Q",
    )
    anonim = add(
        database_url,
        31,
        anonim=True,
        title="Laporan tanpa nama",
        contact_name="Nama Anonim Unik",
        contact_email="anonim.unik@example.org",
        contact_phone="+6281299990000",
        segment=factories.Segment(gender="perempuan", age_band="16-30", wg={"seeing": 3}),
    )
    named = add(database_url, 32, title="Laporan dengan nama")
    pages = [
        "/reports",
        "/reports?page=2",
        "/reports?q=rahasia",
        "/reports?q=Nama+Anonim",
        "/reports?q=siti",
        f"/reports/{anonim}",
        f"/reports/{named}",
    ]
    for lang in ("id", "en"):
        for path in pages:
            response = client.get(path, params={"lang": lang})
            assert response.status_code == 200
            for secret in SECRETS:
                assert secret not in response.text, (path, secret)
    assert codes_listed(client.get("/reports?q=rahasia").text) == []
    assert codes_listed(client.get("/reports?q=Nama+Anonim").text) == []
