"""Easy read: the report questions and the tracking status in short sentences, with a picture
beside them (decorative, empty alt: the text says it), in both languages."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from gesi_app.settings import Settings
from gesi_app.web.preferences import PREFS_COOKIE
from tests import factories
from tests.functional.reports.journey_helpers import ANSWERS, answer
from tests.functional.tracking_helpers import as_reporter, text


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


@pytest.mark.parametrize(
    ("lang", "label", "plain"),
    [
        (
            "id",
            "Beri nama singkat untuk laporan Anda.",
            "Apa judul laporan Anda?",
        ),
        (
            "en",
            "Give your report a short name.",
            "What is the title of your report?",
        ),
    ],
)
def test_questions_in_easy_read(
    client: TestClient, seeded: str, lang: str, label: str, plain: str
) -> None:
    for slug, data in ANSWERS[:3]:
        answer(client, slug, data)
    normal = client.get(f"/report/title?lang={lang}").text
    assert plain in normal and 'class="pictogram' not in normal
    client.cookies.set(PREFS_COOKIE, "easy:1")
    page = client.get(f"/report/title?lang={lang}").text
    assert f'<label for="title">{label}</label>' in page
    assert f"<title>{label} – Suara</title>" in page
    assert re.search(
        r'<img class="pictogram[^"]*" src="/static/img/easy/pencil.svg[^"]*" alt=""', page
    )
    assert 'class="pictogram' in client.get(f"/report/type?lang={lang}").text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("id", "Kami sudah menerima laporan Anda. Petugas membacanya."),
        ("en", "We got your report. A staff member reads it."),
    ],
)
def test_tracking_status_in_easy_read(
    client: TestClient, seeded: str, lang: str, words: str
) -> None:
    report = factories.create_report(seeded).report
    as_reporter(client, seeded, report.tracking_code)
    client.cookies.set(PREFS_COOKIE, "easy:1")
    page = text(client.get(f"/track/{report.tracking_code}?lang={lang}").text)
    assert words in page
