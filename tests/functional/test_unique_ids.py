"""No id twice on any page, and every label and aria reference names exactly one element:
each GET page of the app (signed in as the admin, joined to a forum, with real path values)
in both languages, and each form sent empty, so its page with errors is read too. A cheap
net under the browser tests' Nu and axe checks, which see only the pages they visit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gesi_app.reports.journey import STEPS
from tests.html_ids import id_problems
from tests.property import world as property_world
from tests.property.world import World

LANGUAGES = ("id", "en")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from property_world.build(tmp_path_factory.mktemp("ids"))


def _html(response: object) -> str | None:
    headers = getattr(response, "headers", {})
    if "text/html" not in headers.get("content-type", ""):
        return None
    text: str = getattr(response, "text", "")
    return text


def test_the_checker_finds_a_shared_id_and_a_reference_to_nothing() -> None:
    html = (
        '<p id="type-hint">Pick one.</p><input aria-describedby="type-hint" id="a">'
        '<p id="type-hint">Bad.</p><label for="b">B</label>'
    )
    assert id_problems(html) == [
        'id "type-hint" is on 2 elements',
        '<input aria-describedby="…type-hint…">: "type-hint" is on 2 elements',
        '<label for="…b…">: "b" is on no element',
    ]


def test_every_page_has_unique_ids_in_both_languages(world: World) -> None:
    problems: list[str] = []
    checked = 0
    for route in world.routes():
        if "GET" not in (route.methods or ()) or route.name in property_world.STREAMS:
            continue
        for lang in LANGUAGES:
            path = world.path(route)
            html = _html(world.client.get(path, params={"lang": lang}))
            if html is None:
                continue
            checked += 1
            problems.extend(f"GET {path}?lang={lang}: {p}" for p in id_problems(html))
    assert checked > 100, f"only {checked} pages read"
    assert not problems, "\n".join(problems)


def test_every_form_sent_empty_shows_unique_ids(world: World) -> None:
    problems: list[str] = []
    checked = 0
    for route in world.routes():
        if "POST" not in (route.methods or ()) or route.name in property_world.SKIP_POST:
            continue
        for path in world.targets(route):
            response = world.client.post(path, data={"csrftoken": world.token()})
            html = _html(response)
            if html is None:
                continue
            checked += 1
            problems.extend(f"POST {path}: {p}" for p in id_problems(html))
    assert checked > 20, f"only {checked} pages with errors read"
    assert not problems, "\n".join(problems)


def test_the_report_journey_pages_have_unique_ids(world: World) -> None:
    problems: list[str] = []
    for step in STEPS:
        for lang in LANGUAGES:
            html = world.client.get(f"/report/{step.slug}", params={"lang": lang}).text
            problems.extend(f"/report/{step.slug}?lang={lang}: {p}" for p in id_problems(html))
    assert not problems, "\n".join(problems)
