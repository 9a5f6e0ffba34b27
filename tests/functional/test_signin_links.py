"""Signing in by a one-time link instead of a password (WCAG 2.2 SC 3.3.8), through the full
app, with a real SMTP server and the fake SMS gateway, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app.accounts import signin_links
from gesi_app.app import create_app
from tests.conftest import make_settings
from tests.grouprep_support import (
    REP_A,
    REP_A_EMAIL,
    REP_A_PHONE,
    audit_actions,
    expire_links,
    post,
    rep_team,
    sign_in_links,
)
from tests.notifications_support import Inbox, free_port, smtp_server
from tests.sms_gateway_support import TOKEN, Gateway, sms_gateway
from tests.staff_support import summary, title

ASK = "/staff/login/link"
LINK = re.compile(r"http://suara\.example/staff/login/link/([A-Za-z0-9_-]{43})")


@contextmanager
def linked_app(
    tmp_path: Path, database_url: str, *, sms: bool = True
) -> Iterator[tuple[TestClient, Inbox, Gateway]]:
    """The app with a mail server and (unless ``sms`` is off) an SMS gateway."""
    port = free_port()
    with smtp_server(port) as inbox, sms_gateway() as gateway:
        extra = {
            "GESI_BASE_URL": "http://suara.example",
            "GESI_SMTP_HOST": "127.0.0.1",
            "GESI_SMTP_PORT": str(port),
            "GESI_SMTP_STARTTLS": "false",
            "GESI_MAIL_FROM": "Suara <no-reply@example.go.id>",
        }
        if sms:
            extra |= {"GESI_SMS_URL": gateway.url, "GESI_SMS_TOKEN": TOKEN}
        app = create_app(make_settings(tmp_path / "linked", database_url, **extra))
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client, inbox, gateway


def test_the_sign_in_page_offers_a_link_instead_of_a_password(client: TestClient) -> None:
    page = client.get("/staff/login?lang=en").text
    assert f'<a href="{ASK}">Email me a sign-in link instead</a>' in page
    assert "You can paste your password, and your password manager can fill it in." in page
    page = client.get("/staff/login?lang=id").text
    assert f'<a href="{ASK}">Kirimkan tautan masuk ke email saya</a>' in page


@pytest.mark.parametrize(
    ("lang", "typed", "field_error", "error_title"),
    [
        ("en", "", "Enter your email address or mobile phone number", "Error:"),
        ("en", "wulan@", "Enter an email address like name@example.go.id", "Error:"),
        (
            "en",
            "12",
            "Enter an email address like name@example.go.id or a mobile phone number like "
            "0812 3456 7890",
            "Error:",
        ),
        ("id", "", "Tulis alamat email atau nomor HP Anda", "Kesalahan:"),
    ],
)
def test_a_bad_address_is_said_on_the_same_page_and_kept(
    tmp_path: Path, database_url: str, lang: str, typed: str, field_error: str, error_title: str
) -> None:
    rep_team(database_url)
    with linked_app(tmp_path, database_url) as (client, inbox, _gateway):
        client.get(f"{ASK}?lang={lang}")
        response = post(client, ASK, {"address": typed})
        assert response.status_code == 400
        assert title(response.text).startswith(error_title)
        assert summary(response.text) == {"address": field_error}
        assert f'value="{typed}"' in response.text
    assert sign_in_links(database_url) == []
    assert inbox.messages == []


def test_without_an_sms_gateway_a_phone_number_is_refused_honestly(
    tmp_path: Path, database_url: str
) -> None:
    rep_team(database_url)
    with linked_app(tmp_path, database_url, sms=False) as (client, _inbox, gateway):
        page = client.get(f"{ASK}?lang=en").text
        assert "What is the email address of your account?" in page
        response = post(client, ASK, {"address": "0812 1111 2222"})
        assert summary(response.text) == {
            "address": "This site cannot send text messages. Enter your email address"
        }
    assert gateway.received == []


def test_an_email_link_signs_in_once_after_a_button_press(
    tmp_path: Path, database_url: str
) -> None:
    team = rep_team(database_url)
    with linked_app(tmp_path, database_url) as (client, inbox, _gateway):
        client.get(f"{ASK}?lang=en")
        response = post(client, ASK, {"address": REP_A_EMAIL.upper()})
        assert response.headers["location"] == "/staff/login/link/sent"
        sent = client.get("/staff/login/link/sent").text
        assert "If the address you gave belongs to an account, we sent a sign-in link" in sent
        assert inbox.recipients == [REP_A_EMAIL]
        body = inbox.messages[0].get_content()
        assert inbox.messages[0]["Subject"] == "Your sign-in link for Suara"
        match = LINK.search(body)
        assert match
        token = match.group(1)
        [stored] = sign_in_links(database_url)
        assert token not in (stored.token_hash, body.replace(token, ""))
        assert stored.channel == "email"
        assert stored.used_at is None
        # Opening the link (a mail scanner would) spends nothing and signs nobody in.
        for _ in range(2):
            landing = client.get(f"/staff/login/link/{token}")
            assert landing.status_code == 200
            assert "Press the button to sign in." in landing.text
        assert client.get("/staff/desk", follow_redirects=False).status_code == 303
        signed = post(client, f"/staff/login/link/{token}", {})
        assert signed.headers["location"] == "/staff"
        assert client.get("/staff", follow_redirects=False).headers["location"] == "/staff/desk"
        assert client.get("/staff/desk").status_code == 200
        # Once only, in this browser and any other.
        client.cookies.clear()
        client.get("/staff/login?lang=en")
        again = post(client, f"/staff/login/link/{token}", {})
        assert again.status_code == 404
        assert "This sign-in link does not work" in again.text
        assert client.get(f"/staff/login/link/{token}").status_code == 404
    rep_id = str(team.reps[REP_A])
    actions = [a for a in audit_actions(database_url) if a[0].startswith("sign_in")]
    assert actions == [("sign_in_link_sent", REP_A, rep_id), ("sign_in_by_link", REP_A, rep_id)]


def test_an_sms_link_goes_to_the_accounts_phone(tmp_path: Path, database_url: str) -> None:
    rep_team(database_url)
    with linked_app(tmp_path, database_url) as (client, inbox, gateway):
        page = client.get(f"{ASK}?lang=id").text
        assert "Apa alamat email atau nomor HP akun Anda?" in page
        response = post(client, ASK, {"address": "0812-1111-2222"})
        assert response.headers["location"] == "/staff/login/link/sent"
        [received] = gateway.received
        assert received.json["to"] == REP_A_PHONE
        message = received.json["message"]
        assert len(message) <= 160
        match = LINK.search(message)
        assert match
        assert post(client, f"/staff/login/link/{match.group(1)}", {}).status_code == 303
    assert inbox.messages == []
    assert [link.channel for link in sign_in_links(database_url)] == ["sms"]


@pytest.mark.parametrize("typed", ["nobody@example.org", "0813 9999 0000", "bayu@EXAMPLE.org"])
def test_the_answer_is_the_same_whether_or_not_an_account_is_there(
    tmp_path: Path, database_url: str, typed: str
) -> None:
    rep_team(database_url)
    with linked_app(tmp_path, database_url) as (client, inbox, gateway):
        response = post(client, ASK, {"address": typed})
        assert response.status_code == 303
        assert response.headers["location"] == "/staff/login/link/sent"
        known = typed.lower() == "bayu@example.org"
        assert len(inbox.messages) == (1 if known else 0)
        assert gateway.received == []
    assert len(sign_in_links(database_url)) == (1 if known else 0)


def test_a_deactivated_account_gets_no_link_and_its_links_stop(
    tmp_path: Path, database_url: str
) -> None:
    team = rep_team(database_url)
    with linked_app(tmp_path, database_url) as (client, inbox, _gateway):
        post(client, ASK, {"address": REP_A_EMAIL})
        token = LINK.search(inbox.messages[0].get_content())
        assert token
        assert post(client, "/staff/login", {"username": "admin", "password": PASSWORD})
        changed = post(
            client,
            f"/staff/users/{team.reps[REP_A]}",
            {"role": "group_rep", "agency": "", "active": "no"},
        )
        assert changed.status_code == 303
        client.cookies.clear()
        assert post(client, f"/staff/login/link/{token.group(1)}", {}).status_code == 404
        post(client, ASK, {"address": REP_A_EMAIL})
        assert len(inbox.messages) == 1


def test_a_link_expires_after_15_minutes(tmp_path: Path, database_url: str) -> None:
    rep_team(database_url)
    assert signin_links.VALID_FOR.total_seconds() == 15 * 60
    with linked_app(tmp_path, database_url) as (client, inbox, _gateway):
        post(client, ASK, {"address": REP_A_EMAIL})
        match = LINK.search(inbox.messages[0].get_content())
        assert match
        [link] = sign_in_links(database_url)
        gap = link.expires_at - link.created_at
        assert gap.total_seconds() == 15 * 60
        expire_links(database_url)
        assert client.get(f"/staff/login/link/{match.group(1)}").status_code == 404
        assert post(client, f"/staff/login/link/{match.group(1)}", {}).status_code == 404
        assert client.get("/staff/desk", follow_redirects=False).status_code == 303


def test_links_are_limited_per_address_without_telling(tmp_path: Path, database_url: str) -> None:
    rep_team(database_url)
    with linked_app(tmp_path, database_url) as (client, inbox, _gateway):
        for _ in range(signin_links.PER_ADDRESS + 2):
            response = post(client, ASK, {"address": REP_A_EMAIL})
            assert response.headers["location"] == "/staff/login/link/sent"
        assert len(inbox.messages) == signin_links.PER_ADDRESS
        # The same account by its phone: counted for the account too.
        for _ in range(3):
            post(client, ASK, {"address": REP_A_PHONE})
    assert len(sign_in_links(database_url)) == signin_links.PER_ACCOUNT


PASSWORD = "correct horse battery staple"
