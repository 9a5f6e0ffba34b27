"""Replying to the agency and rating the answer: the rules, the errors, and nothing changed on
bad input."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from gesi_app.reports.models import Status
from gesi_app.settings import Settings
from tests import factories
from tests.functional.tracking_helpers import (
    load,
    lookup,
    opened,
    post_on_page,
    rating,
    summary,
    text,
)

S = Status


@pytest.fixture
def url(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


def test_a_reply_reopens_an_answered_report(client: TestClient, url: str) -> None:
    report = opened(client, url)
    factories.answer_report(url, report.id, "Jalan sudah kami tambal.")
    sent = post_on_page(
        client, report.tracking_code, "reply", {"reply": "Lubangnya masih ada.\nDi sisi kiri."}
    )
    assert sent.status_code == 303
    assert sent.headers["location"].endswith(f"/track/{report.tracking_code}")
    stored = load(url, report.id)
    assert stored.status is S.TERVERIFIKASI
    assert [(m.author_kind, m.body) for m in stored.messages] == [
        ("agency", "Jalan sudah kami tambal."),
        ("reporter", "Lubangnya masih ada.\nDi sisi kiri."),
    ]
    last = stored.history[-1]
    assert (last.from_status, last.to_status, last.actor_kind) == (
        S.DITINDAKLANJUTI,
        S.TERVERIFIKASI,
        "reporter",
    )
    assert stored.answer_due is not None  # the agency has a new deadline
    page = client.get(f"/track/{report.tracking_code}")
    words = text(page.text)
    # A notice that takes focus, like an error summary: a status region that is full when the
    # page loads is not read out.
    assert 'class="notice notice-success" role="alert" tabindex="-1" autofocus' in page.text
    assert "Balasan Anda sudah terkirim" in words
    assert '<strong class="tag">Terverifikasi</strong>' in page.text
    assert "Anda membalas. Laporan dibuka lagi." in words
    assert words.index("Jalan sudah kami tambal.") < words.index("Lubangnya masih ada.")
    assert "Balasan Anda" in words and "Di sisi kiri." in words
    # The notice is shown once.
    assert "Balasan Anda sudah terkirim" not in client.get(f"/track/{report.tracking_code}").text


def test_a_reply_before_the_answer_keeps_the_status(client: TestClient, url: str) -> None:
    report = opened(client, url)
    sent = post_on_page(
        client, report.tracking_code, "reply", {"reply": "Foto tambahan menyusul."}, lang="en"
    )
    assert sent.status_code == 303
    stored = load(url, report.id)
    assert stored.status is S.DITERIMA
    assert len(stored.history) == 1
    assert "Your reply is sent" in client.get(f"/track/{report.tracking_code}").text


@pytest.mark.parametrize(
    ("reply", "lang", "message"),
    [
        ("", "id", "Tulis balasan Anda"),
        ("   \n  ", "en", "Write your reply"),
        ("a" * 5001, "id", "Tulis balasan Anda paling banyak 5000 karakter"),
        ("a" * 5001, "en", "Make your reply 5000 characters or fewer"),
    ],
)
def test_a_bad_reply_shows_an_error_keeps_the_text_and_changes_nothing(
    client: TestClient, url: str, reply: str, lang: str, message: str
) -> None:
    report = opened(client, url)
    factories.answer_report(url, report.id, "Jawaban.")
    response = post_on_page(client, report.tracking_code, "reply", {"reply": reply}, lang=lang)
    assert response.status_code == 400
    assert summary(response.text) == {"reply": message}
    assert 'aria-describedby="reply-hint reply-error" aria-invalid="true">' + reply in (
        response.text
    )
    stored = load(url, report.id)
    assert stored.status is S.DITINDAKLANJUTI
    assert len(stored.messages) == 1


@pytest.mark.parametrize("status", [S.SELESAI, S.BUKAN_WEWENANG, S.DIARSIPKAN])
def test_no_reply_to_a_closed_report(client: TestClient, url: str, status: Status) -> None:
    report = opened(client, url)
    page = client.get(f"/track/{report.tracking_code}")  # the form, before it closes
    assert 'name="reply"' in page.text
    if status is S.SELESAI:
        factories.answer_report(url, report.id, "Jawaban.")
    factories.move_report(url, report.id, status, reason="Alasan")
    token = page.text.split('name="csrftoken" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        f"/track/{report.tracking_code}/reply",
        data={"csrftoken": token, "reply": "Masih ada masalah."},
        follow_redirects=False,
    )
    assert response.status_code == 409
    assert summary(response.text) == {
        "status-now": "Laporan ini sudah ditutup. Anda tidak bisa membalasnya lagi."
    }
    assert 'id="status-now"' in response.text
    assert 'name="reply"' not in response.text
    stored = load(url, report.id)
    assert stored.status is status
    assert all(m.author_kind == "agency" for m in stored.messages)


@pytest.mark.parametrize("anonim", [False, True], ids=["named", "anonymous"])
def test_a_reporter_needs_the_pin_to_reply(client: TestClient, url: str, anonim: bool) -> None:
    submitted = factories.create_report(url, anonim=anonim)
    code = submitted.report.tracking_code
    factories.answer_report(url, submitted.report.id, "Jawaban.")
    token_page = client.get("/track")
    token = token_page.text.split('name="csrftoken" value="', 1)[1].split('"', 1)[0]
    refused = client.post(
        f"/track/{code}/reply",
        data={"csrftoken": token, "reply": "Tanpa PIN."},
        follow_redirects=False,
    )
    assert refused.status_code == 303
    assert refused.headers["location"].endswith(f"/track?code={code}")
    assert len(load(url, submitted.report.id).messages) == 1
    assert lookup(client, code, submitted.pin).status_code == 303
    assert post_on_page(client, code, "reply", {"reply": "Dengan PIN."}).status_code == 303
    assert [m.body for m in load(url, submitted.report.id).messages][-1] == "Dengan PIN."


def test_rating_comes_only_after_an_answer(client: TestClient, url: str) -> None:
    report = opened(client, url)
    factories.move_report(url, report.id, S.TERVERIFIKASI)
    page = client.get(f"/track/{report.tracking_code}")
    assert 'name="score"' not in page.text
    response = post_on_page(client, report.tracking_code, "rating", {"score": "5"}, lang="en")
    assert response.status_code == 409
    assert summary(response.text) == {
        "status-now": "You can rate the answer after the agency has answered."
    }
    assert rating(url, report.id) is None


def test_a_report_is_rated_once(client: TestClient, url: str) -> None:
    report = opened(client, url)
    factories.answer_report(url, report.id, "Jalan sudah kami tambal.")
    page = client.get(f"/track/{report.tracking_code}")
    assert "Seberapa baik tanggapannya?" in page.text
    sent = post_on_page(
        client, report.tracking_code, "rating", {"score": "4", "comment": "Cepat, terima kasih."}
    )
    assert sent.status_code == 303
    given = rating(url, report.id)
    assert given is not None and (given.score, given.comment) == (4, "Cepat, terima kasih.")
    page = client.get(f"/track/{report.tracking_code}")
    words = text(page.text)
    assert "Terima kasih atas penilaian Anda" in words
    assert "Penilaian Anda untuk tanggapan: 4 – Baik." in words
    assert "Komentar Anda: Cepat, terima kasih." in words
    assert 'name="score"' not in page.text
    # A second rating (a stale form, or a double click) is refused and changes nothing.
    token = page.text.split('name="csrftoken" value="', 1)[1].split('"', 1)[0]
    again = client.post(
        f"/track/{report.tracking_code}/rating",
        data={"csrftoken": token, "score": "1", "comment": "Buruk"},
        follow_redirects=False,
    )
    assert again.status_code == 409
    assert summary(again.text) == {
        "rating-given": (
            "Anda sudah memberi penilaian untuk tanggapan ini. "
            "Penilaian pertama Anda yang kami simpan."
        )
    }
    assert 'id="rating-given"' in again.text
    given = rating(url, report.id)
    assert given is not None and (given.score, given.comment) == (4, "Cepat, terima kasih.")


def test_a_closed_report_with_an_answer_can_still_be_rated(client: TestClient, url: str) -> None:
    report = opened(client, url)
    factories.answer_report(url, report.id, "Jawaban.")
    factories.move_report(url, report.id, S.SELESAI)
    response = post_on_page(client, report.tracking_code, "rating", {"score": "2"})
    assert response.status_code == 303
    given = rating(url, report.id)
    assert given is not None and (given.score, given.comment) == (2, None)


@pytest.mark.parametrize(
    ("form", "lang", "messages"),
    [
        ({}, "id", {"score": "Pilih seberapa baik tanggapannya"}),
        ({"score": "6"}, "en", {"score": "Choose how good the answer was"}),
        (
            {"score": "3", "comment": "x" * 1001},
            "en",
            {"comment": "Make your comment 1000 characters or fewer"},
        ),
        (
            {"comment": "x" * 1001},
            "id",
            {
                "score": "Pilih seberapa baik tanggapannya",
                "comment": "Tulis komentar Anda paling banyak 1000 karakter",
            },
        ),
    ],
)
def test_a_bad_rating_shows_errors_and_keeps_the_choice(
    client: TestClient, url: str, form: dict[str, str], lang: str, messages: dict[str, str]
) -> None:
    report = opened(client, url)
    factories.answer_report(url, report.id, "Jawaban.")
    response = post_on_page(client, report.tracking_code, "rating", form, lang=lang)
    assert response.status_code == 400
    assert summary(response.text) == messages
    if form.get("score") == "3":
        assert 'value="3" checked' in response.text
    if "comment" in form:
        assert form["comment"] + "</textarea>" in response.text
    assert rating(url, report.id) is None
