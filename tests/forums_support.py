"""Forum test data through the real services, and the forms the pages send."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import httpx2 as httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import AuditEntry, Role, StaffUser
from gesi_app.accounts.service import create_user
from gesi_app.agencies.service import ensure_agency
from gesi_app.forums.models import Forum, ForumFormat, ForumState
from gesi_app.forums.service import NewForum, advance_state, create_forum, forum_by_code
from tests import factories
from tests.staff_support import PASSWORD, Team

_HASH: list[str] = []


def forum_team(database_url: str) -> Team:
    """An agency, an admin, a facilitator and a verifier; the password hashed once a process
    (Argon2 is slow by design)."""
    if not _HASH:
        _HASH.append(factories.HASHER.hash(PASSWORD))

    async def work(session: AsyncSession) -> Team:
        pupr = await ensure_agency(session, "dpupr", "Dinas Pekerjaan Umum", "Public Works Agency")
        ids = {}
        for username, role in (
            ("admin", Role.ADMIN),
            ("fasilitator", Role.FACILITATOR),
            ("verifikator", Role.VERIFIER),
        ):
            user = await create_user(
                session,
                username=username,
                full_name=username.title(),
                role=role,
                password=PASSWORD,
                password_hash=_HASH[0],
            )
            ids[username] = user.id
        return Team(ids, {"dpupr": pupr.id})

    team: Team = factories.run(database_url, work)
    return team


SETUP_FORM = {
    "title": "Musrenbang Kecamatan Balaraja",
    "agency": "",
    "format": "hybrid",
    "date_day": "17",
    "date_month": "8",
    "date_year": "2030",
    "time": "09.30",
    "place": "Aula Kecamatan Balaraja",
    "agenda": "Jalan desa\nAir bersih",
}


def add_forum(database_url: str, user_id: int, *, live: bool = True, **overrides: Any) -> Forum:
    """A forum set up (and started, unless live=False) by staff member ``user_id``."""
    new = NewForum(
        title=overrides.get("title", "Forum Konsultasi Publik Puskesmas"),
        agency_id=None,
        format=ForumFormat.IN_PERSON,
        starts_at=dt.datetime(2030, 8, 17, 2, 30, tzinfo=dt.UTC),
        place="Aula Puskesmas",
        agenda=overrides.get("agenda", ("Antrean", "Obat")),
    )

    async def work(session: AsyncSession) -> Forum:
        user = await session.get_one(StaffUser, user_id)
        forum = await create_forum(session, user, new)
        if live:
            await advance_state(session, user, forum, ForumState.LIVE)
        return await forum_by_code(session, forum.join_code)

    forum: Forum = factories.run(database_url, work)
    return forum


def agenda_ids(html: str) -> list[str]:
    return re.findall(r'name="agenda_item" type="radio" value="(\d+)"', html)


def post(client: TestClient, url: str, csrf: str, data: dict[str, Any], **kw: Any) -> Any:
    return client.post(url, data={"csrftoken": csrf, **data}, follow_redirects=False, **kw)


def audit_entries(database_url: str, action: str) -> list[AuditEntry]:
    async def work(session: AsyncSession) -> list[AuditEntry]:
        rows = await session.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        )
        return list(rows)

    entries: list[AuditEntry] = factories.run(database_url, work)
    return entries


def send_input(base: str, code: str, text: str) -> None:
    """Join as a participant and send one input, as a phone without JavaScript would."""
    with httpx.Client(base_url=base, timeout=30, follow_redirects=True) as phone:
        page = phone.get(f"/forums/{code}").text
        csrf = re.search(r'name="csrftoken" value="([^"]+)"', page)
        assert csrf
        phone.post(f"/forums/{code}/join", data={"csrftoken": csrf[1]})
        page = phone.get(f"/forums/{code}").text
        agenda = re.findall(r'name="agenda_item" type="radio" value="(\d+)"', page)
        sent = phone.post(
            f"/forums/{code}/inputs",
            data={"csrftoken": csrf[1], "agenda_item": agenda[0], "text": text},
        )
        assert sent.status_code == 200 and text in sent.text
