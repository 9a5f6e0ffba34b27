"""Listen buttons: the preference (default, show, hide) saved without JavaScript, staff pages
quiet by default, topic names spoken, and "Listen to this page" as one MP3 of the page's parts."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.audio.service import MAX_PAGE_PARTS, AudioService
from gesi_app.categories.models import Category
from gesi_app.i18n import translations
from gesi_app.settings import Settings
from gesi_app.web.preferences import PREFS_COOKIE
from gesi_app.web.state import app_state
from tests import factories
from tests.audio_support import AUDIO_SRC, CHOICE_SRC, mp3_seconds, require_audio_tools
from tests.conftest import form_token, make_settings
from tests.functional.reports.journey_helpers import answer
from tests.staff_support import make_team, sign_in

pytestmark = pytest.mark.usefixtures("audio_tools")

PAGE_SRC = re.compile(
    r'<div class="audio-prompt audio-prompt-page"><a class="audio-listen" href="([^"]+)" '
    r'type="audio/mpeg" data-audio>([^<]+)</a></div>'
)
PAGE_NAMES = {"id": "Dengarkan halaman ini", "en": "Listen to this page"}


@pytest.fixture
def audio_tools() -> None:
    require_audio_tools()


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str) -> Settings:
    return make_settings(tmp_path / "data", sqlite_url, GESI_TTS_ENGINES="espeak")


def service_of(client: TestClient) -> AudioService:
    service: AudioService = app_state(client.app).resource(AudioService)  # type: ignore[arg-type]
    return service


def item_controls(page: str) -> list[str]:
    """The address of every Listen button beside a text (not the page's own control)."""
    own = set(PAGE_NAMES.values())
    return [src for src, name in AUDIO_SRC.findall(page) if name not in own] + [
        src for src, _name, _choice in CHOICE_SRC.findall(page)
    ]


def page_control(page: str, lang: str = "en") -> str | None:
    found = PAGE_SRC.findall(page)
    assert len(found) <= 1, "one Listen to this page control at most"
    if not found:
        return None
    assert found[0][1] == PAGE_NAMES[lang]
    return html_lib.unescape(found[0][0])


def switch(client: TestClient, page: str, state: str, back: str) -> object:
    return client.post(
        "/preferences/listen",
        data={"csrftoken": form_token(page), "listen": state, "return": back},
        follow_redirects=False,
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_start_page_hides_and_shows_the_listen_buttons_without_javascript(
    client: TestClient, settings: Settings, lang: str
) -> None:
    factories.seed(settings.database_url)
    settings_page = client.get("/preferences", params={"lang": lang}).text
    client.post(  # other settings, kept by the switch
        "/preferences",
        data={
            "csrftoken": form_token(settings_page),
            "text_size": "large",
            "display": "easy_read",
            "audio_autoplay": "off",
        },
    )
    start = client.get("/report").text
    assert page_control(start, lang), "the start page has audio"
    assert 'action="/preferences/listen"' in start
    assert ('value="hide"' in start) and ('value="default"' not in start)
    shown = client.get("/report/type").text
    assert len(item_controls(shown)) == 5  # question, hint, three choices
    assert page_control(shown, lang)

    hidden = switch(client, start, "hide", "/report")
    assert hidden.status_code == 303  # type: ignore[attr-defined]
    assert hidden.headers["location"] == "/report#listen-buttons"  # type: ignore[attr-defined]
    cookie = client.cookies[PREFS_COOKIE].strip('"')
    assert {"listen:hide", "text:large", "easy:1"} <= set(cookie.split("|"))

    start = client.get("/report").text
    assert 'value="default"' in start and 'value="hide"' not in start
    quiet = client.get("/report/type").text
    assert item_controls(quiet) == []
    assert page_control(quiet, lang) == page_control(shown, lang)  # the page still speaks
    assert 'class="text-large easy-read"' in quiet

    switch(client, start, "default", "/report")
    assert len(item_controls(client.get("/report/type").text)) == 5


@pytest.mark.parametrize(
    "back", ["//evil.example/report", "https://evil.example/", "report", "/report\\x", ""]
)
def test_the_switch_goes_back_only_to_a_page_of_this_site(client: TestClient, back: str) -> None:
    response = switch(client, client.get("/report").text, "hide", back)
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"].endswith("/preferences")  # type: ignore[attr-defined]
    assert PREFS_COOKIE not in client.cookies


def test_an_unknown_state_changes_nothing(client: TestClient) -> None:
    response = switch(client, client.get("/report").text, "loud", "/report")
    assert response.headers["location"].endswith("/preferences")  # type: ignore[attr-defined]
    assert PREFS_COOKIE not in client.cookies


@pytest.mark.parametrize(
    ("state", "citizen", "staff"),
    [("default", True, False), ("show", True, True), ("hide", False, False)],
)
def test_staff_pages_have_no_listen_buttons_unless_the_person_asks(
    client: TestClient, settings: Settings, state: str, citizen: bool, staff: bool
) -> None:
    make_team(settings.database_url)
    page = client.get("/preferences", params={"lang": "en"}).text
    assert 'name="listen" type="radio" value="default" checked' in page
    saved = client.post(
        "/preferences",
        data={
            "csrftoken": form_token(page),
            "text_size": "normal",
            "audio_autoplay": "off",
            "listen": state,
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert f'name="listen" type="radio" value="{state}" checked' in client.get("/preferences").text
    assert bool(item_controls(client.get("/track").text)) == citizen
    assert bool(item_controls(client.get("/reports").text)) == citizen

    assert "audio-listen" not in client.get("/staff/login").text
    assert sign_in(client, "admin").status_code == 303
    # The queue's filters, a staff form and a form with choices: quiet unless asked for.
    for path in ("/staff/queue", "/staff/intake", "/staff/forums/new"):
        staff_page = client.get(path)
        assert staff_page.status_code == 200, path
        assert "audio-prompt-page" not in staff_page.text, path
        # Staff pages' own words are not prompts; the texts they share with the citizen pages
        # (questions, statuses, choices) are, so they speak when asked to.
        assert bool(item_controls(staff_page.text)) == staff, path
        if not staff:
            assert "audio-listen" not in staff_page.text, path


def test_a_bad_listen_value_is_an_error_on_the_same_page(client: TestClient) -> None:
    page = client.get("/preferences", params={"lang": "en"}).text
    response = client.post(
        "/preferences",
        data={
            "csrftoken": form_token(page),
            "text_size": "large",
            "audio_autoplay": "off",
            "listen": "loud",
        },
    )
    assert response.status_code == 400
    assert '<a href="#listen">Choose where Listen buttons show</a>' in response.text
    assert 'value="large" checked' in response.text


def topic_page(client: TestClient, lang: str) -> str:
    client.get("/report", params={"lang": lang})
    answer(client, "type", {"type": "pengaduan"})
    return client.get("/report/topic").text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_topic_choice_has_its_listen_button(
    client: TestClient, settings: Settings, lang: str
) -> None:
    factories.seed(settings.database_url)
    page = topic_page(client, lang)
    labels = [
        html_lib.unescape(label)
        for label in re.findall(r'<label class="choice-label" for="[^"]+">([^<]+)</label>', page)
    ]
    spoken = {html_lib.unescape(choice): src for src, _name, choice in CHOICE_SRC.findall(page)}
    assert len(labels) == 13  # 12 topics and "I don't know"
    assert list(spoken) == labels
    seconds = []
    for label, src in spoken.items():
        response = client.get(src)
        assert response.status_code == 200, label
        assert response.headers["content-type"] == "audio/mpeg"
        seconds.append(mp3_seconds(response.content))
    assert min(seconds) > 0.3
    answer(client, "topic", {"topic": "infrastruktur"})
    subtopics = client.get("/report/subtopic").text
    assert len(CHOICE_SRC.findall(subtopics)) >= 2


def test_a_renamed_topic_gets_a_new_address_and_the_old_one_is_gone(
    client: TestClient, settings: Settings
) -> None:
    factories.seed(settings.database_url)
    page = topic_page(client, "en")
    old = next(src for src, _n, choice in CHOICE_SRC.findall(page) if choice == "Health")
    assert client.get(old).status_code == 200

    async def rename(session: AsyncSession) -> None:
        await session.execute(
            update(Category).where(Category.slug == "kesehatan").values(name_en="Health care")
        )
        await session.commit()

    factories.run(settings.database_url, rename)
    page = client.get("/report/topic").text
    new = next(src for src, _n, choice in CHOICE_SRC.findall(page) if choice == "Health care")
    assert new != old
    assert client.get(new).status_code == 200
    gone = client.get(old)
    assert gone.status_code == 404
    assert gone.content == b""
    # A topic's name in the other language is not this one's address either.
    assert client.get(new.replace("/audio/en/", "/audio/id/")).status_code == 404


def parts_of(src: str) -> list[str]:
    return src.rsplit("/", 1)[1].removesuffix(".mp3").split("-")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_listen_to_this_page_is_one_mp3_of_the_question_hint_and_choices_in_order(
    client: TestClient, settings: Settings, lang: str
) -> None:
    factories.seed(settings.database_url)
    service = service_of(client)
    page = client.get("/report/type", params={"lang": lang}).text
    src = page_control(page, lang)
    assert src is not None
    # Said in reading order: the question, its hint, then each choice and its own hint.
    texts = re.findall(
        r'<h1 class="legend-heading">([^<]+)</h1>|<p id="[^"]+-hint" class="hint[^"]*">([^<]+)</p>'
        r'|<label class="choice-label" for="[^"]+">([^<]+)</label>',
        page,
    )
    said = [html_lib.unescape(next(t for t in group if t)) for group in texts]
    assert len(said) == 8
    assert parts_of(src) == [service.key(lang, text) for text in said]

    whole = client.get(src)
    assert whole.status_code == 200
    assert whole.headers["content-type"] == "audio/mpeg"
    assert whole.headers["cache-control"] == "public, max-age=31536000, immutable"
    pieces = [client.get(f"/audio/{lang}/{key}.mp3").content for key in parts_of(src)]
    assert whole.content == b"".join(pieces)  # one MP3: the prompts' own frames, in order
    total = mp3_seconds(whole.content)
    assert total == pytest.approx(sum(mp3_seconds(p) for p in pieces), abs=0.2)
    assert total > 5


def test_the_topic_page_mp3_says_the_topic_names_from_their_rows(
    client: TestClient, settings: Settings
) -> None:
    factories.seed(settings.database_url)
    page = topic_page(client, "id")
    src = page_control(page, "id")
    assert src is not None
    parts = parts_of(src)
    names = [p for p in parts if p.startswith("t")]
    assert len(names) == 12
    # The question and its hint first; "atau" and "Saya tidak tahu" last.
    assert parts[2:14] == names
    assert len(parts) == 16 <= MAX_PAGE_PARTS
    whole = client.get(src)
    assert whole.status_code == 200
    assert mp3_seconds(whole.content) > 10


def test_a_page_address_that_is_not_ours_is_a_bare_404(
    client: TestClient, settings: Settings
) -> None:
    factories.seed(settings.database_url)
    src = page_control(client.get("/report/type", params={"lang": "en"}).text)
    assert src is not None
    parts = parts_of(src)
    for bad in (
        [*parts[:-1], "0" * 20],  # one key is no prompt
        [*parts, "t1_" + "0" * 20],  # a topic with a name it does not have
        [*parts, "t999999_" + parts[0]],  # no such topic
        [parts[0]] * (MAX_PAGE_PARTS + 1),  # too long
    ):
        response = client.get(f"/audio/en/{'-'.join(bad)}.mp3")
        assert response.status_code == 404
        assert response.content == b""


def test_the_build_makes_every_topic_name_ahead_with_espeak(
    client: TestClient, settings: Settings
) -> None:
    factories.seed(settings.database_url)
    names = service_of(client).names
    assert names.engine.name == "espeak"  # never the web voice: topic names are not prompts

    async def all_names(session: AsyncSession) -> list[tuple[str, str]]:
        return await names.all_names(session)

    found = factories.run(settings.database_url, all_names)
    assert ("en", "Health") in found and ("id", "Kesehatan") in found
    assert names.build(found) == len(found)
    assert names.build(found) == 0  # kept
    page = topic_page(client, "en")
    src = next(s for s, _n, choice in CHOICE_SRC.findall(page) if choice == "Health")
    made = names.path("en", names.key("en", "Health"))
    assert made.exists()
    assert client.get(src).content == made.read_bytes()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("path", "texts"),
    [
        (
            "/track",
            [
                "What is your tracking code?",
                "You got it when you sent your report, for example SRA-7K4Q-2M.",
                "PIN",
                "It has 6 digits. You got it with your tracking code. The code can be public; "
                "the PIN shows the report is yours.",
            ],
        ),
        (
            "/forums",
            [
                "Forums",
                "At a public consultation forum you tell the government what you think. "
                "You can take part on your phone.",
                "Join code",
                "6 letters and numbers, for example K7M 2PQ. You find it on the invitation or "
                "the screen at the forum.",
            ],
        ),
    ],
)
def test_the_start_of_tracking_and_of_a_forum_is_one_page_mp3_too(
    client: TestClient, settings: Settings, lang: str, path: str, texts: list[str]
) -> None:
    """The first page of the other two journeys speaks its question and hints in order."""
    factories.seed(settings.database_url)
    service = service_of(client)
    page = client.get(path, params={"lang": lang}).text
    src = page_control(page, lang)
    assert src is not None
    said = [translations(lang).gettext(text) for text in texts]  # as the page says them
    assert parts_of(src) == [service.key(lang, text) for text in said]
    assert client.get(src).status_code == 200


def test_the_forum_start_page_switches_the_listen_buttons_and_comes_back(
    client: TestClient, settings: Settings
) -> None:
    factories.seed(settings.database_url)
    page = client.get("/forums").text
    assert 'action="/preferences/listen"' in page and 'value="/forums"' in page
    response = switch(client, page, "hide", "/forums")
    assert response.headers["location"] == "/forums#listen-buttons"  # type: ignore[attr-defined]
    quiet = client.get("/forums").text
    assert item_controls(quiet) == [] and page_control(quiet, "id")
