"""No input gives a 5xx (issue 10, point 5): each case found by the fuzzer, kept as a plain
regression test on SQLite and PostgreSQL. Unicode digits ('²' passes str.isdigit, int() then
raises), numbers too long for int() or for the database, invalid UTF-8, a client that leaves."""

from __future__ import annotations

import logging

import pytest
from starlette.testclient import TestClient

from gesi_app.reports.models import Status
from tests.casework_support import report_in
from tests.conftest import form_token
from tests.forums_support import add_forum
from tests.property.hostile import multipart
from tests.property.world import call_asgi
from tests.staff_support import make_team, sign_in, summary, token

HUGE = "9" * 30
ENORMOUS = "9" * 5000


@pytest.fixture
def world(client: TestClient, database_url: str) -> dict[str, str]:
    """Signed in as the admin, joined to a live forum, with one report in the queue."""
    team = make_team(database_url)
    forum = add_forum(database_url, team.ids["admin"])
    report = report_in(database_url, Status.DITERIMA)
    assert sign_in(client, "admin").status_code == 303
    code = forum.join_code
    page = client.get(f"/forums/{code}").text
    client.post(f"/forums/{code}/join", data={"csrftoken": form_token(page)})
    return {"forum": code, "report": report.tracking_code}


def posted(client: TestClient, url: str, form: dict[str, str], **kw: object) -> object:
    return client.post(url, data={"csrftoken": token(client), **form}, follow_redirects=False, **kw)


def indonesian(html: str) -> bool:
    return '<html lang="id"' in html and "Traceback" not in html


@pytest.mark.parametrize("value", ["²", "٣", HUGE, ENORMOUS])
def test_a_number_field_refuses_other_digits_on_the_same_page(
    client: TestClient, world: dict[str, str], value: str
) -> None:
    forum, report = world["forum"], world["report"]
    cases = [
        (f"/forums/{forum}/inputs", {"agenda_item": value, "text": "Antrean"}, "agenda_item"),
        (
            "/staff/users/new",
            {"agency": value, "role": "agency_officer", "username": "budi"},
            "agency",
        ),
        (f"/staff/reports/{report}/verify", {"agency": value, "topic": value}, "agency"),
        ("/staff/intake", {"topic": value, "channel": "phone"}, "topic"),
        (f"/staff/forums/{forum}/merge", {"duplicate": value, "into": value}, "duplicate"),
        (f"/staff/forums/{forum}/attendance", {"total": value}, "total"),
    ]
    for url, form, field in cases:
        response = posted(client, url, form)
        assert response.status_code in (200, 400), (url, response.status_code)
        assert indonesian(response.text), url
        assert field in summary(response.text), (url, summary(response.text))


@pytest.mark.parametrize("value", ["²", ENORMOUS])
def test_the_forum_voice_form_refuses_other_digits(
    client: TestClient, world: dict[str, str], value: str
) -> None:
    url = f"/forums/{world['forum']}/voice"
    response = client.post(
        url,
        data={"csrftoken": token(client), "agenda_item": value},
        files={"recording": ("a.webm", b"\x1aE\xdf\xa3", "audio/webm")},
    )
    assert response.status_code in (200, 400)
    assert "agenda_item" in summary(response.text)


@pytest.mark.parametrize("value", ["²", ENORMOUS, "-1"])
def test_query_numbers_never_give_a_5xx(
    client: TestClient, world: dict[str, str], value: str
) -> None:
    for url in (
        f"/staff/queue?page={value}",
        f"/staff/queue?agency={value}",
        f"/staff/audit?page={value}&actor={value}",
        f"/staff/users?page={value}",
        f"/reports?page={value}",
    ):
        response = client.get(url)
        assert response.status_code in (200, 400), url
        assert indonesian(response.text), url


@pytest.mark.parametrize(
    ("query", "headers"),
    [("?after=²", {}), ("?after=" + HUGE, {}), ("", {"last-event-id": HUGE})],
)
def test_the_board_stream_refuses_a_bad_position(
    client: TestClient, world: dict[str, str], query: str, headers: dict[str, str]
) -> None:
    response = client.get(f"/forums/{world['forum']}/board/events{query}", headers=headers)
    assert response.status_code == 400
    assert indonesian(response.text)


@pytest.mark.parametrize(
    "path",
    [
        "/staff/agencies/" + HUGE,
        "/staff/users/9223372036854775808",
        "/staff/categories/2147483648",
        "/staff/templates/" + HUGE,
        "/staff/holidays/years/" + HUGE + "/complete",
        "/audio/answers/999999999999-" + "0" * 16 + ".mp3",
    ],
)
def test_a_path_number_too_big_for_a_row_id_is_not_found(
    client: TestClient, world: dict[str, str], path: str
) -> None:
    response = client.get(path)
    assert response.status_code in (404, 405)
    if response.text:
        assert indonesian(response.text)


def test_invalid_utf8_in_a_form_body_gives_a_translated_page_not_a_5xx(
    client: TestClient, world: dict[str, str]
) -> None:
    body = b"csrftoken=" + token(client).encode() + b"&username=\xff\xfe&password=\xc3\x28"
    response = client.post(
        "/staff/login",
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert 400 <= response.status_code < 500
    assert indonesian(response.text)


@pytest.mark.parametrize("path", ["/reports", "/staff/queue", "/staff/login"])
def test_a_query_string_that_is_not_utf8_gives_the_400_page(
    client: TestClient, world: dict[str, str], path: str
) -> None:
    reply = call_asgi(client, "GET", path, query=b"q=\xff\xfe&page=\xc3\x28")
    assert reply.status == 400
    page = reply.body.decode()
    assert indonesian(page)
    assert "<h1>Permintaan itu tidak bisa kami baca</h1>" in page


def test_a_client_that_leaves_mid_body_gets_no_5xx_and_logs_no_error(
    client: TestClient, world: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    body = b"csrftoken=" + token(client).encode() + b"&text=" + b"a" * 5000
    headers = [
        (b"content-type", b"application/x-www-form-urlencoded"),
        (b"content-length", str(len(body)).encode()),
    ]
    upload, kind = multipart([("csrftoken", token(client)), ("recording", b"\x1a" * 5000)])
    sent_upload = [(b"content-type", kind.encode()), (b"content-length", str(len(upload)).encode())]
    with caplog.at_level(logging.ERROR):
        for path, data, sent in (
            ("/staff/intake", body, headers),
            (f"/forums/{world['forum']}/inputs", body, headers),
            (f"/forums/{world['forum']}/voice", upload, sent_upload),
        ):
            reply = call_asgi(client, "POST", path, body=data, headers=sent, disconnect_after=200)
            assert reply.status < 500
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
