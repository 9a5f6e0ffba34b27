"""Every staff route by every role (and nobody signed in) against the expected answer.

Adding a staff route without a row here fails test_every_staff_route_has_a_row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.routing import Route
from starlette.testclient import TestClient

from gesi_app.accounts.models import AuditEntry, Role
from gesi_app.accounts.service import create_user
from gesi_app.app import create_app
from gesi_app.reports.models import Status
from tests import factories
from tests.conftest import make_settings
from tests.grouprep_support import group_report
from tests.groups_support import add_group, regions
from tests.staff_support import PASSWORD, make_team, sign_in, token

LOGIN = "303 to sign-in"
# perwakilan: a representative of the community group that sent the matrix's report.
WHO = ("anonymous", "admin", "verifikator", "petugas.pupr", "fasilitator", "perwakilan")


def only(*allowed: str, ok: int | str = 200, others: int | str = 403) -> dict[str, int | str]:
    answers: dict[str, int | str] = {"anonymous": LOGIN}
    answers.update({who: ok if who in allowed else others for who in WHO[1:]})
    return answers


def everyone(answer: int | str, anonymous: int | str | None = None) -> dict[str, int | str]:
    return {who: answer for who in WHO} | {"anonymous": anonymous or answer}


# (path, method) -> who -> answer. POST bodies are empty (but carry the CSRF token), so a
# page that lets you in answers 400 with its error summary.
MATRIX: dict[tuple[str, str], dict[str, int | str]] = {
    # A representative has no dashboard: the staff home takes it to its group's desk.
    ("/staff", "GET"): only(*WHO[1:-1]) | {"perwakilan": "303 to desk"},
    ("/staff/login", "GET"): everyone(303, anonymous=200),
    ("/staff/login", "POST"): everyone(400),
    ("/staff/reset/{token:str}", "GET"): everyone(404),
    ("/staff/reset/{token:str}", "POST"): everyone(404),
    ("/staff/users", "GET"): only("admin"),
    ("/staff/users/new", "GET"): only("admin"),
    ("/staff/users/new", "POST"): only("admin", ok=400),
    ("/staff/users/{user_id:int}", "GET"): only("admin"),
    ("/staff/users/{user_id:int}", "POST"): only("admin", ok=400),
    ("/staff/users/{user_id:int}/reset", "GET"): only("admin"),
    ("/staff/users/{user_id:int}/reset", "POST"): only("admin"),
    ("/staff/audit", "GET"): only("admin"),
    # Casework on a report sent to dpupr (petugas.pupr's agency) and waiting for its answer.
    ("/staff/queue", "GET"): only("admin", "verifikator", "petugas.pupr"),
    # Statistics for staff: every role that sees the queue, each within its own scope.
    ("/staff/stats", "GET"): only("admin", "verifikator", "petugas.pupr"),
    ("/staff/stats/export.csv", "GET"): only("admin", "verifikator", "petugas.pupr"),
    ("/staff/intake", "GET"): only("admin", "verifikator"),
    ("/staff/intake", "POST"): only("admin", "verifikator", ok=400),
    # Nothing taken in this session: back to the form.
    ("/staff/intake/done", "GET"): only("admin", "verifikator", ok=303),
    ("/staff/reports/{code:str}", "GET"): only("admin", "verifikator", "petugas.pupr"),
    ("/staff/reports/{code:str}/files/{file_id:int}", "GET"): only(
        "admin", "verifikator", "petugas.pupr", ok=404
    ),
    # File 1 is not a recording of this report: who may transcribe gets "not found".
    ("/staff/reports/{code:str}/files/{file_id:int}/transcript", "GET"): only(
        "admin", "verifikator", "petugas.pupr", ok=404
    ),
    ("/staff/reports/{code:str}/files/{file_id:int}/transcript", "POST"): only(
        "admin", "verifikator", "petugas.pupr", ok=404
    ),
    ("/staff/reports/{code:str}/verify", "GET"): only("admin", "verifikator", ok=409),
    ("/staff/reports/{code:str}/verify", "POST"): only("admin", "verifikator", ok=409),
    ("/staff/reports/{code:str}/answer", "GET"): only("admin", "petugas.pupr"),
    ("/staff/reports/{code:str}/answer", "POST"): only("admin", "petugas.pupr", ok=400),
    ("/staff/reports/{code:str}/hold", "GET"): only("admin", "verifikator"),
    ("/staff/reports/{code:str}/hold", "POST"): only("admin", "verifikator", ok=400),
    ("/staff/reports/{code:str}/not-ours", "GET"): only("admin", "verifikator"),
    ("/staff/reports/{code:str}/not-ours", "POST"): only("admin", "verifikator", ok=400),
    ("/staff/reports/{code:str}/archive", "GET"): only("admin", "verifikator"),
    ("/staff/reports/{code:str}/archive", "POST"): only("admin", "verifikator", ok=400),
    ("/staff/reports/{code:str}/close", "GET"): only("admin", "verifikator", ok=409),
    ("/staff/reports/{code:str}/close", "POST"): only("admin", "verifikator", ok=409),
    # A new PIN for the reporter: an empty form is refused (nothing chosen), nothing changes.
    ("/staff/reports/{code:str}/new-pin", "GET"): only("admin", "verifikator"),
    ("/staff/reports/{code:str}/new-pin", "POST"): only("admin", "verifikator", ok=400),
    # Forums, with a code that is no forum's: a role that may run forums gets "not found".
    ("/staff/forums", "GET"): only("admin", "fasilitator"),
    ("/staff/forums/new", "GET"): only("admin", "fasilitator"),
    ("/staff/forums/new", "POST"): only("admin", "fasilitator", ok=400),
    ("/staff/forums/{code:str}", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/state", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/invitation", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/capture", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/capture", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/attendance", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/attendance", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/minutes", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/minutes.csv", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/inputs/{input_id:int}/report", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    # Forum outcomes (themes, merging, agreed points, follow-up plan, minutes PDF).
    ("/staff/forums/{code:str}/themes", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/themes", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/themes/assign", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/merge", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/outcomes", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/agreed", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/follow-ups", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/follow-ups/{follow_up_id:int}/report", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/follow-ups/{follow_up_id:int}/group", "GET"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/follow-ups/{follow_up_id:int}/group", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/minutes.pdf", "GET"): only("admin", "fasilitator", ok=404),
    # The minutes as a document: signers, attendance list, closing; the letterhead (admin).
    ("/staff/forums/{code:str}/attendance-sheet.pdf", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/minutes/signers", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/minutes/signers", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/attendees", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/attendees", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/attendees/{attendee_id:int}/remove", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/minutes/close", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/minutes-letterhead", "GET"): only("admin"),
    ("/staff/minutes-letterhead", "POST"): only("admin", ok=400),
    ("/staff/forums/{code:str}/edit", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/edit", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/facilitators", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/facilitators", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/prioritise", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/prioritising.csv", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/voice", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/voice/{input_id:int}", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/prioritise/dot-vote", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/prioritise/dot-vote/close", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/prioritise/room-dots", "POST"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/prioritise/statements", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/prioritise/statements/round", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/prioritise/events", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/inputs", "GET"): only("admin", "fasilitator", ok=404),
    ("/staff/forums/{code:str}/inputs/{input_id:int}/hide", "GET"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/inputs/{input_id:int}/hide", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/inputs/{input_id:int}/restore", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/voice/{input_id:int}/transcript", "GET"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/voice/{input_id:int}/transcript", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/outcomes/{kind:str}/{row_id:int}", "GET"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/outcomes/{kind:str}/{row_id:int}", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    ("/staff/forums/{code:str}/outcomes/{kind:str}/{row_id:int}/delete", "POST"): only(
        "admin", "fasilitator", ok=404
    ),
    # Holidays: holiday 1 comes from lokal-id (not removable), 1999 is out of range.
    ("/staff/holidays", "GET"): only("admin"),
    ("/staff/holidays", "POST"): only("admin", ok=400),
    ("/staff/holidays/{holiday_id:int}/remove", "GET"): only("admin", ok=404),
    ("/staff/holidays/{holiday_id:int}/remove", "POST"): only("admin", ok=404),
    ("/staff/holidays/years/{year:int}/complete", "POST"): only("admin", ok=404),
    # Admin settings; template 1 is one of the four seeded by migration 0009.
    ("/staff/templates", "GET"): only("admin"),
    ("/staff/templates/new", "GET"): only("admin"),
    ("/staff/templates/new", "POST"): only("admin", ok=400),
    ("/staff/templates/{template_id:int}", "GET"): only("admin"),
    ("/staff/templates/{template_id:int}", "POST"): only("admin", ok=400),
    ("/staff/population", "GET"): only("admin"),
    ("/staff/population/new", "GET"): only("admin"),
    ("/staff/population/new", "POST"): only("admin", ok=400),
    ("/staff/population/{baseline_id:int}", "GET"): only("admin"),
    ("/staff/population/{baseline_id:int}", "POST"): only("admin", ok=400),
    ("/staff/agencies", "GET"): only("admin"),
    ("/staff/agencies/new", "GET"): only("admin"),
    ("/staff/agencies/new", "POST"): only("admin", ok=400),
    ("/staff/agencies/{agency_id:int}", "GET"): only("admin"),
    ("/staff/agencies/{agency_id:int}", "POST"): only("admin", ok=400),
    ("/staff/categories", "GET"): only("admin"),
    ("/staff/categories/new", "GET"): only("admin"),
    ("/staff/categories/new", "POST"): only("admin", ok=400),
    # A topic that does not exist: an admin gets "not found".
    ("/staff/categories/{topic_id:int}", "GET"): only("admin", ok=404),
    ("/staff/categories/{topic_id:int}", "POST"): only("admin", ok=404),
    ("/staff/categories/{topic_id:int}/move", "POST"): only("admin", ok=404),
    # Areas, with a code that is no area's: an admin gets "not found".
    ("/staff/regions", "GET"): only("admin"),
    ("/staff/regions/{code:str}", "GET"): only("admin", ok=404),
    ("/staff/regions/{code:str}", "POST"): only("admin", ok=404),
    # Community groups, with a group that does not exist: an admin gets "not found".
    ("/staff/groups", "GET"): only("admin"),
    ("/staff/groups/new", "GET"): only("admin"),
    ("/staff/groups/new", "POST"): only("admin", ok=400),
    ("/staff/groups/{group_id:int}", "GET"): only("admin", ok=404),
    ("/staff/groups/{group_id:int}/edit", "GET"): only("admin", ok=404),
    ("/staff/groups/{group_id:int}/edit", "POST"): only("admin", ok=404),
    ("/staff/groups/{group_id:int}/review", "GET"): only("admin", ok=404),
    ("/staff/groups/{group_id:int}/review", "POST"): only("admin", ok=404),
    ("/staff/notifications", "GET"): only("admin"),
    # A message that does not exist: an admin gets "not found".
    ("/staff/notifications/{outbox_id:int}/retry", "POST"): only("admin", ok=404),
    # No SMS gateway on the test app: there is nothing to send again yet.
    ("/staff/notifications/resend-sms", "POST"): only("admin", ok=404),
    # Signing in by a one-time link (anyone); a token that is nobody's: "not found".
    ("/staff/login/link", "GET"): everyone(200),
    ("/staff/login/link", "POST"): everyone(400),
    ("/staff/login/link/sent", "GET"): everyone(200),
    ("/staff/login/link/{token:str}", "GET"): everyone(404),
    ("/staff/login/link/{token:str}", "POST"): everyone(404),
    # Representatives of a group (admins, on a group that does not exist: "not found").
    ("/staff/groups/{group_id:int}/representatives/new", "GET"): only("admin", ok=404),
    ("/staff/groups/{group_id:int}/representatives/new", "POST"): only("admin", ok=404),
    # The group's desk: its representatives only; the report is the group's.
    ("/staff/desk", "GET"): only("perwakilan"),
    ("/staff/desk/{code:str}", "GET"): only("perwakilan"),
    ("/staff/desk/{code:str}/reply", "POST"): only("perwakilan", ok=400),
    ("/staff/desk/{code:str}/rating", "POST"): only("perwakilan", ok=400),
    # Last: it signs the browser out.
    ("/staff/logout", "POST"): everyone("303 to signed out"),
}


def test_every_staff_route_has_a_row(tmp_path: Path, sqlite_url: str) -> None:
    app = create_app(make_settings(tmp_path, sqlite_url))
    found = {
        (route.path, method)
        for route in app.routes
        if isinstance(route, Route) and route.path.startswith("/staff")
        for method in (route.methods or ())
        if method != "HEAD"
    }
    assert found == set(MATRIX)


def answer(response: object) -> int | str:
    status: int = response.status_code  # type: ignore[attr-defined]
    location: str = response.headers.get("location", "")  # type: ignore[attr-defined]
    if status == 303 and location.startswith("/staff/login?next="):
        return LOGIN
    if status == 303 and location == "/staff/login?signed_out=1":
        return "303 to signed out"
    if status == 303 and location == "/staff/desk":
        return "303 to desk"
    return status


@pytest.mark.parametrize("who", WHO)
def test_each_role_gets_the_expected_answer_on_every_staff_route(
    client: TestClient, database_url: str, who: str
) -> None:
    team = make_team(database_url)
    group_id = add_representative(database_url)
    csrf = token(client)
    if who != "anonymous":
        assert sign_in(client, who).status_code == 303
    audit_before = factories.run(database_url, audit_rows)
    params = {"token": "not-a-real-token", "user_id": str(team.ids["verifikator"])}
    report = group_report(database_url, group_id, Status.TERVERIFIKASI, team.agencies["dpupr"])
    params |= {"code": report.tracking_code, "file_id": "1"}
    got: dict[tuple[str, str], int | str] = {}
    for path, method in MATRIX:
        url = path.replace("{token:str}", params["token"]).replace(
            "{user_id:int}", params["user_id"]
        )
        url = url.replace("{code:str}", params["code"]).replace("{file_id:int}", params["file_id"])
        url = url.replace("{input_id:int}", "1").replace("{follow_up_id:int}", "1")
        url = url.replace("{template_id:int}", "1").replace("{attendee_id:int}", "1")
        url = url.replace("{agency_id:int}", str(team.agencies["dpupr"]))
        url = url.replace("{outbox_id:int}", "999").replace("{topic_id:int}", "999999")
        url = url.replace("{holiday_id:int}", "1").replace("{year:int}", "1999")
        url = url.replace("{baseline_id:int}", "1")
        url = url.replace("{kind:str}", "point").replace("{row_id:int}", "1")
        url = url.replace("{group_id:int}", "999999")
        if method == "GET":
            response = client.get(url, follow_redirects=False)
        else:
            response = client.post(url, data={"csrftoken": csrf}, follow_redirects=False)
        got[(path, method)] = answer(response)
    assert got == {key: answers[who] for key, answers in MATRIX.items()}
    # No route changed or removed an audit entry: the old ones are all still there as they were.
    audit_after = factories.run(database_url, audit_rows)
    assert audit_after[: len(audit_before)] == audit_before
    assert len(audit_after) > len(audit_before) or who == "anonymous"


def add_representative(database_url: str) -> int:
    """An approved group and its representative "perwakilan"; the group's id."""
    regions(database_url)
    group_id = add_group(database_url).id

    async def go(session: AsyncSession) -> None:
        rep = await create_user(
            session,
            username="perwakilan",
            full_name="Perwakilan",
            role=Role.GROUP_REP,
            password=PASSWORD,
            password_hash=factories.HASHER.hash(PASSWORD),
        )
        rep.group_id = group_id

    factories.run(database_url, go)
    return group_id


async def audit_rows(session: AsyncSession) -> list[tuple[object, ...]]:
    rows = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
    return [
        (e.id, e.at, e.actor_id, e.action, e.object_type, e.object_id, e.before, e.after)
        for e in rows
    ]
