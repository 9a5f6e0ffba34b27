""" "You said, we did": the public follow-up page of a forum moves with the tracked reports its
follow-up items became, and participants who left a contact and asked are told, in the
language they joined in, when one moves on."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from starlette.testclient import TestClient

from gesi_app.db.engine import create_engine, session_factory
from gesi_app.forums import follow_up_news
from gesi_app.forums.models import Participant
from gesi_app.notifications import service
from gesi_app.notifications.models import Outbox, OutboxChannel
from gesi_app.reports.deadlines import STANDARD
from gesi_app.reports.models import Report, ReportMessage, Status
from gesi_app.reports.service import report_by_code
from gesi_app.reports.workflow import transition
from tests import factories
from tests.forums_support import add_forum, forum_team, post
from tests.staff_support import sign_in, summary, title, token

BASE_URL = "https://suara.example.go.id"


def notifying(database_url: str, work: Any) -> None:
    """``work(session)`` on sessions that queue messages as the app's do (the reporter's and the
    forum participants')."""

    async def go() -> None:
        engine = create_engine(database_url)
        sessions = session_factory(engine)
        service.install(sessions, BASE_URL, STANDARD)
        follow_up_news.install(sessions, BASE_URL)
        try:
            async with sessions() as session:
                await work(session)
                await session.commit()
        finally:
            await engine.dispose()

    asyncio.run(go())


def move(database_url: str, code: str, *to: Status, answer: str | None = None) -> None:
    async def work(session: AsyncSession) -> None:
        found = await report_by_code(session, code)
        assert found is not None
        report = await session.get_one(
            Report, found.id, options=[selectinload(Report.history), selectinload(Report.messages)]
        )
        for status in to:
            if status is Status.TERVERIFIKASI:
                factories.verify_and_publish(report)
            else:
                transition(report, status, actor_kind="staff")
        if answer:
            report.messages.append(ReportMessage(author_kind="agency", body=answer))

    notifying(database_url, work)


def news(database_url: str) -> list[Outbox]:
    async def work(session: AsyncSession) -> list[Outbox]:
        rows = await session.scalars(
            select(Outbox).where(Outbox.kind == "forum_follow_up").order_by(Outbox.id)
        )
        return list(rows)

    found: list[Outbox] = factories.run(database_url, work)
    return found


def join(client: TestClient, code: str, lang: str, **fields: str) -> Any:
    csrf = token(client)
    return client.post(
        f"/forums/{code}/join?lang={lang}",
        data={"csrftoken": csrf, **fields},
        follow_redirects=False,
    )


def test_joining_with_a_contact_to_be_told(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    refused = join(client, code, "en", news="yes", contact="")
    assert refused.status_code == 400
    assert title(refused.text).startswith("Error: ")
    assert summary(refused.text) == {
        "contact": "Enter an email address or a phone number to be told"
    }
    unticked = join(client, code, "id", contact="warga@contoh.id", name="Sari")
    assert summary(unticked.text) == {
        "news": "Centang kotaknya untuk diberi tahu, atau kosongkan email atau nomor telepon"
    }
    assert 'value="warga@contoh.id"' in unticked.text and 'value="Sari"' in unticked.text
    wrong = join(client, code, "en", news="yes", contact="0812")
    assert summary(wrong.text) == {
        "contact": "Enter an email address like nama@contoh.id or a phone number like 0812 3456 7890"
    }
    assert join(client, code, "en", news="yes", contact="Warga@Contoh.id").status_code == 303

    async def people(session: AsyncSession) -> list[tuple[str | None, bool, str | None]]:
        rows = await session.scalars(select(Participant).order_by(Participant.id))
        return [(p.contact, p.wants_news, p.locale) for p in rows]

    assert factories.run(database_url, people) == [("warga@contoh.id", True, "en")]


def test_the_follow_up_page_moves_with_the_report_and_tells_who_asked(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    code = forum.join_code
    assert join(client, code, "en", news="yes", contact="warga@contoh.id").status_code == 303
    client.cookies.clear()
    assert join(client, code, "id", news="yes", contact="0812 3456 7890").status_code == 303
    client.cookies.clear()
    assert join(client, code, "id").status_code == 303  # asked for nothing

    sign_in(client, "fasilitator")
    csrf = token(client)
    post(client, f"/staff/forums/{code}/agreed", csrf, {"point": "Loket dibuka pukul 07.00"})
    year = str(dt.date.today().year + 1)
    for what in ("Tambah loket antrean", "Perbaiki atap ruang tunggu"):
        plan = {
            "what": what,
            "owner": str(team.agencies["dpupr"]),
            "due_day": "17",
            "due_month": "8",
            "due_year": year,
        }
        assert post(client, f"/staff/forums/{code}/follow-ups", csrf, plan).status_code == 303
    outcomes = client.get(f"/staff/forums/{code}/outcomes").text
    first = re.findall(r"/follow-ups/(\d+)/report", outcomes)[0]
    made = post(client, f"/staff/forums/{code}/follow-ups/{first}/report", csrf, {})
    tracking = made.headers["location"].split("reported=")[1]
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert f"/forums/{code}/follow-up" in minutes
    client.cookies.clear()

    url = f"/forums/{code}/follow-up"
    assert f'href="{url}"' in client.get(f"/forums/{code}").text
    page = client.get(f"{url}?lang=en").text
    assert title(page).startswith("You said, we did: ")
    assert "Loket dibuka pukul 07.00" in page and "Public Works Agency" in page
    assert "Received" in page and "Planned, not yet a tracked report" in page
    assert tracking not in page  # not public until verified
    assert news(database_url) == []

    move(database_url, tracking, Status.TERVERIFIKASI)
    page = client.get(f"{url}?lang=en").text
    assert "Verified" in page and f'href="/reports/{tracking}"' in page
    told = news(database_url)
    assert [(m.channel, m.recipient, m.locale) for m in told] == [
        (OutboxChannel.EMAIL, "warga@contoh.id", "en"),
        (OutboxChannel.SMS, "+6281234567890", "id"),
    ]
    assert "is now: Verified" in told[0].body and f"{BASE_URL}{url}" in told[0].body
    assert "Terverifikasi" in told[1].body and len(told[1].body) <= 160
    assert "Tambah loket antrean" in told[0].body

    move(database_url, tracking, Status.DITINDAKLANJUTI, answer="Loket kedua dibuka Senin.")
    page = client.get(f"{url}?lang=id").text
    assert "Loket kedua dibuka Senin." in page and "Ditindaklanjuti" in page
    assert len(news(database_url)) == 4

    other = factories.create_report(database_url, region_code=None)
    move(database_url, other.report.tracking_code, Status.TERVERIFIKASI)
    assert len(news(database_url)) == 4  # no forum's follow-up: nobody at the forum is told
    assert client.get("/forums/ZZZZZZ/follow-up").status_code == 404
