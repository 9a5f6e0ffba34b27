"""Helpers for the forum outcome tests: a second facilitator account, inputs sent by capture."""

from __future__ import annotations

import re

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user
from tests import factories
from tests.forums_support import _HASH, agenda_ids, post
from tests.staff_support import PASSWORD


def add_facilitator_account(database_url: str, username: str) -> int:
    """Another facilitator account (it runs no forum until it is added to one)."""

    async def work(session: AsyncSession) -> int:
        user = await create_user(
            session,
            username=username,
            full_name=username.title(),
            role=Role.FACILITATOR,
            password=PASSWORD,
            password_hash=_HASH[0],
        )
        return user.id

    user_id: int = factories.run(database_url, work)
    return user_id


def capture(client: TestClient, code: str, csrf: str, texts: list[tuple[int, str]]) -> list[int]:
    """Write down inputs (agenda item index, text) by quick capture; their ids in order."""
    url = f"/staff/forums/{code}/capture"
    items = agenda_ids(client.get(url).text)
    for index, text in texts:
        assert (
            post(client, url, csrf, {"agenda_item": items[index], "text": text}).status_code == 303
        )
    page = client.get(f"/staff/forums/{code}/themes").text
    return [int(n) for n in re.findall(r'name="inputs" type="checkbox" value="(\d+)"', page)]
