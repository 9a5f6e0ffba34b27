"""A staff answer is heard in the reporter's language from the tracking page: made in the
background with the engine chain (gTTS faked only at its network boundary), or at once with
espeak-ng when the Listen link is followed first; a reporter's reply is never spoken."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from requests.adapters import HTTPAdapter
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.reports.models import ReportMessage, Status
from gesi_app.tracking.service import add_reply
from tests import factories
from tests.audio_support import espeak_mp3, mp3_seconds, require_audio_tools
from tests.casework_support import report_in
from tests.conftest import form_token, make_settings
from tests.functional.tracking_helpers import as_reporter
from tests.staff_support import make_team, sign_in
from tests.unit.audio.test_engines import FakeWeb, canned_answer

ANSWER_ID = "Jalan sudah kami tambal. Terima kasih atas laporan Anda."
ANSWER_EN = "We have repaired the road. Thank you for your report."
REPLY = "Terima kasih, tapi lubang di sebelahnya masih ada."
LISTEN = re.compile(
    r'<a class="audio-listen" href="(/audio/answers/[^"]+)" type="audio/mpeg" data-audio>'
    r"([^<]+)</a>"
)


@pytest.fixture
def make_client(tmp_path: Path, database_url: str) -> Iterator[Callable[[str], TestClient]]:
    """A client (with the app's lifespan, as in production) whose engine chain is given."""
    require_audio_tools()
    factories.seed(database_url)
    with ExitStack() as stack:

        def make(engines: str) -> TestClient:
            settings = make_settings(tmp_path / "data", database_url, GESI_TTS_ENGINES=engines)
            client = TestClient(create_app(settings), raise_server_exceptions=False)
            return stack.enter_context(client)

        yield make


def answered(database_url: str, body: str, locale: str = "id", reply: bool = False) -> str:
    submitted = factories.create_report(database_url, locale=locale)
    factories.answer_report(database_url, submitted.report.id, body)
    if reply:

        async def go(session: AsyncSession) -> None:
            from gesi_app.tracking.service import find

            report = await find(session, submitted.report.tracking_code)
            await add_reply(session, report, REPLY, timezone="Asia/Jakarta")

        factories.run(database_url, go)
    return submitted.report.tracking_code


def message_ids(database_url: str) -> dict[str, int]:
    async def go(session: AsyncSession) -> dict[str, int]:
        rows = await session.execute(select(ReportMessage.author_kind, ReportMessage.id))
        return {kind: id_ for kind, id_ in rows}

    result: dict[str, int] = factories.run(database_url, go)
    return result


def test_an_answer_is_heard_in_the_reporters_language_and_a_reply_never(
    tmp_path: Path, database_url: str, make_client: Callable[[str], TestClient]
) -> None:
    client = make_client("espeak")
    code = answered(database_url, ANSWER_ID, reply=True)
    as_reporter(client, database_url, code)
    page = client.get(f"/track/{code}", params={"lang": "en"})
    assert page.status_code == 200
    links = LISTEN.findall(page.text)
    assert [name for _, name in links] == ["Listen to the answer"]  # the reply has none
    url = links[0][0]
    ids = message_ids(database_url)
    assert url.startswith(f"/audio/answers/{ids['agency']}-")
    heard = client.get(url)
    assert heard.status_code == 200
    assert heard.headers["content-type"] == "audio/mpeg"
    assert heard.headers["cache-control"] == "private, max-age=31536000, immutable"
    # Said in Indonesian (the reporter's language) although the page is in English.
    spoken = mp3_seconds(heard.content)
    assert spoken > 2.0
    assert mp3_seconds(espeak_mp3(ANSWER_ID, "id")) == pytest.approx(spoken, rel=0.35)
    assert client.get(f"/track/{code}", params={"lang": "id"}).text.count("Dengarkan jawaban") == 1


def test_an_address_that_is_not_an_answers_is_a_bare_404(
    tmp_path: Path, database_url: str, make_client: Callable[[str], TestClient]
) -> None:
    client = make_client("espeak")
    code = answered(database_url, ANSWER_ID, reply=True)
    as_reporter(client, database_url, code)
    url = LISTEN.findall(client.get(f"/track/{code}").text)[0][0]
    ids = message_ids(database_url)
    key = url.rsplit("-", 1)[1]
    tampered = url[:-5] + ("0" if url[-5] != "0" else "1") + ".mp3"
    for wrong in (
        tampered,
        f"/audio/answers/{ids['reporter']}-{key}",  # a citizen's reply: never spoken
        f"/audio/answers/{ids['agency'] + 99}-{key}",
        f"/audio/answers/{ids['agency']}-{key.upper()}",
    ):
        response = client.get(wrong)
        assert response.status_code == 404, wrong
        assert response.content == b""
    assert client.get("/audio/answers/../../secret_key").status_code == 404
    # Only the answer's own file exists (made in the background after the page).
    made = [p.name for p in (tmp_path / "data" / "audio" / "answers").glob("*.mp3")]
    assert made == [url.rsplit("/", 1)[1]]


def test_the_web_voice_speaks_the_answer_in_the_background_but_never_the_reply(
    tmp_path: Path,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    make_client: Callable[[str], TestClient],
) -> None:
    client = make_client("gtts,espeak")
    canned = espeak_mp3(ANSWER_EN, "en")
    web = FakeWeb(200, canned_answer(canned))
    monkeypatch.setattr(HTTPAdapter, "send", web.send)
    code = answered(database_url, ANSWER_EN, locale="en", reply=True)
    as_reporter(client, database_url, code)
    page = client.get(f"/track/{code}")  # the file is made after this response
    assert web.texts() == [ANSWER_EN]
    url = LISTEN.findall(page.text)[0][0]
    stored = tmp_path / "data" / "audio" / "answers" / url.rsplit("/", 1)[1]
    assert stored.exists()
    assert mp3_seconds(stored.read_bytes()) == pytest.approx(mp3_seconds(canned), abs=0.3)
    assert client.get(url).content == stored.read_bytes()
    client.get(f"/track/{code}")  # made once: the web is not asked again
    assert web.texts() == [ANSWER_EN]


def test_when_the_web_voice_fails_espeak_speaks_and_the_page_is_fine(
    tmp_path: Path,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    make_client: Callable[[str], TestClient],
) -> None:
    client = make_client("gtts,espeak")
    web = FakeWeb(503)
    monkeypatch.setattr(HTTPAdapter, "send", web.send)
    code = answered(database_url, ANSWER_ID)
    as_reporter(client, database_url, code)
    page = client.get(f"/track/{code}")
    assert page.status_code == 200
    assert web.texts() == [ANSWER_ID]
    url = LISTEN.findall(page.text)[0][0]
    heard = client.get(url)
    assert heard.status_code == 200
    assert mp3_seconds(heard.content) > 2.0


def test_publishing_an_answer_makes_its_audio_before_anyone_asks(
    tmp_path: Path,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    require_audio_tools()
    team = make_team(database_url)
    report = report_in(database_url, Status.TERVERIFIKASI, team.agencies["dpupr"], locale="en")
    settings = make_settings(tmp_path / "data", database_url, GESI_TTS_ENGINES="gtts,espeak")
    canned = espeak_mp3(ANSWER_EN, "en")
    web = FakeWeb(200, canned_answer(canned))
    monkeypatch.setattr(HTTPAdapter, "send", web.send)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert sign_in(client, "petugas.pupr").status_code == 303
        url = f"/staff/reports/{report.tracking_code}/answer"
        form = client.get(url)
        sent = client.post(
            url,
            data={"csrftoken": form_token(form.text), "answer": ANSWER_EN},
            follow_redirects=False,
        )
        assert sent.status_code == 303
        # Made after the redirect, with the web voice, in the reporter's language.
        assert web.texts() == [ANSWER_EN]
        made = list((tmp_path / "data" / "audio" / "answers").glob("*.mp3"))
        assert len(made) == 1
        assert mp3_seconds(made[0].read_bytes()) == pytest.approx(mp3_seconds(canned), abs=0.3)
        as_reporter(client, database_url, report.tracking_code)
        page = client.get(f"/track/{report.tracking_code}")
        assert LISTEN.findall(page.text)[0][0].endswith(made[0].name)
        assert web.texts() == [ANSWER_EN]  # the page did not make it again
