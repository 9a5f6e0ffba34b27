"""The minutes as an official document: the letterhead page (admin, logo checked like evidence),
who signs and the attendance list (facilitators), closing, and what the PDF says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app.settings import Settings
from tests.forums_support import add_forum, audit_entries, forum_team, post
from tests.minutes_document_support import LETTERHEAD, busy_forum, pdf_text, photo_with_exif
from tests.staff_support import sign_in, summary, token


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"authority": "", "code": ""},
            {
                "authority": "Enter the name of the authority",
                "code": "Enter a short code for the authority, such as SETDA",
            },
        ),
        ({"code": "SET DA"}, {"code": "Use only letters, numbers, dots and hyphens in the code"}),
        ({"pattern": ""}, {"pattern": "Enter the pattern of the numbers"}),
        (
            {"pattern": "000/{seq}/{year}"},
            {"pattern": "Write {seq}, {agency} and {year} in the pattern"},
        ),
        (
            {"pattern": "{nomor}/{seq}/{agency}/{year}"},
            {"pattern": "Use only these fields in the pattern: {seq}, {agency}, {year}, {month}"},
        ),
        ({"address": "x" * 301}, {"address": "Write 300 characters or fewer"}),
    ],
)
def test_letterhead_refuses_bad_input_and_keeps_it(
    client: TestClient, database_url: str, changes: dict[str, str], errors: dict[str, str]
) -> None:
    forum_team(database_url)
    sign_in(client, "admin")
    sent = post(
        client, "/staff/minutes-letterhead?lang=en", token(client), {**LETTERHEAD, **changes}
    )
    assert sent.status_code == 400
    assert summary(sent.text) == errors
    assert "<title>Error:" in sent.text
    assert "Jl. Veteran No. 1" in sent.text or "address" in changes
    assert audit_entries(database_url, "letterhead_changed") == []


def test_letterhead_with_a_logo_stripped_of_metadata(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    forum_team(database_url)
    sign_in(client, "fasilitator")
    assert client.get("/staff/minutes-letterhead").status_code == 403
    client.cookies.clear()
    sign_in(client, "admin")
    csrf = token(client)
    url = "/staff/minutes-letterhead?lang=en"
    wrong = post(client, url, csrf, LETTERHEAD, files={"logo": ("logo.png", b"not a picture")})
    assert summary(wrong.text) == {"logo": "The logo must be a picture (JPG, PNG or WebP)"}
    pdf = post(client, url, csrf, LETTERHEAD, files={"logo": ("logo.pdf", b"%PDF-1.4 x")})
    assert summary(pdf.text) == {"logo": "The logo must be a picture (JPG, PNG or WebP)"}
    saved = post(client, url, csrf, LETTERHEAD, files={"logo": ("logo.jpg", photo_with_exif())})
    assert saved.status_code == 303
    page = client.get(saved.headers["location"] + "&lang=en").text
    assert "Your changes are saved" in page and 'value="SETDA"' in page
    [entry] = audit_entries(database_url, "letterhead_changed")
    key = entry.after["logo"]
    stored = (Path(settings.data_dir) / "uploads" / key).read_bytes()
    assert b"Kamera Rahasia" not in stored and stored.startswith(b"\xff\xd8\xff")
    # Removing the logo keeps the rest.
    post(client, url, csrf, {**LETTERHEAD, "remove_logo": "yes"})
    assert audit_entries(database_url, "letterhead_changed")[-1].after["logo"] is None


def test_signers_and_attendance_list(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    sign_in(client, "fasilitator")
    csrf = token(client)
    url = f"/staff/forums/{forum.join_code}/minutes/signers?lang=en"
    refused = post(
        client,
        url,
        csrf,
        {"organiser_name": "Siti", "organiser_nip": "1975", "public1_position": "Ketua"},
    )
    assert summary(refused.text) == {
        "organiser_position": "Enter their position, such as Head of Division",
        "organiser_nip": "Enter the NIP as 18 digits, or leave it empty",
        "public1_name": "Enter the name of the person who signs",
    }
    assert 'value="Siti"' in refused.text
    signers = {
        "organiser_name": "Siti Rahmawati",
        "organiser_position": "Kepala Bagian Organisasi",
        "organiser_nip": "197501012000032001",
        "public1_name": "Budi Santoso",
        "public1_position": "Ketua Pertuni",
        "provided": ["sign_language", "no-such-support"],
    }
    assert post(client, url, csrf, signers).status_code == 303
    again = client.get(url).text
    assert 'value="197501012000032001"' in again
    assert re.search(r'value="sign_language"\s+checked', again)
    [entry] = audit_entries(database_url, "forum_signers_set")
    assert entry.after == {
        "signers": [
            "Siti Rahmawati, Kepala Bagian Organisasi, 197501012000032001",
            "Budi Santoso, Ketua Pertuni",
        ],
        "provided": ["sign_language"],
    }
    document = pdf_text(client.get(f"/staff/forums/{forum.join_code}/minutes.pdf?lang=en").content)
    assert "Accommodations provided Sign-language interpreter" in document
    assert "For the organiser Kepala Bagian Organisasi" in document
    assert "Siti Rahmawati NIP 197501012000032001" in document

    people = f"/staff/forums/{forum.join_code}/attendees?lang=en"
    no_consent = post(client, people, csrf, {"name": "Ani", "segments": ["women"]})
    assert summary(no_consent.text) == {
        "consent": "Tick that the person agreed, or leave the groups empty"
    }
    assert summary(post(client, people, csrf, {"name": ""}).text) == {
        "name": "Enter the person's name"
    }
    for data in (
        {
            "name": "Ani",
            "origin": "Desa Sukamaju",
            "segments": ["women", "disability"],
            "consent": "yes",
        },
        {"name": "Joko", "origin": "Dinas Kesehatan"},
    ):
        assert post(client, people, csrf, data).status_code == 303
    page = client.get(people).text
    assert "Women, People with disabilities" in page and "2 names on the list" in page
    joko = re.findall(r"/attendees/(\d+)/remove", page)[1]
    assert (
        post(
            client, f"/staff/forums/{forum.join_code}/attendees/{joko}/remove", csrf, {}
        ).status_code
        == 303
    )
    assert "1 name on the list" in client.get(people).text
    assert len(audit_entries(database_url, "forum_attendee_added")) == 2
    assert len(audit_entries(database_url, "forum_attendee_removed")) == 1
    sheet = client.get(f"/staff/forums/{forum.join_code}/attendance-sheet.pdf?lang=en")
    text = pdf_text(sheet.content)
    assert "Attendance list" in text and "Signature" in text and "Ani" not in text
    assert "25" in text  # 25 numbered blank lines


def test_closed_minutes_as_the_document(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    code = busy_forum(database_url, team)
    sign_in(client, "fasilitator")
    csrf = token(client)
    minutes = f"/staff/forums/{code}/minutes"
    refused = post(client, f"{minutes}/close", csrf, {})
    assert refused.headers["location"].endswith("close=no_letterhead")
    assert (
        "an administrator sets the letterhead"
        in client.get(f"{minutes}?lang=en&close=no_letterhead").text
    )
    client.cookies.clear()
    sign_in(client, "admin")
    post(client, "/staff/minutes-letterhead", token(client), LETTERHEAD)
    client.cookies.clear()
    sign_in(client, "fasilitator")
    csrf = token(client)
    post(
        client,
        f"/staff/forums/{code}/attendees",
        csrf,
        {"name": "Ani Lestari", "origin": "Desa Sukamaju"},
    )
    closed = post(client, f"{minutes}/close", csrf, {})
    assert closed.headers["location"].endswith("close=done")
    page = client.get(f"{minutes}?lang=en&close=done").text
    number = re.search(r"The minutes are closed with the number (\S+)\.", page)
    assert number and re.fullmatch(r"000\.1\.2/1/SETDA/\d{4}", number[1])
    post(client, f"{minutes}/close", csrf, {})  # a second click changes nothing
    assert len(audit_entries(database_url, "forum_minutes_closed")) == 1

    text = pdf_text(client.get(f"/staff/forums/{code}/minutes.pdf?lang=id").content)
    for expected in (
        "PEMERINTAH KABUPATEN CONTOH",
        f"Nomor: {number[1]}",
        "Pada hari ini Sabtu tanggal tujuh belas bulan Agustus tahun dua ribu tiga puluh",
        "bertempat di Aula Puskesmas",
        "Waktu: 09.30 WIB",
        "40 orang",
        "7 masukan",
        "1.5 Antrean nomor 4",
        "2.2 Obat nomor 1",
        "Demikian berita acara ini dibuat dengan sebenarnya",
        "Lampiran: daftar hadir",
        "Ani Lestari",
        "Desa Sukamaju",
        "Halaman 1 dari",
    ):
        assert expected in text, expected
    # Women: 5 of 7 inputs, 22 of 40 present; fewer than 5 hidden (disability 3).
    assert "5 (71%)" in text and "22 (55%)" in text and "kurang dari 5" in text
    assert "Antrean nomor 0 9 9" in text  # the dot vote: 9 dots, all counted in the room
    # No accommodations were offered: no sentence inviting people to ask for them.
    assert "Sampaikan kebutuhan" not in text and "Akomodasi yang disediakan" not in text

    english = pdf_text(client.get(f"/staff/forums/{code}/minutes.pdf?lang=en").content)
    assert (
        "On this day, Saturday the seventeenth of August in the year two thousand and thirty"
        in english
    )
    assert "Page 1 of" in english and "Time: 09:30 WIB" in english
