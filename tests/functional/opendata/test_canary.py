"""Canaries: unique strings in every kind of personal or confidential data never appear in
any open data file or page (every GET under /stats without a path parameter, so the
statistics pages are checked too once they are mounted), in either language."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from gesi_app.reports.models import Report, ReportType, Status
from tests import factories
from tests.functional.opendata.opendata_data import make_report

CANARIES = {
    "rahasia_title": "Kanari judul rahasia QX71",
    "rahasia_text": "Kanari isi rahasia ZP38 korupsi",
    "rahasia_place": "Kanari tempat rahasia WB55",
    "anonymous_name": "Kanari Anonim Nama VK29",
    "anonymous_email": "kanari.anonim.vk29@example.org",
    "anonymous_phone": "+6281299887766",
    "named_name": "Kanari Bernama Nama JT64",
    "named_email": "kanari.bernama.jt64@example.org",
    "named_phone": "+6285711223344",
    "public_title": "Kanari judul publik HM83",
    "public_text": "Kanari isi publik HM83 lubang",
    "public_place": "Kanari tempat publik HM84",
    "segment_gender": "kanari-gender-RT4",
    "segment_age": "kanari-umur-RT5",
    "segment_kind": "kanari-ragam-RT6",
}


def _segment(suffix: str) -> factories.Segment:
    return factories.Segment(
        gender=CANARIES["segment_gender"],
        age_band=CANARIES["segment_age"],
        wg={"seeing": 3, "hearing": 1},
        disability_kinds=(CANARIES["segment_kind"] + suffix,),
    )


def _seed(url: str) -> list[str]:
    """Reports carrying the canaries; the secrets (PINs, PIN hashes, the rahasia report's
    code) that must not appear either."""

    async def work(session: AsyncSession) -> list[str]:
        secrets: list[str] = []
        steps = [
            (Status.TERVERIFIKASI, "2026-05-13 02:00"),
            (Status.DITINDAKLANJUTI, "2026-05-14 03:00"),
        ]
        rahasia = await make_report(
            session,
            "2026-05-12 03:00",
            steps,
            rahasia=True,
            title=CANARIES["rahasia_title"],
            description=CANARIES["rahasia_text"],
            landmark=CANARIES["rahasia_place"],
            segment=_segment("a"),
        )
        secrets.append(rahasia)
        await make_report(
            session,
            "2026-05-12 04:00",
            steps,
            anonim=True,
            contact_name=CANARIES["anonymous_name"],
            contact_email=CANARIES["anonymous_email"],
            contact_phone=CANARIES["anonymous_phone"],
            segment=_segment("b"),
        )
        await make_report(
            session,
            "2026-05-12 05:00",
            steps,
            type=ReportType.ASPIRASI,
            title=CANARIES["public_title"],
            description=CANARIES["public_text"],
            landmark=CANARIES["public_place"],
            contact_name=CANARIES["named_name"],
            contact_email=CANARIES["named_email"],
            contact_phone=CANARIES["named_phone"],
            segment=_segment("c"),
        )
        # Not checked yet: in the files, without its code.
        submitted = await factories.add_report(
            session,
            now=dt.datetime(2026, 5, 12, 6, tzinfo=dt.UTC),
            contact_name=CANARIES["named_name"],
            segment=_segment("d"),
        )
        secrets += [submitted.pin, submitted.report.tracking_code]
        hashes = await session.scalars(select(Report.pin_hash))
        secrets += [h for h in hashes if h]
        return secrets

    factories.seed(url)
    found: list[str] = factories.run(url, work)
    return found


def _stats_pages(app: Starlette) -> list[str]:
    return sorted(
        route.path
        for route in app.routes
        if isinstance(route, Route)
        and route.path.startswith("/stats")
        and "{" not in route.path
        and "GET" in (route.methods or ())
    )


def test_no_canary_in_any_open_data_file_or_page(
    app: Starlette, client: TestClient, database_url: str
) -> None:
    secrets = _seed(database_url)
    pages = _stats_pages(app)
    assert {
        "/stats/export.csv",
        "/stats/export.json",
        "/stats/datapackage.json",
        "/stats/data",
    } <= set(pages)
    queries = ["", "?type=aspirasi", "?from=2026-05&to=2026-05", "?area=36.03.01"]
    seen = 0
    for page in pages:
        for query in queries:
            for lang in ("id", "en"):
                response = client.get(f"{page}{query}{'&' if query else '?'}lang={lang}")
                assert response.status_code == 200, page
                # The headlines read aloud (MP3) are not UTF-8: replaced bytes cannot hide ASCII.
                text = response.content.decode("utf-8", errors="replace")
                lowered = text.lower()
                for name, canary in CANARIES.items():
                    assert canary.lower() not in lowered, (page, name)
                for secret in secrets:
                    assert secret not in text, page
                seen += 1
    # The files did list the reports that carry the canaries (the test can fail).
    csv_text = client.get("/stats/export.csv").text
    assert csv_text.count("\r\n") == 1 + 3  # header, the anonymous, named and unchecked ones
    assert seen >= 32
