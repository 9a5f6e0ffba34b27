"""Staff sign-in and sign-out through the full app, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Literal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from gesi_app.accounts import auth
from gesi_app.accounts.models import AuditEntry
from gesi_app.accounts.service import user_by_username
from gesi_app.app import create_app
from gesi_app.passwords import Hasher
from gesi_app.settings import Settings
from gesi_app.team import service as users
from gesi_app.web.state import app_state, install
from tests import factories
from tests.staff_support import PASSWORD, make_team, sign_in, summary, title, token


def test_sign_in_page_is_accessible_by_construction(client: TestClient) -> None:
    page = client.get("/staff/login").text
    assert title(page) == "Masuk untuk petugas – Suara"
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
    assert 'type="password"' in page
    # Paste allowed and nothing to solve: no paste blocking, no CAPTCHA, no limits.
    for banned in ("onpaste", "captcha", "required", "maxlength", "<script>"):
        assert banned not in page.lower()
    assert page.index('name="csrftoken"') < page.index('name="username"')


def test_sign_in_opens_the_dashboard_and_records_it(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    response = sign_in(client, "admin")
    assert response.status_code == 303
    assert response.headers["location"] == "/staff"
    page = client.get("/staff?lang=en").text
    assert "<h1>Hello, Admin</h1>" in page
    assert '<a href="/staff/users">Staff members</a>' in page
    assert '<a href="/staff/audit">Audit log</a>' in page
    entries = factories.run(
        database_url, lambda s: s.scalars(select(AuditEntry).order_by(AuditEntry.id))
    ).all()
    assert [(e.action, e.actor_username, e.ip) for e in entries] == [
        ("sign_in", "admin", "testclient")
    ]


def test_agency_officer_dashboard_names_their_agency_and_hides_admin_pages(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "petugas.pupr")
    page = client.get("/staff?lang=en").text
    assert "<dd>Public Works Agency</dd>" in page
    assert "<dd>Agency officer</dd>" in page
    assert "/staff/users" not in page and "/staff/audit" not in page


@pytest.mark.parametrize(
    ("username", "password"),
    [("admin", "wrong password here"), ("nobody", PASSWORD), ("ADMIN ", "wrong again")],
)
def test_wrong_password_and_unknown_user_get_the_same_answer(
    client: TestClient, database_url: str, username: str, password: str
) -> None:
    make_team(database_url)
    response = sign_in(client, username, password)
    assert response.status_code == 400
    assert summary(response.text) == {"username": "Nama pengguna atau kata sandi tidak benar"}
    assert title(response.text).startswith("Kesalahan:")
    # The username is kept, the password never.
    assert f'value="{username.strip()}"' in response.text
    assert password not in response.text
    assert "suara_session" not in response.headers.get("set-cookie", "")


def test_a_deactivated_account_cannot_sign_in_and_gets_the_same_answer(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)

    async def deactivate(session):  # type: ignore[no-untyped-def]
        admin = await user_by_username(session, "admin")
        change = users.UserChanges(role=users.Role.FACILITATOR, agency_id=None, active=False)
        await users.change_user(session, admin, team.ids["fasilitator"], change, None)

    factories.run(database_url, deactivate)
    response = sign_in(client, "fasilitator")
    assert response.status_code == 400
    assert summary(response.text) == {"username": "Nama pengguna atau kata sandi tidak benar"}


@pytest.mark.parametrize(
    ("form", "lang", "messages"),
    [
        ({}, "id", {"username": "Tulis nama pengguna Anda", "password": "Tulis kata sandi Anda"}),
        ({}, "en", {"username": "Enter your username", "password": "Enter your password"}),
        ({"username": "admin"}, "en", {"password": "Enter your password"}),
        ({"username": "  ", "password": "x"}, "id", {"username": "Tulis nama pengguna Anda"}),
    ],
)
def test_empty_sign_in_fields(
    client: TestClient, database_url: str, form: dict[str, str], lang: str, messages: dict[str, str]
) -> None:
    make_team(database_url)
    page = client.get("/staff/login", params={"lang": lang}).text
    response = client.post(
        "/staff/login",
        data={"csrftoken": re.search(r'name="csrftoken" value="([^"]+)"', page).group(1), **form},
    )  # type: ignore[union-attr]
    assert response.status_code == 400
    assert summary(response.text) == messages


def test_five_wrong_tries_pause_that_account_from_that_address_and_say_until_when(
    client: TestClient, settings: Settings, database_url: str
) -> None:
    make_team(database_url)
    for _ in range(4):
        assert sign_in(client, "admin", "not the password").status_code == 400
    fifth = sign_in(client, "admin", "not the password")
    assert fifth.status_code == 429
    # Even the right password is refused from this address while the pair is paused.
    paused = sign_in(client, "admin")
    assert paused.status_code == 429
    assert title(paused.text) == "Masuk ditunda sementara – Suara"
    assert re.search(
        r"Terlalu banyak percobaan yang salah untuk nama pengguna ini dari koneksi internet "
        r"Anda\. Anda bisa mencoba lagi setelah \d+ \w+ \d{4}, \d\d\.\d\d WIB\.",
        paused.text,
    )
    assert "suara_session" not in paused.headers.get("set-cookie", "")
    english = client.post(
        "/staff/login?lang=en",
        data={"csrftoken": token(client), "username": "admin", "password": PASSWORD},
    )
    assert "too many wrong tries for this username from your internet connection" in english.text
    # Another address (and another app process) is not affected.
    with TestClient(create_app(settings), client=("203.0.113.9", 1234)) as other:
        assert sign_in(other, "admin").status_code == 303


def test_wrong_passwords_from_elsewhere_never_lock_the_real_user_out_at_her_address(
    settings: Settings, database_url: str
) -> None:
    """Each address has its own app, as if each reached a different process."""
    make_team(database_url)
    with TestClient(create_app(settings), client=("198.51.100.1", 1000)) as home:
        assert sign_in(home, "admin").status_code == 303
    # A stranger who knows the username tries from address A, then from many more.
    with TestClient(create_app(settings), client=("203.0.113.1", 1000)) as stranger:
        tries = [sign_in(stranger, "admin", "guess").status_code for _ in range(8)]
    assert tries == [400] * 4 + [429] * 4
    for n in range(12):
        with TestClient(create_app(settings), client=(f"203.0.113.{10 + n}", 1000)) as c:
            sign_in(c, "admin", "guess")
    # From a new place the account is slowed down, and the page says why ...
    with TestClient(create_app(settings), client=("203.0.113.99", 1000)) as new_place:
        slowed = new_place.post(
            "/staff/login?lang=en",
            data={"csrftoken": token(new_place), "username": "admin", "password": PASSWORD},
        )
        assert slowed.status_code == 429
        assert "many wrong tries for this username from other internet connections" in (slowed.text)
    # ... but at her own address B the real user signs in at once.
    with TestClient(create_app(settings), client=("198.51.100.1", 1000)) as home:
        assert sign_in(home, "admin").status_code == 303


class CountingHasher(PasswordHasher):
    """Argon2 as in the tests, counting each password check (thread-safe)."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.checks = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        with self._lock:
            self.checks += 1
        return super().verify(hash, password)


