"""A collective report on the public pages, in both languages, and co-signing it."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from gesi_app.settings import Settings
from tests import factories
from tests.collective_support import (
    BIG,
    canary_numbers,
    collective_report,
    group_and_rep,
)
from tests.functional.public_data import add
from tests.functional.tracking_helpers import as_reporter
from tests.groups_support import regions
from tests.staff_support import sign_in, summary, title


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    regions(settings.database_url)
    return settings.database_url


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def assert_no_canary(html: str) -> None:
    for number in canary_numbers():
        assert number not in html, number


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Collective report: sent by Himpunan Wanita Disabilitas Balaraja on behalf of 9,000 people",
        ),
        (
            "id",
            "Laporan bersama: dikirim oleh Himpunan Wanita Disabilitas Balaraja atas nama 9.000 orang",
        ),
    ],
)
def test_public_pages_say_who_sent_it(
    client: TestClient, seeded: str, lang: str, expected: str
) -> None:
    group_id = group_and_rep(seeded, members=BIG)
    code = collective_report(seeded, group_id)
    page = client.get(f"/reports/{code}?lang={lang}")
    assert expected in text_of(page.text)
    assert_no_canary(page.text)
    listing = client.get(f"/reports?lang={lang}")
    assert expected in text_of(listing.text)
    assert_no_canary(listing.text)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "on behalf of 9,000 people"), ("id", "atas nama 9.000 orang")],
)
def test_tracking_staff_and_group_pages_say_who_sent_it(
    client: TestClient, seeded: str, lang: str, expected: str
) -> None:
    group_id = group_and_rep(seeded, members=BIG)
    code = collective_report(seeded, group_id)
    hidden = collective_report(seeded, group_id, minute=1, rahasia=True, title="Rahasia kami")
    as_reporter(client, seeded, code)
    tracked = client.get(f"/track/{code}?lang={lang}")
    assert expected in text_of(tracked.text)
    assert_no_canary(tracked.text)
    group = client.get(f"/groups/himpunan-wanita-disabilitas-balaraja?lang={lang}")
    assert group.status_code == 200
    assert code in group.text and hidden not in group.text and "Rahasia kami" not in group.text
    assert ("9,000 people" if lang == "en" else "9.000 orang") in text_of(group.text)
    assert_no_canary(group.text)
    client.cookies.clear()
    assert sign_in(client, "admin", factories._cached_credentials("admin")[0]).status_code == 303
    queue = client.get(f"/staff/queue?status=all&collective=yes&lang={lang}")
    assert code in queue.text and hidden in queue.text
    assert expected in text_of(queue.text)
    individual = add(seeded, 5, title="Laporan perorangan")
    every = client.get(f"/staff/queue?status=all&lang={lang}")
    assert individual in every.text
    assert individual not in client.get("/staff/queue?status=all&collective=yes").text
    staff_page = client.get(f"/staff/reports/{code}?lang={lang}")
    assert expected in text_of(staff_page.text)


def test_queue_filter_refuses_a_strange_value(client: TestClient, seeded: str) -> None:
    assert sign_in(client, "admin", factories._cached_credentials("admin")[0]).status_code == 303
    page = client.get("/staff/queue?collective=maybe&lang=en")
    assert page.status_code == 400
    assert summary(page.text) == {
        "collective": "Tick the box to see only collective reports, or leave it empty"
    }
    assert title(page.text).startswith("Error:")
