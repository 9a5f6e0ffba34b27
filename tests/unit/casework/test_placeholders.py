"""Response-template placeholders: filled from what the report says, and found when left."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.agencies.models import Agency
from gesi_app.casework import placeholders
from gesi_app.casework.placeholders import ReportFacts, date_words, fill, left_over
from gesi_app.categories.models import Category
from gesi_app.regions.models import Region
from tests import factories

FACTS = ReportFacts(
    {
        "today": "7 Desember 2026",
        "code": "SRA-7K4Q-2M",
        "agency": "Dinas Pekerjaan Umum",
        "topic": None,  # the report has no topic yet
        "area": "Kelapa Dua, Curug",
        "district": "Curug",
        "village": "Kelapa Dua",
        "deadline": "14 Desember 2026",
        "reported_on": "1 Desember 2026",
    }
)


@pytest.mark.parametrize(
    ("text", "filled"),
    [
        ("Kami perbaiki pada [tanggal].", "Kami perbaiki pada 7 Desember 2026."),
        ("We fixed it on [date].", "We fixed it on 7 Desember 2026."),
        ("Kode [kode lacak], [Kode], [ code ]", "Kode SRA-7K4Q-2M, SRA-7K4Q-2M, SRA-7K4Q-2M"),
        (
            "Diurus oleh [instansi] / [Agency].",
            "Diurus oleh Dinas Pekerjaan Umum / Dinas Pekerjaan Umum.",
        ),
        ("Di [wilayah]; [kecamatan]; [desa]", "Di Kelapa Dua, Curug; Curug; Kelapa Dua"),
        ("Paling lambat [batas waktu].", "Paling lambat 14 Desember 2026."),
        ("Laporan [tanggal laporan].", "Laporan 1 Desember 2026."),
        ("Topik: [topik].", "Topik: [topik]."),  # not known: left for the officer
        ("Kami perlu tahu [apa].", "Kami perlu tahu [apa]."),
        ("Catatan [1] tetap.", "Catatan [1] tetap."),
        ("[tanggal\nlain]", "[tanggal\nlain]"),  # brackets over two lines are not a placeholder
    ],
)
def test_fill_replaces_what_the_report_knows(text: str, filled: str) -> None:
    assert fill(text, FACTS) == filled


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Sudah kami perbaiki pada 7 Desember 2026.", []),
        ("Kami perbaiki pada [tanggal].", ["[tanggal]"]),
        ("We need [what] by [DATE], [what] again.", ["[what]", "[DATE]"]),
        ("Buka [hari dan jam] di [kantor].", ["[hari dan jam]", "[kantor]"]),
        ("Anything [in brackets] is a blank.", ["[in brackets]"]),
        ("An ellipsis [...] or […] or [] too.", ["[...]", "[…]", "[]"]),
        ("A footnote [1] or [2026] is not.", []),
    ],
)
def test_left_over_finds_every_placeholder(text: str, left: list[str]) -> None:
    assert left_over(text) == left


def test_a_filled_template_has_nothing_left_when_the_report_knows_everything() -> None:
    text = "Kode [kode], [instansi], [tanggal], [wilayah], [batas waktu]."
    assert left_over(fill(text, FACTS)) == []


@pytest.mark.parametrize(
    ("locale", "words"), [("id", "17 Agustus 2026"), ("en", "August 17, 2026")]
)
def test_dates_are_written_in_words_in_the_page_language(locale: str, words: str) -> None:
    assert date_words(dt.date(2026, 8, 17), locale) == words
    assert date_words(None, locale) is None


@pytest.mark.parametrize("locale", ["id", "en"])
def test_facts_of_a_report_in_a_village(database_url: str, locale: str) -> None:
    async def work(session: AsyncSession) -> ReportFacts:
        agency = Agency(slug="dpupr", name_id="Dinas PU", name_en="Public Works")
        topic = Category(slug="jalan", name_id="Jalan rusak", name_en="Broken roads")
        session.add_all([agency, topic])
        session.add_all(
            [
                Region(code="36", parent_code=None, name="Banten", level=1, kind="provinsi"),
                Region(code="36.03", parent_code="36", name="Tangerang", level=2, kind="kab"),
                Region(code="36.03.09", parent_code="36.03", name="Curug", level=3, kind="kec"),
                Region(
                    code="36.03.09.2001", parent_code="36.03.09", name="Kadu", level=4, kind="desa"
                ),
            ]
        )
        await session.flush()
        submitted = await factories.add_report(
            session, category_id=topic.id, region_code="36.03.09.2001"
        )
        report = submitted.report
        report.agency_id = agency.id
        report.answer_due = dt.date(2026, 12, 14)
        return await placeholders.facts_of(
            session, report, locale, dt.date(2026, 12, 7), "Asia/Jakarta"
        )

    facts = factories.run(database_url, work)
    english = locale == "en"
    assert facts.values["agency"] == ("Public Works" if english else "Dinas PU")
    assert facts.values["topic"] == ("Broken roads" if english else "Jalan rusak")
    assert facts.values["area"] == "Kadu, Curug"
    assert facts.values["village"] == "Kadu"
    assert facts.values["district"] == "Curug"
    assert facts.values["today"] == ("December 7, 2026" if english else "7 Desember 2026")
    assert facts.values["deadline"] == ("December 14, 2026" if english else "14 Desember 2026")
    assert str(facts.values["code"]).startswith("SRA-")
