"""On the tracking page every timeline row and the status in easy read have audio that is
served, in both languages and whatever the status."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app.reports.models import Status
from gesi_app.settings import Settings
from gesi_app.web.preferences import PREFS_COOKIE
from tests import factories
from tests.audio_support import AUDIO_SRC, mp3_seconds, require_audio_tools
from tests.conftest import make_settings

S = Status
# status -> the statuses the report goes through to get there (after received)
PATHS = {
    S.DITERIMA: (),
    S.DITINDAKLANJUTI: None,  # answered by the agency
    S.DITUNDA: (S.DITUNDA,),
    S.BUKAN_WEWENANG: (S.BUKAN_WEWENANG,),
}
EASY_FIRST = {
    "id": {
        S.DITERIMA: "Kami sudah menerima laporan Anda.",
        S.BUKAN_WEWENANG: "Ini bukan tugas ",
    },
    "en": {S.DITERIMA: "We got your report.", S.BUKAN_WEWENANG: "This is not a job for "},
}


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str) -> Settings:
    require_audio_tools()
    return make_settings(tmp_path / "data", sqlite_url, GESI_TTS_ENGINES="espeak")


def timeline(page: str) -> str:
    return page.split('<ol class="list timeline">', 1)[1].split("</ol>", 1)[0]


def status_section(page: str) -> str:
    return page.split('<section id="status-now"', 1)[1].split("</section>", 1)[0]


def served(client: TestClient, src: str) -> None:
    response = client.get(html_lib.unescape(src))
    assert response.status_code == 200, src
    assert response.headers["content-type"] == "audio/mpeg"
    assert mp3_seconds(response.content) > 0.5, src


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("status", list(PATHS), ids=str)
def test_timeline_rows_and_the_easy_status_are_heard(
    client: TestClient, settings: Settings, lang: str, status: Status
) -> None:
    factories.seed(settings.database_url)
    report = factories.create_report(settings.database_url).report
    steps = PATHS[status]
    if steps is None:
        factories.answer_report(settings.database_url, report.id, "Jalan sudah kami tambal.")
    else:
        for step in steps:
            factories.move_report(settings.database_url, report.id, step, reason="Alasan")
    url = f"/track/{report.tracking_code}?lang={lang}"
    page = client.get(url).text
    rows = re.findall(r"<li><time", timeline(page))
    heard = AUDIO_SRC.findall(timeline(page))
    assert len(rows) >= 1 and len(heard) == len(rows)
    for src, _name in heard:
        served(client, src)
    assert "Alasan" not in "".join(name for _src, name in heard)
    client.cookies.set(PREFS_COOKIE, "easy:1")
    easy = status_section(client.get(url).text)
    assert "megaphone.svg" in easy
    said = easy.split('height="96">\n<p>', 1)[1].split("</p>", 1)[0]
    src = AUDIO_SRC.findall(easy)[0][0]  # the first control: the easy status
    # It says every sentence shown, the prompts one after another.
    service = client.app.state.audio  # type: ignore[attr-defined]
    assert html_lib.unescape(src) == service.url(lang, html_lib.unescape(said))
    served(client, src)
    first = EASY_FIRST[lang].get(status)
    if first:
        assert first in html_lib.unescape(easy)
