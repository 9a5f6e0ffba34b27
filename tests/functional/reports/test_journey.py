"""The whole report journey over HTTP without JavaScript, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.reports.models import Draft, Report, ReporterContact, ReporterSegment, Status
from gesi_app.settings import Settings
from tests import factories
from tests.functional.reports.journey_helpers import answer, answer_all, send


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def stored(url: str) -> tuple[Report, ReporterContact | None, ReporterSegment | None, int]:
    async def load(
        session: AsyncSession,
    ) -> tuple[Report, ReporterContact | None, ReporterSegment | None, int]:
        report = (await session.scalars(select(Report))).one()
        contact = await session.get(ReporterContact, report.id)
        segment = await session.get(ReporterSegment, report.id)
        drafts = await session.scalar(select(func.count()).select_from(Draft))
        await session.refresh(report, ["history"])
        return report, contact, segment, int(drafts or 0)

    result: tuple[Report, ReporterContact | None, ReporterSegment | None, int] = factories.run(
        url, load
    )
    return result


def count_reports(url: str) -> int:
    async def count(session: AsyncSession) -> int:
        return int(await session.scalar(select(func.count()).select_from(Report)) or 0)

    result: int = factories.run(url, count)
    return result


def test_start_page_links_to_the_first_question(client: TestClient) -> None:
    html = client.get("/report").text
    assert '<a class="button start-button" href="/report/type">Mulai sekarang</a>' in html


def test_whole_journey_stores_the_report_and_shows_the_code(
    client: TestClient, seeded: str
) -> None:
    answer_all(client)
    check = client.get("/report/check")
    summary = text_of(check.text)
    for expected in (
        "Pengaduan",
        "Infrastruktur – Jalan rusak atau berlubang",
        "3 November 2026",
        "Balaraja",
        "Siti Rahma",
        "+6281234567890",
    ):
        assert expected in summary
    response = send(client)
    assert response.status_code == 303
    assert response.headers["location"] == "/report/done"
    assert "suara_draft=" in response.headers["set-cookie"]  # the draft cookie is cleared
    report, contact, segment, drafts = stored(seeded)
    done = client.get("/report/done")
    assert (
        f'<strong class="tracking-code" aria-describedby="code-spelled">{report.tracking_code}</strong>'
        in done.text
    )
    assert "Laporan Anda sudah kami terima" in done.text
    assert f'<time datetime="{report.verify_due.isoformat()}">' in done.text  # type: ignore[union-attr]
    assert report.status is Status.DITERIMA
    assert report.title == "Jalan berlubang di depan pasar"
    assert report.region_code == "36.03.01.1001"
    assert report.occurred_on is not None and report.occurred_on.isoformat() == "2026-11-03"
    assert not report.anonim and not report.rahasia and report.pin_hash is not None
    assert [e.to_status for e in report.history] == [Status.DITERIMA]
    assert contact is not None and (contact.name, contact.email, contact.phone) == (
        "Siti Rahma",
        "siti@example.org",
        "+6281234567890",
    )
    assert segment is None
    assert drafts == 0
    # The journey starts afresh afterwards.
    assert client.get("/report/check", follow_redirects=False).headers["location"] == "/report/type"


def test_anonymous_report_gets_a_pin_and_keeps_no_name(client: TestClient, seeded: str) -> None:
    answer_all(client, {"anonymous": {"anonim": "yes"}})
    contact_page = client.get("/report/contact").text
    assert 'name="contact_name"' not in contact_page
    send(client)
    report, contact, _segment, _drafts = stored(seeded)
    done = client.get("/report/done").text
    pin = re.search(r'<p class="pin"><strong aria-describedby="pin-spelled">(\d{6})</strong>', done)
    assert pin and report.anonim and report.pin_hash
    from gesi_app.reports.service import pin_matches

    assert pin_matches(report, pin.group(1))
    assert contact is not None and contact.name is None


def test_about_you_is_stored_apart_with_the_washington_group_rule(
    client: TestClient, seeded: str
) -> None:
    answer_all(
        client,
        {
            "about-you": {"about_consent": "yes"},
            "gender": {"gender": "perempuan"},
            "age": {"age_band": "16_30"},
            "difficulty-seeing": {"wg_seeing": "4"},
            "difficulty-hearing": {"wg_hearing": "1"},
            "difficulty-walking": {"wg_walking": "prefer_not"},
            "difficulty-remembering": {"wg_remembering": "2"},
            "difficulty-selfcare": {"wg_selfcare": "1"},
            "difficulty-communicating": {"wg_communicating": "1"},
            "disability-kind": {"disability_kinds": ["sensorik_netra"]},
        },
    )
    send(client)
    _report, _contact, segment, _drafts = stored(seeded)
    assert segment is not None
    assert (segment.gender, segment.age_band, segment.wg_seeing, segment.wg_walking) == (
        "perempuan",
        "16_30",
        4,
        None,
    )
    assert segment.disability is True
    assert segment.disability_kinds == ["sensorik_netra"]


def test_back_button_shows_kept_answers(client: TestClient, seeded: str) -> None:
    answer(client, "type", {"type": "aspirasi"})
    answer(client, "topic", {"topic": "unknown"})
    answer(client, "title", {"title": "Taman kota"})
    page = client.get("/report/title").text
    assert 'value="Taman kota"' in page
    assert (
        '<a class="back-link" href="/report/topic">Kembali</a>' in page
    )  # no sub-topic for "I don't know"
    assert re.search(r'value="aspirasi" checked', client.get("/report/type").text)
    # Going back and answering again goes on from there, keeping later answers.
    response = answer(client, "type", {"type": "pengaduan"})
    assert response.headers["location"] == "/report/topic"
    assert 'value="Taman kota"' in client.get("/report/title").text


def test_questions_cannot_be_skipped(client: TestClient, seeded: str) -> None:
    assert (
        client.get("/report/contact", follow_redirects=False).headers["location"] == "/report/type"
    )
    answer(client, "type", {"type": "aspirasi"})
    assert (
        client.get("/report/details", follow_redirects=False).headers["location"] == "/report/topic"
    )
    assert client.get("/report/nope").status_code == 404


def test_change_from_check_your_answers_returns_there(client: TestClient, seeded: str) -> None:
    answer_all(client)
    check = client.get("/report/check").text
    assert (
        '<a href="/report/title?return=check">Ubah<span class="visually-hidden"> Judul</span></a>'
        in check
    )
    response = answer(client, "title", {"title": "Jalan rusak parah"}, returning=True)
    assert response.headers["location"] == "/report/check"
    assert "Jalan rusak parah" in client.get("/report/check").text
    # A new topic with sub-topics asks the sub-topic first, then returns.
    response = answer(client, "topic", {"topic": "kesehatan"}, returning=True)
    assert response.headers["location"] == "/report/subtopic?return=check"
    response = answer(client, "subtopic", {"subtopic": "puskesmas"}, returning=True)
    assert response.headers["location"] == "/report/check"
    # Saying yes to About you from the check page walks through its questions.
    response = answer(client, "about-you", {"about_consent": "yes"}, returning=True)
    assert response.headers["location"] == "/report/gender?return=check"
    back = client.get("/report/gender?return=check").text
    assert '<a class="back-link" href="/report/check">Kembali</a>' in back


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_error_keeps_what_was_typed_and_changes_nothing(
    client: TestClient, seeded: str, lang: str
) -> None:
    client.get("/", params={"lang": lang})
    answer(client, "type", {"type": "aspirasi"})
    answer(client, "topic", {"topic": "unknown"})
    answer(client, "title", {"title": "Taman kota"})
    response = answer(client, "title", {"title": "abc"})
    assert response.status_code == 400
    message = (
        "Tulis judul paling sedikit 5 karakter"
        if lang == "id"
        else "Write a title of at least 5 characters"
    )
    prefix = "Kesalahan:" if lang == "id" else "Error:"
    assert f'<li><a href="#title">{message}</a></li>' in response.text
    assert 'value="abc"' in response.text
    assert 'aria-describedby="title-hint title-error"' in response.text
    assert re.search(rf"<title>{prefix} ", response.text)
    assert (
        'value="Taman kota"' in client.get("/report/title").text
    )  # the stored answer did not change


def test_date_error_marks_the_date_and_keeps_it(client: TestClient, seeded: str) -> None:
    for slug, data in [
        ("type", {"type": "aspirasi"}),
        ("topic", {"topic": "unknown"}),
        ("title", {"title": "Taman kota"}),
        ("details", {"details": "Taman kota tidak terawat sama sekali."}),
    ]:
        answer(client, slug, data)
    response = answer(
        client,
        "when",
        {"when_kind": "date", "when_day": "31", "when_month": "2", "when_year": "2026"},
    )
    assert response.status_code == 400
    assert (
        '<li><a href="#when_day">Tulis tanggal yang benar, misalnya 17 8 2026</a></li>'
        in response.text
    )
    assert 'id="when_day" name="when_day"' in response.text and 'value="31"' in response.text
    assert re.search(r'value="date" checked', response.text)


def test_honeypot_and_too_fast_refuse_without_storing(client: TestClient, seeded: str) -> None:
    answer_all(client)
    response = send(client, website="http://spam.example")
    assert response.status_code == 400
    assert "Laporan Anda belum bisa kami kirim" in response.text
    assert count_reports(seeded) == 0
    assert send(client).status_code == 303  # a person sends it on the next press
    assert count_reports(seeded) == 1


def test_minimum_fill_time(tmp_path: pytest.TempPathFactory, database_url: str) -> None:
    from gesi_app.app import create_app
    from tests.conftest import make_settings

    settings = make_settings(tmp_path / "d", database_url, GESI_MIN_FILL_SECONDS="3600")  # type: ignore[operator]
    factories.seed(database_url)
    with TestClient(create_app(settings)) as client:
        answer_all(client)
        assert send(client).status_code == 400
    assert count_reports(database_url) == 0


def test_per_address_limit_answers_429(tmp_path: pytest.TempPathFactory, database_url: str) -> None:
    from gesi_app.app import create_app
    from tests.conftest import make_settings

    settings = make_settings(tmp_path / "d", database_url, GESI_REPORTS_PER_HOUR="1")  # type: ignore[operator]
    factories.seed(database_url)
    with TestClient(create_app(settings)) as client:
        answer_all(client)
        assert send(client).status_code == 303
        answer_all(client)
        response = send(client)
        assert response.status_code == 429
        assert "Tunggu sebentar" in response.text
        assert response.headers["retry-after"] == "60"
        # The draft is kept: nothing typed is lost.
        assert client.get("/report/check").status_code == 200
    assert count_reports(database_url) == 1
