"""A community group's desk: its representatives follow, answer and rate the group's reports,
and nothing else, through the full app on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.accounts.service import create_user
from gesi_app.reports import workflow
from gesi_app.reports.models import Rating, ReportMessage, Status
from tests import factories
from tests.casework_support import load
from tests.grouprep_support import (
    REP_A,
    REP_A_EMAIL,
    REP_A_PHONE,
    REP_B,
    audit_actions,
    group_report,
    post,
)
from tests.grouprep_support import rep_team as make_rep_team
from tests.notifications_support import in_session, load_report, outbox
from tests.staff_support import PASSWORD, sign_in, summary, title


def rep_sign_in(client: TestClient, username: str) -> None:
    """Representatives set a password through their link; here it is set directly."""
    assert sign_in(client, username).status_code == 303


@pytest.fixture
def rep_team(database_url: str):  # type: ignore[no-untyped-def]  # a fixture's own value
    team = make_rep_team(database_url)

    async def passwords(session: AsyncSession) -> None:
        for user in (await session.scalars(select(StaffUser))).all():
            user.password_hash = factories.HASHER.hash(PASSWORD)

    factories.run(database_url, passwords)
    return team


def test_a_representative_lands_on_its_desk_with_only_the_desk_in_its_menu(
    client: TestClient, rep_team: object
) -> None:
    response = sign_in(client, REP_A)
    assert response.headers["location"] == "/staff"
    home = client.get("/staff?lang=en", follow_redirects=False)
    assert home.headers["location"] == "/staff/desk"
    page = client.get("/staff/desk").text
    assert title(page) == "Reports of Karang Taruna Cisoka – Suara"
    nav = page[
        page.index('aria-label="Staff menu"') : page.index("</nav>", page.index("Staff menu"))
    ]
    assert '<a href="/staff/desk" aria-current="page">Our group&#39;s reports</a>' in nav
    assert nav.count("<li>") == 1
    assert "Dashboard" not in nav
    assert "Sign out" in nav


@pytest.mark.parametrize(
    ("lang", "heading", "empty"),
    [
        ("en", "Reports of Karang Taruna Cisoka", "Your group has no reports yet"),
        ("id", "Laporan Karang Taruna Cisoka", "Kelompok Anda belum punya laporan"),
    ],
)
def test_an_empty_desk_says_so_in_both_languages(
    client: TestClient, rep_team: object, lang: str, heading: str, empty: str
) -> None:
    rep_sign_in(client, REP_A)
    page = client.get(f"/staff/desk?lang={lang}").text
    assert f"<h1>{heading}</h1>" in page
    assert empty in page


def test_the_desk_lists_the_groups_reports_only(
    client: TestClient, database_url: str, rep_team
) -> None:  # type: ignore[no-untyped-def]
    dpupr = rep_team.team.agencies["dpupr"]
    ours = group_report(
        database_url, rep_team.group_a, Status.DITINDAKLANJUTI, dpupr, title="Lampu jalan mati"
    )
    theirs = group_report(
        database_url, rep_team.group_b, Status.TERVERIFIKASI, dpupr, title="Trotoar rusak"
    )
    nobodys = factories.create_report(database_url, title="Sampah menumpuk").report
    rep_sign_in(client, REP_A)
    page = client.get("/staff/desk?lang=en").text
    assert ours.tracking_code in page and "Lampu jalan mati" in page
    assert "Answered" in page
    assert theirs.tracking_code not in page and "Trotoar rusak" not in page
    assert nobodys.tracking_code not in page
    # Another group's report, a report of no group and a code that is nobody's: not found.
    for code in (theirs.tracking_code, nobodys.tracking_code, "SRA-2222-22"):
        response = client.get(f"/staff/desk/{code}?lang=en")
        assert response.status_code == 404
        assert "Your group has no report with this tracking code." in response.text
        assert post(client, f"/staff/desk/{code}/reply", {"reply": "Halo"}).status_code == 404
        assert post(client, f"/staff/desk/{code}/rating", {"score": "5"}).status_code == 404
    assert [m.body for m in load(database_url, theirs.id).messages] == []


def test_any_representative_replies_and_rates_as_the_reporter(
    client: TestClient, database_url: str, rep_team
) -> None:  # type: ignore[no-untyped-def]
    dpupr = rep_team.team.agencies["dpupr"]
    report = group_report(database_url, rep_team.group_a, Status.DITINDAKLANJUTI, dpupr)
    second = factories.run(
        database_url,
        lambda s: _second_rep(s, rep_team.group_a),
    )
    rep_sign_in(client, second)
    page = client.get(f"/staff/desk/{report.tracking_code}?lang=en").text
    assert "Sudah kami perbaiki." in page
    assert f'action="/staff/desk/{report.tracking_code}/reply"' in page
    assert f'action="/staff/desk/{report.tracking_code}/rating"' in page
    # Errors: on the same page, what was typed kept, nothing stored.
    bad = post(client, f"/staff/desk/{report.tracking_code}/rating", {"comment": "Lumayan"})
    assert bad.status_code == 400
    assert title(bad.text).startswith("Error:")
    assert summary(bad.text) == {"score": "Choose how good the answer was"}
    assert "Lumayan</textarea>" in bad.text
    empty = post(client, f"/staff/desk/{report.tracking_code}/reply", {"reply": "  "})
    assert summary(empty.text) == {"reply": "Write your reply"}
    rated = post(
        client, f"/staff/desk/{report.tracking_code}/rating", {"score": "4", "comment": "Cepat"}
    )
    assert rated.headers["location"] == f"/staff/desk/{report.tracking_code}"
    assert "Thank you for your rating" in client.get(rated.headers["location"]).text
    replied = post(
        client, f"/staff/desk/{report.tracking_code}/reply", {"reply": "Lampunya mati lagi."}
    )
    assert replied.status_code == 303
    after = load(database_url, report.id)
    assert after.status is Status.TERVERIFIKASI  # a reply to an answer reopens the report
    assert [(m.author_kind, m.body) for m in after.messages][-1] == (
        "reporter",
        "Lampunya mati lagi.",
    )
    rating = factories.run(database_url, lambda s: s.get(Rating, report.id))
    assert (rating.score, rating.comment) == (4, "Cepat")
    # Which representative acted for the group is audited.
    acted = [a for a in audit_actions(database_url) if a[0].startswith("group_rep_r")]
    assert acted == [
        ("group_rep_rated", second, report.tracking_code),
        ("group_rep_replied", second, report.tracking_code),
    ]
    # The other representative of the group sees the same report with the same rating.
    client.cookies.clear()
    rep_sign_in(client, REP_A)
    page = client.get(f"/staff/desk/{report.tracking_code}?lang=en").text
    assert "Lampunya mati lagi." in page and "You rated the answer: 4 – Good." in page


async def _second_rep(session: AsyncSession, group_id: int) -> str:
    user = await create_user(
        session,
        username="sari.rep",
        full_name="Sari",
        role=Role.GROUP_REP,
        password=PASSWORD,
        password_hash=factories.HASHER.hash(PASSWORD),
    )
    user.group_id = group_id
    return user.username


def test_staff_pages_refuse_a_representative(client: TestClient, rep_team: object) -> None:
    rep_sign_in(client, REP_B)
    for path in ("/staff/queue", "/staff/users", "/staff/groups", "/staff/forums"):
        response = client.get(f"{path}?lang=en")
        assert response.status_code == 403
        assert "You cannot do that here" in response.text
        assert '<a href="/staff/desk">Go to your group\'s reports</a>' in response.text


def test_staff_do_not_get_a_desk(client: TestClient, rep_team: object) -> None:
    for who in ("admin", "verifikator", "petugas.pupr", "fasilitator"):
        client.cookies.clear()
        assert sign_in(client, who).status_code == 303
        assert client.get("/staff/desk").status_code == 403


def test_representatives_hear_of_their_groups_report_like_a_reporter(
    database_url: str, rep_team
) -> None:  # type: ignore[no-untyped-def]
    dpupr = rep_team.team.agencies["dpupr"]
    report = group_report(database_url, rep_team.group_a, Status.TERVERIFIKASI, dpupr)

    async def answer(session: AsyncSession) -> list[tuple[str, str, str]]:
        row = await load_report(session, report.id)
        await session.refresh(row, ["messages"])
        workflow.transition(row, Status.DITINDAKLANJUTI, actor_kind="staff")
        row.messages.append(ReportMessage(author_kind="agency", body="Sudah."))
        await session.commit()
        return [(o.channel.value, o.recipient, o.body) for o in await outbox(session)]

    sent = asyncio.run(in_session(database_url, answer))
    recipients = sorted((channel, recipient) for channel, recipient, _ in sent)
    # The group's representative with an email and a phone; the other group's hears nothing.
    assert ("email", REP_A_EMAIL) in recipients
    assert ("sms", REP_A_PHONE) in recipients
    assert not any(recipient == "bayu@example.org" for _, recipient in recipients)
    rep_bodies = [body for _, recipient, body in sent if recipient == REP_A_EMAIL]
    assert f"/staff/desk/{report.tracking_code}" in rep_bodies[0]