def test_thirty_wrong_tries_at_once_make_at_most_five_password_checks(
    app: Starlette, client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    csrf = token(client)
    counting = CountingHasher()
    # This app's hasher, counting: the state is made once per app, so only this test sees it.
    counted = Hasher(counting, counting.hash("a secret nobody types"))
    install(app, replace(app_state(app), hasher=counted))

    def wrong(n: int) -> int:
        form = {"csrftoken": csrf, "username": "admin", "password": f"guess {n}"}
        return client.post("/staff/login", data=form).status_code

    with ThreadPoolExecutor(max_workers=30) as pool:
        codes = list(pool.map(wrong, range(30)))
    assert sorted(codes) == [400] * 4 + [429] * 26
    assert counting.checks == auth.PAIR_TRIES


def test_sign_in_rotates_the_session_and_sign_out_ends_it(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    first = client.cookies["suara_session"]
    assert client.get("/staff", follow_redirects=False).status_code == 200
    sign_in(client, "verifikator")  # signing in again replaces the session
    second = client.cookies["suara_session"]
    assert second != first
    out = client.post("/staff/logout", data={"csrftoken": token(client)}, follow_redirects=False)
    assert out.status_code == 303
    assert out.headers["location"] == "/staff/login?signed_out=1"
    assert "Anda sudah keluar" in client.get(out.headers["location"]).text
    # The old cookie, replayed, no longer opens anything: its key was deleted.
    client.cookies.set("suara_session", second)
    response = client.get("/staff", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/login?next=%2Fstaff"
    client.cookies.set("suara_session", first)
    assert client.get("/staff", follow_redirects=False).status_code == 303


def test_deactivating_a_user_ends_their_live_session_at_once(
    settings: Settings, database_url: str
) -> None:
    team = make_team(database_url)
    # Two apps sharing one database: the change in one process counts in the other.
    with TestClient(create_app(settings)) as officer, TestClient(create_app(settings)) as admin:
        sign_in(officer, "verifikator")
        assert officer.get("/staff", follow_redirects=False).status_code == 200
        sign_in(admin, "admin")
        response = admin.post(
            f"/staff/users/{team.ids['verifikator']}",
            data={"csrftoken": token(admin), "role": "verifier", "agency": "", "active": "no"},
            follow_redirects=False,
        )
        assert response.status_code == 303
        assert officer.get("/staff", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    ("next_path", "expected"),
    [
        ("/staff/users", "/staff/users"),
        ("/staff/audit?action=sign_in", "/staff/audit?action=sign_in"),
        ("https://evil.example/staff", "/staff"),
        ("//evil.example/staff", "/staff"),
        ("/\\evil.example", "/staff"),
        ("javascript:alert(1)", "/staff"),
    ],
)
def test_sign_in_returns_only_to_same_site_paths(
    client: TestClient, database_url: str, next_path: str, expected: str
) -> None:
    make_team(database_url)
    response = client.post(
        "/staff/login",
        params={"next": next_path},
        data={"csrftoken": token(client), "username": "admin", "password": PASSWORD},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == expected


def test_a_post_after_the_session_ended_keeps_the_typed_work(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    csrf = token(client)
    client.cookies.delete("suara_session")  # the session ended while the form was open
    response = client.post(
        "/staff/users/new",
        data={"csrftoken": csrf, "username": "siti.rahma", "full_name": "Siti Rahma"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/login?next=%2Fstaff%2Fusers%2Fnew"
    login = client.get(response.headers["location"]).text
    assert "Masuk lagi untuk melanjutkan" in login
    back = sign_in(client, "admin", next_path="/staff/users/new")
    assert back.headers["location"] == "/staff/users/new"
    form = client.get("/staff/users/new").text
    assert 'value="siti.rahma"' in form and 'value="Siti Rahma"' in form
    assert "Ini yang Anda tulis sebelum masuk lagi" in form
    # Offered once: a later visit starts empty.
    assert 'value="siti.rahma"' not in client.get("/staff/users/new").text
