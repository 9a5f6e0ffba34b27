"""Agreed points with an owner agency, a due date and a state: set when recorded or later
(audited), refused with clear errors that keep what was typed and change nothing, shown on
the public "you said, we did" page and in the minutes, and a new state told to the
participants who asked, as a follow-up item's is."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.forums.models import AgreedPoint
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from tests import factories
from tests.forums_support import add_forum, audit_entries, forum_team, post
from tests.minutes_document_support import pdf_text
from tests.staff_support import sign_in, summary, title, token

BAD = {
    "point": "Loket dibuka pukul 07.00",
    "point_owner": "999",
    "point_due_day": "31",
    "point_due_month": "2",
    "point_due_year": "2027",
    "point_state": "soon",
}


def points(database_url: str) -> list[tuple[str, int | None, dt.date | None, str | None]]:
    async def work(session: AsyncSession) -> list[tuple[str, int | None, dt.date | None, Any]]:
        rows = await session.scalars(select(AgreedPoint).order_by(AgreedPoint.id))
        return [(p.text, p.agency_id, p.due_on, p.state) for p in rows]

    found: list[tuple[str, int | None, dt.date | None, str | None]] = factories.run(
        database_url, work
    )
    return found


def news(database_url: str) -> list[Outbox]:
    async def work(session: AsyncSession) -> list[Outbox]:
        return list(await session.scalars(select(Outbox).order_by(Outbox.id)))

    found: list[Outbox] = factories.run(database_url, work)
    return found


def test_bad_owner_date_or_state_is_refused_and_kept(client: TestClient, database_url: str) -> None:
    team = forum_team(database_url)
    code = add_forum(database_url, team.ids["fasilitator"]).join_code
    sign_in(client, "fasilitator")
    csrf = token(client)
    expected = {
        "en": {
            "point_owner": "Choose the agency from the list",
            "point_due_day": "Enter a real date, for example 17 8 2026",
            "point_state": "Choose where it stands from the list",
        },
        "id": {
            "point_owner": "Pilih instansi dari daftar",
            "point_due_day": "Tulis tanggal yang benar, misalnya 17 8 2026",
            "point_state": "Pilih posisinya dari daftar",
        },
    }
    for lang, errors in expected.items():
        refused = post(client, f"/staff/forums/{code}/agreed?lang={lang}", csrf, BAD)
        assert refused.status_code == 400
        assert title(refused.text).startswith(("Error: ", "Kesalahan: "))
        assert summary(refused.text) == errors
        for name in ("point_due_day", "point_due_month", "point_due_year"):
            assert re.search(rf'id="{name}"[^>]*value="{BAD[name]}"', refused.text, re.S)
        assert "Loket dibuka pukul 07.00</textarea>" in refused.text
    partial = {"point": "Setuju", "point_due_day": "3", "point_due_year": "2027"}
    refused = post(client, f"/staff/forums/{code}/agreed?lang=en", csrf, partial)
    assert summary(refused.text) == {"point_due_month": "The date must include a month"}
    assert points(database_url) == []
    assert audit_entries(database_url, "forum_point_agreed") == []

    # The same checks when changing a point; what it was stays.
    assert (
        post(client, f"/staff/forums/{code}/agreed", csrf, {"point": "Setuju"}).status_code == 303
    )
    outcomes = client.get(f"/staff/forums/{code}/outcomes").text
    url = re.findall(r'href="(/staff/forums/\w+/outcomes/point/\d+)"', outcomes)[0]
    refused = post(client, f"{url}?lang=en", csrf, BAD)
    assert refused.status_code == 400
    assert summary(refused.text) == expected["en"]
    assert 'value="2027"' in refused.text
    assert points(database_url) == [("Setuju", None, None, None)]
    assert audit_entries(database_url, "forum_point_changed") == []


def test_owner_date_and_state_shown_and_a_new_state_told(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    code = add_forum(database_url, team.ids["fasilitator"]).join_code
    for lang, contact in (("en", "warga@contoh.id"), ("id", "0812 3456 7890")):
        joined = client.post(
            f"/forums/{code}/join?lang={lang}",
            data={"csrftoken": token(client), "news": "yes", "contact": contact},
            follow_redirects=False,
        )
        assert joined.status_code == 303
        client.cookies.clear()
    sign_in(client, "fasilitator")
    csrf = token(client)
    dpupr = str(team.agencies["dpupr"])
    year = dt.date.today().year + 1
    point = {
        "point": "Loket dibuka pukul 07.00",
        "point_owner": dpupr,
        "point_due_day": "17",
        "point_due_month": "8",
        "point_due_year": str(year),
    }
    assert post(client, f"/staff/forums/{code}/agreed", csrf, point).status_code == 303
    assert (
        post(client, f"/staff/forums/{code}/agreed", csrf, {"point": "Papan nama"}).status_code
        == 303
    )
    due = dt.date(year, 8, 17)
    assert points(database_url) == [
        ("Loket dibuka pukul 07.00", int(dpupr), due, None),
        ("Papan nama", None, None, None),
    ]
    (added, _) = audit_entries(database_url, "forum_point_agreed")
    assert added.after is not None
    assert added.after["agency"] == int(dpupr) and added.after["due"] == due.isoformat()
    minutes = client.get(f"/staff/forums/{code}/minutes?lang=en").text
    assert "Agency: Public Works Agency" in minutes
    assert f'<time datetime="{due.isoformat()}">' in minutes
    pdf = pdf_text(client.get(f"/staff/forums/{code}/minutes.pdf?lang=en").content)
    assert f"Agency: Public Works Agency · Due: August 17, {year}" in pdf

    outcomes = client.get(f"/staff/forums/{code}/outcomes").text
    url = re.findall(r'href="(/staff/forums/\w+/outcomes/point/\d+)"', outcomes)[0]
    form = client.get(f"{url}?lang=en").text
    assert re.search(rf'<option value="{dpupr}"\s+selected', form)
    assert 'value="17"' in form and f'value="{year}"' in form
    assert news(database_url) == []
    changed = post(client, url, csrf, {**point, "point_state": "in_progress"})
    assert changed.status_code == 303
    told = news(database_url)
    assert [(m.channel, m.recipient, m.locale, m.report_id) for m in told] == [
        (OutboxChannel.EMAIL, "warga@contoh.id", "en", None),
        (OutboxChannel.SMS, "+6281234567890", "id", None),
    ]
    assert "Loket dibuka pukul 07.00" in told[0].body and "is now: In progress" in told[0].body
    assert f"/forums/{code}/follow-up" in told[0].body
    assert "Sedang dikerjakan" in told[1].body and len(told[1].body) <= 160
    (entry,) = audit_entries(database_url, "forum_point_changed")
    assert entry.before is not None and entry.after is not None
    assert entry.before["state"] is None and entry.after["state"] == "in_progress"
    # Words changed, state the same: nobody is told again.
    post(client, url, csrf, {**point, "point": "Loket dibuka 07.00", "point_state": "in_progress"})
    assert len(news(database_url)) == 2
    post(client, url, csrf, {**point, "point": "Loket dibuka 07.00", "point_state": "done"})
    assert len(news(database_url)) == 4
    client.cookies.clear()

    page = client.get(f"/forums/{code}/follow-up?lang=en").text
    first = page.split('id="agreed-1"')[1].split('id="agreed-2"')[0]
    assert "Loket dibuka 07.00" in first and "Public Works Agency" in first
    assert f'<time datetime="{due.isoformat()}">' in first and "Done" in first
    second = page.split('id="agreed-2"')[1].split("What will be done")[0]
    assert second.count("Not set yet") == 3
    indonesian = client.get(f"/forums/{code}/follow-up?lang=id").text
    assert "Selesai" in indonesian and "Belum ditentukan" in indonesian


def test_forum_news_that_failed_is_listed_for_the_admin(
    client: TestClient, database_url: str
) -> None:
    team = forum_team(database_url)
    code = add_forum(database_url, team.ids["fasilitator"]).join_code
    joined = client.post(
        f"/forums/{code}/join",
        data={"csrftoken": token(client), "news": "yes", "contact": "warga@contoh.id"},
        follow_redirects=False,
    )
    assert joined.status_code == 303
    client.cookies.clear()
    sign_in(client, "fasilitator")
    csrf = token(client)
    post(client, f"/staff/forums/{code}/agreed", csrf, {"point": "Setuju"})
    url = re.findall(
        r'href="(/staff/forums/\w+/outcomes/point/\d+)"',
        client.get(f"/staff/forums/{code}/outcomes").text,
    )[0]
    post(client, url, csrf, {"point": "Setuju", "point_state": "done"})

    async def failed(session: AsyncSession) -> None:
        (row,) = await session.scalars(select(Outbox))
        row.status, row.attempts = OutboxStatus.FAILED, 5
        await session.commit()

    factories.run(database_url, failed)
    client.cookies.clear()
    sign_in(client, "admin")
    listed = client.get("/staff/notifications?lang=en")
    assert listed.status_code == 200
    assert "Forum news" in listed.text
