"""The reporter's rating of the answer reaches staff: the report's page shows the score in
words (2, Bad, of 5) and the comment; the queue marks each rated report, so the agency
that answered sees its ratings. Both languages; only reports the staff member may see."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from gesi_app.reports.models import Status
from tests.casework_support import report_in
from tests.ratings_support import rate
from tests.staff_support import make_team, sign_in

COMMENT = "Lubangnya ditambal, tapi sudah retak lagi."
WORDS = {
    "en": {
        "title": "The reporter's rating",
        "score": "2 – Bad (of 5)",
        "marker": "Rating: 2 – Bad (of 5), with a comment",
        "other": "Rating: 5 – Very good (of 5)",
        "not_yet": "The reporter has not rated the answer yet.",
        "no_answer": "The reporter can rate the answer once there is one.",
    },
    "id": {
        "title": "Penilaian pelapor",
        "score": "2 – Buruk (dari 5)",
        "marker": "Penilaian: 2 – Buruk (dari 5), dengan komentar",
        "other": "Penilaian: 5 – Sangat baik (dari 5)",
        "not_yet": "Pelapor belum menilai jawaban.",
        "no_answer": "Pelapor bisa menilai jawaban setelah ada jawaban.",
    },
}


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_staff_see_the_rating_and_comment_on_the_report_and_in_the_queue(
    client: TestClient, database_url: str, lang: str
) -> None:
    team = make_team(database_url)
    pupr, dinkes = team.agencies["dpupr"], team.agencies["dinkes"]
    rated = report_in(database_url, Status.DITINDAKLANJUTI, pupr, title="Jalan berlubang lagi")
    unrated = report_in(database_url, Status.DITINDAKLANJUTI, pupr, title="Lampu jalan mati")
    other = report_in(database_url, Status.SELESAI, dinkes, title="Puskesmas tutup")
    waiting = report_in(database_url, Status.TERVERIFIKASI, pupr, title="Saluran tersumbat")
    rate(database_url, rated, 2, COMMENT)
    rate(database_url, other, 5, None)
    words = WORDS[lang]

    sign_in(client, "petugas.pupr")  # the agency that answered
    page = text(client.get(f"/staff/reports/{rated.tracking_code}?lang={lang}").text)
    assert words["title"] in page
    assert words["score"] in page
    assert COMMENT in page
    page = text(client.get(f"/staff/reports/{unrated.tracking_code}?lang={lang}").text)
    assert words["not_yet"] in page and words["score"] not in page
    page = text(client.get(f"/staff/reports/{waiting.tracking_code}?lang={lang}").text)
    assert words["no_answer"] in page
    queue = text(client.get(f"/staff/queue?lang={lang}").text)
    assert words["marker"] in queue
    assert queue.count(words["marker"].split(":")[0] + ":") == 1  # only the rated one
    assert "Puskesmas tutup" not in queue  # another agency's report: not theirs to see
    # The admin sees every agency's ratings, closed reports too.
    client.cookies.clear()
    sign_in(client, "admin")
    queue = text(client.get(f"/staff/queue?status=all&lang={lang}").text)
    assert words["marker"] in queue
    assert words["other"] in queue
    page = text(client.get(f"/staff/reports/{other.tracking_code}?lang={lang}").text)
    assert words["score"].replace("2", "5") not in page  # the words, not a made-up label
    assert ("5 – Very good (of 5)" if lang == "en" else "5 – Sangat baik (dari 5)") in page
    assert ("No comment" if lang == "en" else "Tidak ada komentar") in page


def test_a_rating_of_a_report_staff_may_not_see_is_not_shown(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    other = report_in(database_url, Status.SELESAI, team.agencies["dinkes"])
    rate(database_url, other, 1, "Tidak ada yang datang.")
    sign_in(client, "petugas.pupr")
    response = client.get(f"/staff/reports/{other.tracking_code}?lang=en")
    assert response.status_code == 404
    assert "Tidak ada yang datang." not in response.text
    assert "Tidak ada yang datang." not in client.get("/staff/queue?status=all").text
