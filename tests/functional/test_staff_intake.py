"""Staff intake of a walk-in, phone or letter report: stored with its channel, the code shown
to read aloud, audited; the same validation as the web journey, in one page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from starlette.testclient import TestClient

from gesi_app.reports.models import Channel, Status, WhenKind
from gesi_app.reports.service import pin_matches, report_by_code
from tests import factories
from tests.casework_support import audit_entries
from tests.staff_support import make_team, sign_in, summary, token

FORM = {
    "channel": "phone",
    "type": "pengaduan",
    "topic": "",
    "title": "Lampu jalan mati",
    "details": "Lampu jalan di gang 3 mati sejak seminggu.",
    "when_kind": "unknown",
    "kecamatan": "",
    "landmark": "Gang 3",
    "anonim": "no",
    "rahasia": "no",
    "contact_name": "Budi",
    "contact_phone": "0812 3456 7890",
    "contact_email": "",
}


def post(client: TestClient, form: dict[str, str], lang: str = "en") -> object:
    return client.post(
        "/staff/intake",
        params={"lang": lang},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def saved(client: TestClient, form: dict[str, str], lang: str = "en") -> object:
    """Send the form; it redirects (303) to the confirmation, which is returned."""
    response = post(client, form, lang)
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    assert response.headers["location"] == "/staff/intake/done"  # type: ignore[attr-defined]
    return client.get("/staff/intake/done", params={"lang": lang})


@pytest.mark.parametrize("channel", ["walk_in", "phone", "letter"])
def test_intake_stores_the_channel_and_shows_the_code(
    client: TestClient, database_url: str, channel: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "verifikator")
    response = saved(client, {**FORM, "channel": channel})
    assert response.status_code == 200  # type: ignore[attr-defined]
    page = response.text  # type: ignore[attr-defined]
    code = page.split('<strong class="tracking-code" aria-describedby="code-spelled">')[1][:11]
    report = factories.run(database_url, lambda s: report_by_code(s, code))
    assert report.channel is Channel(channel)
    assert report.status is Status.DITERIMA
    assert report.verify_due is not None
    assert report.history[0].actor_kind == "staff"
    [entry] = audit_entries(database_url, "report_taken_in")
    assert entry.actor_id == team.ids["verifikator"]
    assert entry.object_id == code
    assert entry.after == {"status": "diterima", "channel": channel}
    # Every report has a PIN: shown once, spelled out, for the officer to read to the reporter.
    pin = re.search(r'<p class="pin"><strong aria-describedby="pin-spelled">(\d{6})</strong>', page)
    assert pin is not None
    assert f"Spelled out: {' '.join(pin.group(1))}" in page
    assert response.headers["cache-control"] == "no-store"  # type: ignore[attr-defined]
    assert pin_matches(report, pin.group(1))
    queue = client.get("/staff/queue?lang=en").text
    assert code in queue
    assert "Came in:" in queue


def test_anonymous_intake_gives_a_pin_and_keeps_no_name(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    page = saved(client, {**FORM, "anonim": "yes"}).text  # type: ignore[attr-defined]
    assert "The reporter's PIN" in page
    assert "Budi" not in page


@pytest.mark.parametrize(
    ("form", "messages"),
    [
        (
            {k: "" for k in FORM},
            {
                "channel": "Choose how the report came in",
                "type": "Choose the type of report",
                "title": "Enter a title for your report",
                "details": "Tell us what happened",
                "when_kind": "Choose when it happened",
                "anonim": "Choose yes if the reporter wants their name hidden, or no",
                "rahasia": "Choose yes if the report must not be public, or no",
            },
        ),
        (
            {**FORM, "channel": "web", "topic": "999999", "kecamatan": "99.99"},
            {
                "channel": "Choose how the report came in",
                "topic": "Choose a topic from the list",
                "kecamatan": "Choose a district from the list",
            },
        ),
        (
            {**FORM, "contact_phone": "12", "contact_email": "budi@"},
            {
                "contact_email": "Enter an email address like nama@contoh.id",
                "contact_phone": "Enter a phone number like 0812 3456 7890",
            },
        ),
    ],
)
def test_intake_validation(
    client: TestClient, database_url: str, form: dict[str, str], messages: dict[str, str]
) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    response = post(client, form)
    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.text  # type: ignore[attr-defined]
    assert summary(page) == messages
    if form["contact_phone"]:
        assert f'value="{form["contact_phone"]}"' in page
    assert audit_entries(database_url, "report_taken_in") == []


def taken_in(database_url: str, page: str) -> object:
    code = page.split('<strong class="tracking-code" aria-describedby="code-spelled">')[1][:11]
    return factories.run(database_url, lambda s: report_by_code(s, code))


@pytest.mark.parametrize(
    ("when", "kind", "occurred_on"),
    [
        (
            {"when_kind": "date", "when_day": "17", "when_month": "8", "when_year": "2025"},
            WhenKind.DATE,
            dt.date(2025, 8, 17),
        ),
        ({"when_kind": "ongoing", "when_day": "17"}, WhenKind.ONGOING, None),
        ({"when_kind": "unknown"}, WhenKind.UNKNOWN, None),
    ],
)
def test_intake_asks_when_it_happened(
    client: TestClient,
    database_url: str,
    when: dict[str, str],
    kind: WhenKind,
    occurred_on: dt.date | None,
) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    response = saved(client, {**FORM, **when})
    assert response.status_code == 200  # type: ignore[attr-defined]
    report = taken_in(database_url, response.text)  # type: ignore[attr-defined]
    assert (report.when_kind, report.occurred_on) == (kind, occurred_on)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("when", "messages"),
    [
        ({"when_kind": "date"}, {"when_day": "Enter the date it happened"}),
        (
            {"when_kind": "date", "when_day": "17", "when_year": "2025"},
            {"when_month": "The date must include a month"},
        ),
        (
            {"when_kind": "date", "when_day": "31", "when_month": "2", "when_year": "2025"},
            {"when_day": "Enter a real date, for example 17 8 2026"},
        ),
        (
            {"when_kind": "date", "when_day": "1", "when_month": "1", "when_year": "2999"},
            {"when_day": "The date must be today or in the past"},
        ),
        ({"when_kind": "someday"}, {"when_kind": "Choose when it happened"}),
    ],
)
def test_intake_date_validation_is_the_web_journey_s(
    client: TestClient, database_url: str, when: dict[str, str], messages: dict[str, str]
) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    response = post(client, {**FORM, **when})
    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.text  # type: ignore[attr-defined]
    assert summary(page) == messages
    for name, value in when.items():
        if name != "when_kind":
            assert f'id="{name}" name="{name}" type="text"' in page
            assert f'value="{value}"' in page
    assert audit_entries(database_url, "report_taken_in") == []
