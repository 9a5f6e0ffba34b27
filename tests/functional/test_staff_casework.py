"""Staff actions on a report through the app: every action from every status (legal ones
change the report and are audited; illegal ones answer 409 and change nothing), the answer
deadline set by verification, privacy only raised, and who may answer."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import lokal
import pytest
from starlette.testclient import TestClient

from gesi_app.reports.models import Status
from tests.casework_support import audit_entries, load, report_in
from tests.staff_support import Team, make_team, sign_in, summary, title, token

S = Status
ACTIONS = ("verify", "hold", "not-ours", "archive", "answer", "close")
# from status -> the actions that move it, and where to. Everything else answers 409.
LEGAL: dict[Status, dict[str, Status]] = {
    S.DITERIMA: {
        "verify": S.TERVERIFIKASI,
        "hold": S.DITUNDA,
        "not-ours": S.BUKAN_WEWENANG,
        "archive": S.DIARSIPKAN,
    },
    S.TERVERIFIKASI: {
        "answer": S.DITINDAKLANJUTI,
        "hold": S.DITUNDA,
        "not-ours": S.BUKAN_WEWENANG,
        "archive": S.DIARSIPKAN,
    },
    S.DITINDAKLANJUTI: {
        "verify": S.TERVERIFIKASI,
        "close": S.SELESAI,
        "hold": S.DITUNDA,
        "archive": S.DIARSIPKAN,
    },
    S.DITUNDA: {"verify": S.TERVERIFIKASI, "archive": S.DIARSIPKAN},
    S.SELESAI: {},
    S.BUKAN_WEWENANG: {},
    S.DIARSIPKAN: {},
}


def valid_form(action: str, team: Team) -> dict[str, str]:
    return {
        "verify": {
            "agency": str(team.agencies["dpupr"]),
            "public_title": "Jalan berlubang besar",
            "public_description": "Lubang besar di depan pasar.",
        },
        "hold": {"reason": "Menunggu anggaran perbaikan"},
        "not-ours": {"reason": "Jalan nasional: hubungi BPJN Banten"},
        "archive": {"reason": "Laporan ganda"},
        "answer": {"answer": "Jalan sudah kami tambal hari ini."},
        "close": {},
    }[action]


def post(client: TestClient, url: str, form: dict[str, str], lang: str = "en") -> object:
    return client.post(
        url,
        params={"lang": lang},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


@pytest.mark.parametrize("start", list(Status), ids=str)
def test_every_action_from_every_status(
    client: TestClient, database_url: str, start: Status
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    got: dict[str, object] = {}
    for action in ACTIONS:
        report = report_in(database_url, start, team.agencies["dpupr"])
        url = f"/staff/reports/{report.tracking_code}/{action}"
        response = post(client, url, valid_form(action, team))
        after = load(database_url, report.id)
        if response.status_code == 303:  # type: ignore[attr-defined]
            got[action] = after.status
            event = after.history[-1]
            assert (event.from_status, event.to_status) == (start, after.status)
            assert event.actor_id == team.ids["admin"]
        else:
            got[action] = response.status_code  # type: ignore[attr-defined]
            page = response.text  # type: ignore[attr-defined]
            assert "This cannot be done now, and nothing was changed." in page
            assert title(page).startswith("Error:")
            assert after.status is start
            assert len(after.history) == len(report.history)
            assert len(after.messages) == len(report.messages)
    expected = {action: LEGAL[start].get(action, 409) for action in ACTIONS}
    assert got == expected


def test_action_pages_offered_match_the_state_machine(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "verifikator")
    report = report_in(database_url, S.DITUNDA, team.agencies["dpupr"])
    page = client.get(f"/staff/reports/{report.tracking_code}?lang=en").text
    offered = re.findall(rf"/staff/reports/{report.tracking_code}/([a-z-]+)\"", page)
    assert offered == ["verify", "archive", "new-pin"]  # a new PIN: whenever the reporter asks
    assert client.get(f"/staff/reports/{report.tracking_code}/close").status_code == 409


def test_verify_sends_to_the_agency_with_an_answer_deadline_and_is_audited(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    sign_in(client, "verifikator")
    report = report_in(database_url, S.DITERIMA)
    form = {
        "agency": str(team.agencies["dinkes"]),
        "public_title": "  Puskesmas tutup pada jam kerja ",
        "public_description": "Puskesmas tutup.\nBaris dua ",
        "topic": "",
    }
    response = post(client, f"/staff/reports/{report.tracking_code}/verify", form)
    assert response.headers["location"] == (  # type: ignore[attr-defined]
        f"/staff/reports/{report.tracking_code}?done=verify"
    )
    after = load(database_url, report.id)
    today = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Jakarta")).date()
    assert after.status is S.TERVERIFIKASI
    assert after.agency_id == team.agencies["dinkes"]
    # The public words are the verifier's; the reporter's own stay as sent.
    assert (after.public_title, after.public_description) == (
        "Puskesmas tutup pada jam kerja",
        "Puskesmas tutup.\nBaris dua",
    )
    assert after.title == report.title and after.description == report.description
    assert after.published_at is not None
    assert after.answer_due == lokal.add_working_days(today, 5)  # the seeded calendar
    assert after.history[-1].agency_id == team.agencies["dinkes"]
    [entry] = audit_entries(database_url, "report_verified")
    assert entry.actor_id == team.ids["verifikator"]
    assert entry.object_id == report.tracking_code
    assert entry.before is not None and entry.after is not None
    assert entry.before["status"] == "diterima"
    assert entry.after["status"] == "terverifikasi"
    assert entry.after["agency_id"] == team.agencies["dinkes"]
    page = client.get(response.headers["location"] + "&lang=en").text  # type: ignore[attr-defined]
    assert "Done. The report is now: Verified." in page
    assert "Health Agency" in page


@pytest.mark.parametrize(
    ("anonim", "rahasia", "form", "expected"),
    [
        # Asking to lower privacy (or leaving it out) keeps it as it was.
        (True, True, {"anonim": "no", "rahasia": ""}, (True, True)),
        (True, False, {}, (True, False)),
        (False, True, {"anonim": "", "rahasia": "false"}, (False, True)),
        # Raising it works.
        (False, False, {"anonim": "yes"}, (True, False)),
        (False, False, {"rahasia": "yes"}, (False, True)),
        (False, False, {"anonim": "yes", "rahasia": "yes"}, (True, True)),
    ],
)
def test_verification_raises_privacy_and_never_lowers_it(
    client: TestClient,
    database_url: str,
    anonim: bool,
    rahasia: bool,
    form: dict[str, str],
    expected: tuple[bool, bool],
) -> None:
    team = make_team(database_url)
    sign_in(client, "verifikator")
    report = report_in(database_url, S.DITERIMA, anonim=anonim, rahasia=rahasia)
    form = {
        "agency": str(team.agencies["dpupr"]),
        "public_title": report.title,
        "public_description": report.description,
        **form,
    }
    response = post(client, f"/staff/reports/{report.tracking_code}/verify", form)
    assert response.status_code == 303  # type: ignore[attr-defined]
    after = load(database_url, report.id)
    assert (after.anonim, after.rahasia) == expected


@pytest.mark.parametrize(
    ("form", "messages"),
    [
        (
            {"agency": "", "public_title": "", "topic": ""},
            {
                "agency": "Choose the agency that should answer this report",
                "public_title": "Enter the title the public will see",
                "public_description": "Enter the text the public will see",
            },
        ),
        (
            {
                "agency": "999999",
                "public_title": "Abc",
                "public_description": "Pendek",
                "topic": "999999",
            },
            {
                "agency": "Choose the agency that should answer this report",
                "public_title": "Write a title of at least 5 characters",
                "public_description": "Write a text of at least 10 characters",
                "topic": "Choose a topic from the list",
            },
        ),
        (
            {"agency": "dpupr", "public_title": "x" * 121, "public_description": "y" * 5001},
            {
                "public_title": "Write a title of 120 characters or fewer",
                "public_description": "Write a text of 5000 characters or fewer",
            },
        ),
    ],
)
def test_verify_validation(
    client: TestClient, database_url: str, form: dict[str, str], messages: dict[str, str]
) -> None:
    team = make_team(database_url)
    sign_in(client, "admin")
    report = report_in(database_url, S.DITERIMA)
    if form.get("agency") == "dpupr":
        form = {**form, "agency": str(team.agencies["dpupr"])}
    response = post(client, f"/staff/reports/{report.tracking_code}/verify", form)
    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.text  # type: ignore[attr-defined]
    assert summary(page) == messages
    if form.get("public_title"):
        assert f'value="{form["public_title"]}"' in page
    if form.get("public_description"):
        assert f">{form['public_description']}</textarea>" in page
    assert load(database_url, report.id).status is S.DITERIMA


@pytest.mark.parametrize(
    ("action", "form", "lang", "message"),
    [
        ("hold", {"reason": "  "}, "en", "Write why the report is on hold"),
        ("hold", {}, "id", "Tulis alasan laporan ditunda"),
        ("not-ours", {"reason": ""}, "en", "Write which office handles this report, and why"),
        ("archive", {"reason": ""}, "en", "Write why the report is archived"),
        ("archive", {"reason": "x" * 2001}, "en", "Write 2000 characters or fewer"),
    ],
)
def test_reason_required(
    client: TestClient,
    database_url: str,
    action: str,
    form: dict[str, str],
    lang: str,
    message: str,
) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    report = report_in(database_url, S.DITERIMA)
    response = post(client, f"/staff/reports/{report.tracking_code}/{action}", form, lang)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == {"reason": message}  # type: ignore[attr-defined]
    assert load(database_url, report.id).status is S.DITERIMA
    assert audit_entries(database_url, "report_on_hold") == []


def test_reasons_are_kept_in_the_history_and_the_audit_log(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    report = report_in(database_url, S.DITERIMA)
    note = "Jalan nasional: hubungi BPJN Banten"
    post(client, f"/staff/reports/{report.tracking_code}/not-ours", {"reason": note})
    after = load(database_url, report.id)
    assert after.status is S.BUKAN_WEWENANG
    assert after.history[-1].reason == note
    [entry] = audit_entries(database_url, "report_not_ours")
    assert entry.after == {"status": "bukan_wewenang", "reason": note}
    assert entry.before == {"status": "diterima"}
    page = client.get(f"/staff/reports/{report.tracking_code}?lang=en").text
    assert note in page
    assert "verifikator" in page


@pytest.mark.parametrize("anonim", [True, False])
def test_action_pages_show_their_forms(client: TestClient, database_url: str, anonim: bool) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    report = report_in(database_url, S.DITERIMA, anonim=anonim)
    for action, field in (
        ("verify", 'id="public_title"'),
        ("hold", 'id="reason"'),
        ("archive", 'id="reason"'),
    ):
        page = client.get(f"/staff/reports/{report.tracking_code}/{action}?lang=en")
        assert page.status_code == 200
        assert field in page.text
    verify = client.get(f"/staff/reports/{report.tracking_code}/verify?lang=en").text
    assert ('id="anonim"' in verify) is not anonim
    hidden = "name is hidden (anonymous). This cannot be undone."
    assert (hidden in verify) is anonim
