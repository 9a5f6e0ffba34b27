"""On the tracking page every timeline row and the status in easy read have audio that is
served, in both languages and whatever the status."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.audio.dated import DATED
from gesi_app.audio.service import AudioService
from gesi_app.reports.models import Report, Status
from gesi_app.settings import Settings
from gesi_app.web.preferences import PREFS_COOKIE
from gesi_app.web.state import app_state
from tests import factories
from tests.audio_support import AUDIO_SRC, mp3_seconds, require_audio_tools
from tests.conftest import make_settings
from tests.functional.tracking_helpers import as_reporter

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
    as_reporter(client, settings.database_url, report.tracking_code)
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
    service = app_state(client.app).resource(AudioService)  # type: ignore[arg-type]
    assert html_lib.unescape(src) == service.url(lang, html_lib.unescape(said))
    served(client, src)
    first = EASY_FIRST[lang].get(status)
    if first:
        assert first in html_lib.unescape(easy)


def set_answer_due(database_url: str, report_id: int, due: dt.date) -> None:
    async def go(session: AsyncSession) -> None:
        report = await session.get(Report, report_id)
        assert report is not None
        report.answer_due = due
        await session.commit()

    factories.run(database_url, go)


# situation -> the DATED sentence the status section speaks, day included.
DATED_SITUATIONS = {
    "check due": DATED.index("The check takes up to %(days)s working days, by %(date)s."),
    "check late": DATED.index("We are late. The check was due by %(date)s."),
    "answer due": DATED.index("The agency answers within %(days)s working days, by %(date)s."),
    "answer late": DATED.index("The agency is late. The answer was due by %(date)s."),
    "closes": DATED.index(
        "Without a reply from you, the report closes after %(days)s working days, on %(date)s."
    ),
}


@pytest.mark.parametrize("situation", list(DATED_SITUATIONS))
def test_a_deadline_with_its_day_is_heard_whole(
    client: TestClient, settings: Settings, situation: str
) -> None:
    url = settings.database_url
    factories.seed(url)
    # Within the window of days the page speaks (gesi_app.audio.dated): a month either way.
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    today = dt.date.today()
    when = long_ago if situation == "check late" else None
    report = factories.run(url, lambda s: factories.add_report(s, now=when)).report
    if situation.startswith("answer"):
        factories.move_report(url, report.id, S.TERVERIFIKASI)
        late = situation == "answer late"
        set_answer_due(url, report.id, today + dt.timedelta(days=-30 if late else 30))
    elif situation == "closes":
        factories.answer_report(url, report.id, "Jalan sudah kami tambal.")
    as_reporter(client, url, report.tracking_code)
    section = status_section(client.get(f"/track/{report.tracking_code}?lang=id").text)
    dated = [src for src, _name in AUDIO_SRC.findall(section) if "/audio/dated/" in src]
    assert len(dated) == 1, section
    name = html_lib.unescape(dated[0]).rsplit("/", 1)[1]
    assert name.startswith(f"{DATED_SITUATIONS[situation]}-")
    served(client, dated[0])
