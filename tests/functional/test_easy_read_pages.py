"""Easy read on every kind of citizen page, in both languages: with the preference on, a page
says the easy words of its messages (and shows their pictures); with it off, the standard
words and no pictures. One row a page, across the journey, tracking, public reports, forums,
the start page, help, display settings, errors and form errors."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app import i18n
from gesi_app.accounts.models import Role, StaffUser
from gesi_app.app import easy_read_registry
from gesi_app.settings import Settings
from gesi_app.web.preferences import PREFS_COOKIE
from tests import factories
from tests.conftest import form_token
from tests.forums_support import add_forum, post
from tests.functional.reports.journey_helpers import answer_all, send
from tests.functional.tracking_helpers import as_reporter

REGISTRY = easy_read_registry()


@dataclass(frozen=True)
class Place:
    """Where a page is and what to look for: a standard msgid whose easy words it must say."""

    name: str
    open: Callable[[TestClient, str], Response]  # (client, lang) -> the page
    message: str


def get(path: str) -> Callable[[TestClient, str], Response]:
    return lambda client, lang: client.get(path, params={"lang": lang})


def post_empty(path: str) -> Callable[[TestClient, str], Response]:
    """The page's form sent with nothing filled in (its error page)."""

    def go(client: TestClient, lang: str) -> Response:
        page = client.get(path, params={"lang": lang})
        token = form_token(page.text)
        return client.post(f"{path}?lang={lang}", data={"csrftoken": token})

    return go


def words(page: str) -> str:
    """The page's text, tags out, spaces single, entities read."""
    text = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html_lib.unescape(text).split())


def said(msgid: str, lang: str, easy: bool) -> str:
    i18n.set_locale(lang)
    target = REGISTRY.text(msgid) if easy else msgid
    return " ".join(str(i18n.translations(lang).gettext(target)).split())


def facilitator(database_url: str) -> int:
    """The demo data's facilitator."""

    async def work(session: AsyncSession) -> int:
        user = await session.scalar(
            select(StaffUser).where(StaffUser.role == Role.FACILITATOR).limit(1)
        )
        assert user is not None
        return user.id

    found: int = factories.run(database_url, work)
    return found


@pytest.fixture
def places(client: TestClient, settings: Settings) -> list[Place]:
    """Every place, with the data its page needs (a report, a public report, a forum)."""
    database_url = settings.database_url
    factories.seed(database_url)
    own = factories.create_report(database_url).report
    as_reporter(client, database_url, own.tracking_code)
    public = factories.create_report(database_url, title="Lampu jalan mati").report
    factories.publish_report(database_url, public.id)
    forum = add_forum(database_url, facilitator(database_url)).join_code
    joining = {"gender": "skip", "youth": "skip", "disability": "skip"}
    joined = post(
        client, f"/forums/{forum}/join", form_token(client.get(f"/forums/{forum}").text), joining
    )
    assert joined.status_code == 303, joined.text
    return [
        Place("start page", get("/"), "Send a complaint, an idea or a question. It takes about 5 minutes."),
        Place("help", get("/help"), "There is no time limit. You can stop and come back to a report within 7 days."),
        Place("display settings", get("/preferences"), "Choose how Suara looks and sounds on this device."),
        Place("page not found", get("/no-such-page"), "Check the address. If you typed it, make sure every letter is right."),
        Place("report start", get("/report"), "We ask one question on each page. It takes about 5 minutes."),
        Place("choice hint", get("/report/type"), "A public service is bad, broken or missing."),
        Place("question error", post_empty("/report/type"), "Choose the type of report"),
        Place("track", get("/track"), "You got it when you sent your report, for example SRA-7K4Q-2M."),
        Place("track error", post_empty("/track"), "Enter your PIN. It has 6 digits and came with your tracking code"),
        Place("your report", get(f"/track/{own.tracking_code}"), "Add information or ask a question. The agency reads it. Up to 5000 characters."),
        Place("public reports", get("/reports"), "Reports appear here after staff check them. Confidential reports are never shown here."),
        Place("public report", get(f"/reports/{public.tracking_code}"), "Support a report when the problem matters to you too. We do not ask your name."),
        Place("forums", get("/forums"), "At a public consultation forum you tell the government what you think. You can take part on your phone."),
        Place("join code error", lambda c, lang: c.get("/forums", params={"code": "K7M", "lang": lang}), "Enter the 6 letters and numbers of the join code, like K7M 2PQ"),
        Place("forum", get(f"/forums/{forum}"), "One point at a time, up to 1000 characters."),
        Place("forum by voice", get(f"/forums/{forum}/voice"), "Up to 5 minutes. A sound file (Ogg, WebM, MP4, M4A, MP3 or WAV) smaller than 20 MB, or a video (WebM or MP4) smaller than 50 MB."),
        Place("dot votes", get(f"/forums/{forum}/dots"), "No dot vote is open right now. The facilitator will say when one starts."),
        Place("statements", get(f"/forums/{forum}/statements"), "No statements are open right now. The facilitator will say when the round starts."),
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_citizen_pages_say_easy_words_only_in_easy_read(
    client: TestClient, places: list[Place], lang: str
) -> None:
    wrong = []
    for easy in (False, True):
        client.cookies.set(PREFS_COOKIE, f"easy:{int(easy)}")
        for place in places:
            page = place.open(client, lang).text
            text = words(page)
            expected, other = said(place.message, lang, easy), said(place.message, lang, not easy)
            assert expected != other, f"{place.name}: no easy words for {place.message!r}"
            if expected not in text or other in text:
                wrong.append((place.name, "easy" if easy else "standard", expected))
            if ('class="pictogram' in page) != easy:
                wrong.append((place.name, "easy" if easy else "standard", "pictures"))
    assert wrong == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_journey_in_easy_read_to_the_end(
    client: TestClient, settings: Settings, lang: str
) -> None:
    """Check your answers and the confirmation in easy words, and the report still sent."""
    factories.seed(settings.database_url)
    client.cookies.set(PREFS_COOKIE, "easy:1")
    answer_all(client)
    check = words(client.get("/report/check", params={"lang": lang}).text)
    assert said("Keep from the public", lang, easy=True) in check
    assert said("Keep from the public", lang, easy=False) not in check
    assert said("Now send your report", lang, easy=True) in check
    done = send(client)
    assert done.status_code == 303
    page = client.get(done.headers["location"], params={"lang": lang}).text
    assert said("Your report has been received", lang, easy=True) in words(page)
    pin = "Write the PIN down now, next to the tracking code. Do not share it. We show it only this once."
    assert said(pin, lang, easy=True) in words(page)
    assert said(pin, lang, easy=False) not in words(page)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_staff_pages_keep_the_standard_words(client: TestClient, lang: str) -> None:
    """Staff pages share msgids with citizen pages but have no easy texts: a device with easy
    read on still reads them in standard words (web/easy_read.py STANDARD_PATHS)."""
    client.cookies.set(PREFS_COOKIE, "easy:1")
    citizen = words(client.get("/no-such-page", params={"lang": lang}).text)
    staff = words(client.get("/staff/no-such-page", params={"lang": lang}).text)
    assert said("Page not found", lang, easy=True) in citizen
    assert said("Page not found", lang, easy=False) in staff
    assert said("Page not found", lang, easy=True) not in staff
