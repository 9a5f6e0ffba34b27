"""Managing staff members, one-time password links and the audit log page, through the app."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.settings import Settings
from tests.staff_support import make_team, sign_in, summary, title, token

NEW_USER = {
    "username": "siti.rahma",
    "full_name": "Siti Rahma",
    "email": "",
    "role": "verifier",
    "agency": "",
}


def post(client: TestClient, url: str, form: dict[str, str], lang: str = "id") -> object:
    return client.post(
        url,
        params={"lang": lang},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def test_admin_adds_a_staff_member_who_sets_their_own_password(
    client: TestClient, settings: Settings, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    form = {**NEW_USER, "role": "agency_officer", "agency": str(team.agencies["dinkes"])}
    response = post(client, "/staff/users/new", form, lang="en")
    assert response.status_code == 200  # type: ignore[attr-defined]
    page = response.text  # type: ignore[attr-defined]
    assert response.headers["cache-control"] == "no-store"  # type: ignore[attr-defined]
    assert "<h1>Staff member added</h1>" in page
    link = re.search(r"<code>http://127\.0\.0\.1:8000(/staff/reset/[\w-]+)</code>", page)
    assert link
    listing = client.get("/staff/users?lang=en").text
    assert re.search(
        r">siti\.rahma</a></th>\s*<td[^>]*>Siti Rahma</td>\s*<td[^>]*>Agency officer</td>"
        r"\s*<td[^>]*>Health Agency</td>\s*<td[^>]*>Yes</td>\s*<td[^>]*>Never</td>",
        listing,
    )
    # The new person opens the link in their own browser (its own app: another process).
    with TestClient(create_app(settings)) as newcomer:
        reset_page = newcomer.get(link.group(1) + "?lang=en")
        assert "<p>For the staff account siti.rahma.</p>" in reset_page.text
        assert 'autocomplete="new-password"' in reset_page.text
        done = newcomer.post(
            link.group(1),
            data={"csrftoken": token(newcomer), "password": "my own long password"},
            follow_redirects=False,
        )
        assert done.headers["location"] == "/staff/login?password_set=1"
        assert sign_in(newcomer, "siti.rahma", "my own long password").status_code == 303
        assert "<dd>Health Agency</dd>" in newcomer.get("/staff").text
        # The link worked once.
        again = newcomer.get(link.group(1))
        assert again.status_code == 404
        assert "This link does not work" in again.text


@pytest.mark.parametrize(
    ("form", "lang", "messages"),
    [
        (
            {"username": "", "full_name": "", "role": "", "agency": ""},
            "id",
            {
                "username": "Tulis nama pengguna",
                "full_name": "Tulis nama lengkap petugas",
                "role": "Pilih peran",
            },
        ),
        (
            {"username": "", "full_name": "", "role": "", "agency": ""},
            "en",
            {
                "username": "Enter a username",
                "full_name": "Enter the staff member's full name",
                "role": "Choose a role",
            },
        ),
        (
            {"username": "si", "email": "siti@", "role": "agency_officer"},
            "en",
            {
                "username": "Use 3 to 60 characters: small letters a to z, numbers, dot, dash or underscore",
                "email": "Enter an email address like name@example.go.id",
                "agency": "Choose the agency of this agency officer",
            },
        ),
        (
            {"username": "siti rahma", "full_name": "x" * 201, "role": "boss"},
            "id",
            {
                "username": "Gunakan 3 sampai 60 karakter: huruf kecil a sampai z, angka, titik, tanda hubung, atau garis bawah",
                "full_name": "Nama lengkap paling banyak 200 karakter",
                "role": "Pilih peran",
            },
        ),
        (
            {"username": "ADMIN"},
            "id",
            {"username": "Nama pengguna ini sudah dipakai. Pilih yang lain"},
        ),
        (
            {"username": "admin"},
            "en",
            {"username": "This username is already used. Choose another one"},
        ),
        (
            {"role": "agency_officer", "agency": "999999"},
            "en",
            {"agency": "Choose the agency of this agency officer"},
        ),
    ],
)
def test_new_staff_member_validation(
    client: TestClient, database_url: str, form: dict[str, str], lang: str, messages: dict[str, str]
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    response = post(client, "/staff/users/new", {**NEW_USER, **form}, lang=lang)
    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.text  # type: ignore[attr-defined]
    assert summary(page) == messages
    assert title(page).startswith("Kesalahan:" if lang == "id" else "Error:")
    for field in messages:
        assert f'id="{field}-error"' in page
    # What was typed stays.
    kept = {**NEW_USER, **form}
    if kept["full_name"]:
        assert f'value="{kept["full_name"]}"' in page
    assert client.get("/staff/users").text.count('<th scope="row"') == 4  # nobody was added


@pytest.mark.parametrize(
    ("target", "form", "lang", "messages"),
    [
        (
            "verifikator",
            {},
            "en",
            {"role": "Choose a role", "active": "Choose whether this staff member can sign in"},
        ),
        (
            "verifikator",
            {"role": "agency_officer", "active": "yes"},
            "id",
            {"agency": "Pilih instansi petugas instansi ini"},
        ),
        (
            "admin",
            {"role": "admin", "active": "no"},
            "en",
            {"active": "You cannot deactivate your own account"},
        ),
        (
            "admin",
            {"role": "verifier", "active": "yes"},
            "id",
            {"role": "Harus ada paling sedikit 1 admin aktif. Jadikan petugas lain admin dulu"},
        ),
        (
            "admin",
            {"role": "verifier", "active": "yes"},
            "en",
            {"role": "At least 1 active admin is needed. Make another staff member an admin first"},
        ),
    ],
)
def test_changing_a_staff_member_validation(
    client: TestClient,
    database_url: str,
    target: str,
    form: dict[str, str],
    lang: str,
    messages: dict[str, str],
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    url = f"/staff/users/{team.ids[target]}"
    response = post(client, url, {"agency": "", **form}, lang=lang)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == messages  # type: ignore[attr-defined]
    # Nothing changed: the page shows the stored values again.
    for action in ("user_changed", "user_deactivated"):
        audit = client.get(f"/staff/audit?action={action}&lang=en").text
        assert "No entries match. Try fewer filters." in audit


def test_saving_changes_redirects_and_says_so(client: TestClient, database_url: str) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    url = f"/staff/users/{team.ids['fasilitator']}"
    response = post(
        client,
        url,
        {"role": "agency_officer", "agency": str(team.agencies["dpupr"]), "active": "yes"},
    )
    assert response.headers["location"] == f"{url}?saved=1"  # type: ignore[attr-defined]
    page = client.get(f"{url}?saved=1&lang=en").text
    assert "Your changes are saved" in page
    assert re.search(r'value="agency_officer" checked', page)
    assert re.search(rf'<option value="{team.agencies["dpupr"]}" selected>', page)


@pytest.mark.parametrize(
    ("password", "lang", "message"),
    [
        ("", "id", "Tulis kata sandi baru"),
        ("", "en", "Enter a new password"),
        ("short pass", "en", "Use at least 12 characters"),
        ("pendek", "id", "Gunakan paling sedikit 12 karakter"),
        ("x" * 201, "en", "Use 200 characters or fewer"),
        ("sandi kecil", "id", "Gunakan paling sedikit 12 karakter"),
    ],
)
def test_new_password_validation(
    client: TestClient, database_url: str, password: str, lang: str, message: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    made = post(client, f"/staff/users/{team.ids['verifikator']}/reset", {})
    link = re.search(r"<code>http://127\.0\.0\.1:8000(/staff/reset/[\w-]+)</code>", made.text)  # type: ignore[attr-defined]
    assert link
    response = post(client, link.group(1), {"password": password}, lang=lang)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == {"password": message}  # type: ignore[attr-defined]
    assert 'type="password"\n         value=""' in response.text  # type: ignore[attr-defined]
    if password:
        assert password not in response.text  # type: ignore[attr-defined]
    # The link still works after a refused try.
    assert client.get(link.group(1)).status_code == 200


def test_password_equal_to_the_username_is_refused(client: TestClient, database_url: str) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    client.post(f"/staff/users/{team.ids['admin']}", data={"csrftoken": token(client)})
    # A username long enough to be a 12-character password.
    post(client, "/staff/users/new", {**NEW_USER, "username": "siti.rahmawati"})
    made = post(client, "/staff/users/new", {**NEW_USER, "username": "budi.santoso.x"}, lang="en")
    link = re.search(r"(/staff/reset/[\w-]+)</code>", made.text)  # type: ignore[attr-defined]
    assert link
    response = post(client, link.group(1), {"password": "Budi.Santoso.X"}, lang="en")
    assert summary(response.text) == {"password": "Choose a password that is not your username"}  # type: ignore[attr-defined]


def test_audit_log_lists_actions_newest_first_and_filters(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "verifikator", "wrong password")
    sign_in(client, "admin")
    post(
        client,
        f"/staff/users/{team.ids['fasilitator']}",
        {"role": "facilitator", "agency": "", "active": "no"},
    )
    page = client.get("/staff/audit?lang=en").text
    actions = re.findall(r"<td[^>]*>(Signed in|Sign-in failed|Staff member deactivated)</td>", page)
    assert actions == ["Staff member deactivated", "Signed in", "Sign-in failed"]
    assert "<li>Active: Yes</li>" in page and "<li>Active: No</li>" in page
    only_admin = client.get(f"/staff/audit?lang=en&actor={team.ids['admin']}").text
    assert "Sign-in failed" not in only_admin.split("<tbody>")[1]
    failed = client.get("/staff/audit?lang=en&action=sign_in_failed").text
    assert re.findall(r"<td[^>]*>(verifikator|admin)(?: \(\w+\))?</td>", failed) == ["verifikator"]
    assert "1 entry" in failed
    future = client.get("/staff/audit?lang=en&start=2999-01-01").text
    assert "No entries match. Try fewer filters." in future


@pytest.mark.parametrize(
    ("query", "lang", "messages"),
    [
        (
            {"start": "23/11/2026"},
            "en",
            {"start": "Enter the start date as year-month-day, for example 2026-11-23"},
        ),
        (
            {"end": "kemarin"},
            "id",
            {"end": "Tulis tanggal akhir sebagai tahun-bulan-tanggal, misalnya 2026-11-23"},
        ),
        (
            {"start": "2026-11-23", "end": "2026-11-01"},
            "en",
            {"end": "The end date must be on or after the start date"},
        ),
        (
            {"actor": "99999", "action": "rewrite_history"},
            "id",
            {"actor": "Pilih petugas dari daftar", "action": "Pilih tindakan dari daftar"},
        ),
    ],
)
def test_audit_filter_validation(
    client: TestClient,
    database_url: str,
    query: dict[str, str],
    lang: str,
    messages: dict[str, str],
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    response = client.get("/staff/audit", params={"lang": lang, **query})
    assert response.status_code == 400
    assert summary(response.text) == messages
    for field in ("start", "end"):
        if field in query:
            assert f'value="{query[field]}"' in response.text
    assert "<tbody>" not in response.text
