"""Easy read on the community groups' citizen pages, in both languages: with the preference
on, a page says the easy words of its messages and shows their pictures; off, the standard
words and no pictures."""

from __future__ import annotations

import html
import re

import pytest
from starlette.testclient import TestClient

from gesi_app import i18n
from gesi_app.app import easy_read_registry
from gesi_app.web.preferences import PREFS_COOKIE
from tests.conftest import form_token
from tests.groups_support import ANSWERS, add_group, answer, answer_all, regions

REGISTRY = easy_read_registry()


def words(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def said(msgid: str, lang: str, easy: bool) -> str:
    text = REGISTRY.text(msgid) if easy else msgid
    return " ".join(i18n.translations(lang).gettext(text).split())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_groups_pages_say_easy_words_only_in_easy_read(
    client: TestClient, database_url: str, lang: str
) -> None:
    regions(database_url)
    add_group(database_url, "Karang Taruna Balaraja")
    wrong = []
    for easy in (False, True):
        client.cookies.set(PREFS_COOKIE, f"easy:{int(easy)}")
        places = {
            "directory": (
                client.get("/groups", params={"lang": lang}).text,
                "A count under 5 is hidden, so no one can be recognised.",
            ),
            "group": (
                client.get("/groups/karang-taruna-balaraja", params={"lang": lang}).text,
                "This group has not sent a collective report yet.",
            ),
            "start": (
                client.get("/groups/register", params={"lang": lang}).text,
                "An admin checks the group. Then it shows in the list of groups.",
            ),
        }
        for name, (page, message) in places.items():
            expected, other = said(message, lang, easy), said(message, lang, not easy)
            if expected not in words(page) or other in words(page):
                wrong.append((name, easy, expected))
            if ('class="pictogram' in page) != easy:
                wrong.append((name, easy, "pictures"))
    assert wrong == []


def test_errors_check_your_answers_and_confirmation_in_easy_read(
    client: TestClient, database_url: str
) -> None:
    regions(database_url)
    client.cookies.set(PREFS_COOKIE, "easy:1")
    for slug, data in ANSWERS[:4]:
        answer(client, slug, data, lang="id")
    error = answer(client, "members", {"members_total": "3", "members_women": "4"}, lang="id")
    text = words(error.text)
    assert said("The number of women cannot be more than all members", "id", True) in text
    answer_all(client, lang="id")
    check = client.get("/groups/register/check", params={"lang": "id"}).text
    assert 'class="pictogram' in check
    assert said("Now send the registration", "id", True) in words(check)
    client.post(
        "/groups/register/check",
        data={"csrftoken": form_token(check)},
        follow_redirects=False,
    )
    done = words(client.get("/groups/register/done", params={"lang": "id"}).text)
    assert said("Your group is registered", "id", True) in done  # "Kami sudah menerima ..."
    assert said("Your group is registered", "id", False) not in done
