"""Staff test data through the real services: two agencies and one staff member per role."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user
from gesi_app.agencies.service import ensure_agency
from tests import factories
from tests.conftest import form_token

PASSWORD = "correct horse battery staple"
ROLES = {
    "admin": Role.ADMIN,
    "verifikator": Role.VERIFIER,
    "petugas.pupr": Role.AGENCY_OFFICER,
    "fasilitator": Role.FACILITATOR,
}


@dataclass(frozen=True)
class Team:
    ids: dict[str, int]  # username -> id
    agencies: dict[str, int]  # slug -> id


def make_team(database_url: str) -> Team:
    async def work(session: AsyncSession) -> Team:
        pupr = await ensure_agency(session, "dpupr", "Dinas Pekerjaan Umum", "Public Works Agency")
        dinkes = await ensure_agency(session, "dinkes", "Dinas Kesehatan", "Health Agency")
        ids = {}
        for username, role in ROLES.items():
            user = await create_user(
                session,
                username=username,
                full_name=username.title(),
                role=role,
                password=PASSWORD,
                password_hash=factories.HASHER.hash(PASSWORD),
                agency=pupr if role is Role.AGENCY_OFFICER else None,
            )
            ids[username] = user.id
        return Team(ids, {"dpupr": pupr.id, "dinkes": dinkes.id})

    team: Team = factories.run(database_url, work)
    return team


def token(client: TestClient) -> str:
    return form_token(client.get("/staff/login").text)


def sign_in(
    client: TestClient, username: str, password: str = PASSWORD, next_path: str | None = None
) -> Any:
    url = "/staff/login" + (f"?next={next_path}" if next_path else "")
    return client.post(
        url,
        data={"csrftoken": token(client), "username": username, "password": password},
        follow_redirects=False,
    )


def summary(html: str) -> dict[str, str]:
    """The error summary as {field id: message}."""
    found = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', html)
    return {field: unescape(message) for field, message in found}


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html)
    assert match
    return match.group(1)


def assert_refused(response: Any, messages: dict[str, str], typed: dict[str, str]) -> None:
    """A form sent back with its errors: 400, the error summary, "Error: " before the title,
    and what was typed kept (each value short enough to be shown whole)."""
    assert response.status_code == 400
    assert summary(response.text) == messages
    assert title(response.text).startswith("Error: ")
    for value in typed.values():
        if len(value) < 50:
            assert value in response.text
