"""Publish after verification, on SQLite and PostgreSQL: a report is public only once staff
verified it, with the words the verifier checked (redacted); the reporter's own words stay for
staff; a rahasia report is never public, and raising rahasia takes a report off at once."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.demo import REPORTS, seed_demo_reports
from gesi_app.reports.models import Status
from gesi_app.reports.service import report_by_code
from tests import factories
from tests.casework_support import audit_entries, load, report_in
from tests.conftest import form_token
from tests.functional.reports.journey_helpers import answer_all, send
from tests.functional.tracking_helpers import as_reporter
from tests.staff_support import Team, make_team, sign_in, summary

S = Status
ORIGINAL_TITLE = "Pungli di kantor desa oleh Pak Budi"
ORIGINAL_TEXT = "Pak Budi minta uang. NIK saya 3603012345678901, telepon 081299998888."
PUBLIC_TITLE = "Pungutan liar di kantor desa"
PUBLIC_TEXT = "Petugas meminta uang untuk surat keterangan."
ORIGINAL_LANDMARK = "Rumah Pak Budi, gang 3"
PUBLIC_LANDMARK = "Dekat kantor desa"
SECRETS = ("Pak Budi", "3603012345678901", "081299998888", "Pungli")


def id_of(database_url: str, code: str) -> int:
    async def go(session: AsyncSession) -> int:
        report = await report_by_code(session, code)
        assert report is not None
        return report.id

    report_id: int = factories.run(database_url, go)
    return report_id


def listed(html: str) -> list[str]:
    return re.findall(r'<h3 class="report-title"><a href="/reports/([A-Z0-9-]+)">', html)


def verify(client: TestClient, team: Team, code: str, **form: str) -> object:
    page = client.get(f"/staff/reports/{code}/verify", params={"lang": "en"})
    return client.post(
        f"/staff/reports/{code}/verify",
        params={"lang": "en"},
        data={
            "csrftoken": form_token(page.text),
            "agency": str(team.agencies["dpupr"]),
            **form,
        },
        follow_redirects=False,
    )


@pytest.fixture
def team(client: TestClient, database_url: str) -> Team:
    made = make_team(database_url)
    sign_in(client, "verifikator")
    return made


def new_report(database_url: str, **overrides: object) -> str:
    overrides.setdefault("landmark", ORIGINAL_LANDMARK)
    report = report_in(
        database_url, S.DITERIMA, title=ORIGINAL_TITLE, description=ORIGINAL_TEXT, **overrides
    )
    return report.tracking_code


def test_a_new_report_is_not_public_before_verification(
    client: TestClient, database_url: str
) -> None:
    code = new_report(database_url)
    assert listed(client.get("/reports").text) == []
    for lang in ("id", "en"):
        response = client.get(f"/reports/{code}", params={"lang": lang})
        assert response.status_code == 404
        assert ORIGINAL_TITLE not in response.text
    assert listed(client.get("/reports", params={"q": "Budi"}).text) == []
    # Nor can it be supported.
    page = client.get("/track")  # any page with a form gives the CSRF token
    support = client.post(f"/reports/{code}/support", data={"csrftoken": form_token(page.text)})
    assert support.status_code == 404


def test_verify_page_prefills_the_reporters_words_to_edit(
    client: TestClient, database_url: str, team: Team
) -> None:
    code = new_report(database_url)
    html = client.get(f"/staff/reports/{code}/verify", params={"lang": "en"}).text
    assert "What the public will see" in html
    assert (
        f'id="public_title" name="public_title" type="text"\n         value="{ORIGINAL_TITLE}"'
        in html
    )
    assert f">{ORIGINAL_TEXT}</textarea>" in html
    assert f'value="{ORIGINAL_LANDMARK}"' in html


def test_verified_report_is_public_with_the_redacted_words_only(
    client: TestClient, database_url: str, team: Team
) -> None:
    code = new_report(database_url)
    response = verify(
        client,
        team,
        code,
        public_title=PUBLIC_TITLE,
        public_description=PUBLIC_TEXT,
        public_landmark=PUBLIC_LANDMARK,
    )
    assert response.status_code == 303  # type: ignore[attr-defined]

    pages = [
        "/reports",
        f"/reports/{code}",
        "/reports?q=kantor",
        "/reports?q=Budi",
        "/reports?q=3603012345678901",
    ]
    for lang in ("id", "en"):
        for path in pages:
            html = client.get(path, params={"lang": lang}).text
            for secret in SECRETS:
                assert secret not in html, (path, secret)
    assert listed(client.get("/reports").text) == [code]
    assert listed(client.get("/reports", params={"q": "surat keterangan"}).text) == [code]
    assert listed(client.get("/reports", params={"q": "Budi"}).text) == []
    public = client.get(f"/reports/{code}", params={"lang": "en"}).text
    assert f"<h1>{PUBLIC_TITLE}</h1>" in public
    assert f'<p class="pre-line">{PUBLIC_TEXT}</p>' in public
    assert f"<dd>{PUBLIC_LANDMARK}</dd>" in public

    # Staff still see the reporter's own words, beside the public ones.
    staff = client.get(f"/staff/reports/{code}", params={"lang": "en"}).text
    assert f"<h1>{ORIGINAL_TITLE}</h1>" in staff
    assert ORIGINAL_TEXT in staff
    assert f"<dd>{PUBLIC_TITLE}</dd>" in staff
    assert ORIGINAL_LANDMARK in staff and f"<dd>{PUBLIC_LANDMARK}</dd>" in staff
    assert PUBLIC_TEXT in staff
    assert "before they went public. The audit log keeps each change." in staff

    # The reporter's words are untouched; the audit log keeps the redaction.
    after = load(database_url, id_of(database_url, code))
    assert (after.title, after.description) == (ORIGINAL_TITLE, ORIGINAL_TEXT)
    [entry] = audit_entries(database_url, "report_verified")
    assert entry.before is not None and entry.after is not None
    assert entry.before["published"] is False
    assert entry.after["published"] is True
    assert entry.after["public_title"] == PUBLIC_TITLE
    assert entry.after["public_description"] == PUBLIC_TEXT
    assert entry.after["public_landmark"] == PUBLIC_LANDMARK
    assert entry.after["redacted"] is True


def test_a_rahasia_report_is_never_public(
    client: TestClient, database_url: str, team: Team
) -> None:
    code = new_report(database_url, rahasia=True)
    verify_page = client.get(f"/staff/reports/{code}/verify", params={"lang": "en"}).text
    assert 'id="public_title"' not in verify_page
    assert verify(client, team, code).status_code == 303  # type: ignore[attr-defined]
    assert client.get(f"/reports/{code}").status_code == 404
    assert listed(client.get("/reports").text) == []
    staff = client.get(f"/staff/reports/{code}", params={"lang": "en"}).text
    assert "Confidential: this report is never public." in staff


def test_making_it_rahasia_while_verifying_skips_the_public_words(
    client: TestClient, database_url: str, team: Team
) -> None:
    code = new_report(database_url)
    response = verify(client, team, code, public_title="", public_description="", rahasia="yes")
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert client.get(f"/reports/{code}").status_code == 404


def test_raising_rahasia_later_unpublishes(
    client: TestClient, database_url: str, team: Team
) -> None:
    code = new_report(database_url)
    verify(client, team, code, public_title=PUBLIC_TITLE, public_description=PUBLIC_TEXT)
    report_id = id_of(database_url, code)
    factories.move_report(database_url, report_id, S.DITINDAKLANJUTI)
    assert client.get(f"/reports/{code}").status_code == 200
    # Sent back for another agency, and now kept from the public.
    response = verify(client, team, code, rahasia="yes")
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert client.get(f"/reports/{code}").status_code == 404
    assert listed(client.get("/reports").text) == []
    after = load(database_url, report_id)
    assert after.rahasia and after.published_at is None
    entry = audit_entries(database_url, "report_verified")[-1]
    assert entry.before is not None and entry.after is not None
    assert (entry.before["published"], entry.after["published"]) == (True, False)


@pytest.mark.parametrize("later", [S.BUKAN_WEWENANG, S.DIARSIPKAN])
def test_a_published_report_stays_public_when_sent_elsewhere_or_archived(
    client: TestClient, database_url: str, team: Team, later: Status
) -> None:
    code = new_report(database_url)
    verify(client, team, code, public_title=PUBLIC_TITLE, public_description=PUBLIC_TEXT)
    report_id = id_of(database_url, code)
    factories.move_report(database_url, report_id, later, reason="Bukan urusan kami")
    assert client.get(f"/reports/{code}").status_code == 200
    # One archived before verification was never public, and stays so.
    other = new_report(database_url)
    factories.move_report(database_url, id_of(database_url, other), later, reason="Ganda")
    assert client.get(f"/reports/{other}").status_code == 404


def test_verify_errors_keep_what_was_typed_and_change_nothing(
    client: TestClient, database_url: str, team: Team
) -> None:
    code = new_report(database_url)
    page = client.get(f"/staff/reports/{code}/verify", params={"lang": "id"})
    response = client.post(
        f"/staff/reports/{code}/verify",
        params={"lang": "id"},
        data={
            "csrftoken": form_token(page.text),
            "agency": str(team.agencies["dpupr"]),
            "public_title": "Abc",
            "public_description": "",
            "public_landmark": "x" * 201,
        },
    )
    assert response.status_code == 400
    assert summary(response.text) == {
        "public_title": "Tulis judul paling sedikit 5 karakter",
        "public_description": "Tulis isi yang akan dilihat publik",
        "public_landmark": "Tulis patokan paling banyak 200 karakter",
    }
    assert 'value="Abc"' in response.text and 'value="' + "x" * 201 + '"' in response.text
    assert response.text.count('aria-invalid="true"') == 3
    after = load(database_url, id_of(database_url, code))
    assert after.status is S.DITERIMA and after.published_at is None


def test_the_tracking_page_says_when_the_report_is_public(
    client: TestClient, database_url: str, team: Team
) -> None:
    code = new_report(database_url)
    client.cookies.clear()  # as the reporter, not as staff
    as_reporter(client, database_url, code)
    html = client.get(f"/track/{code}", params={"lang": "en"}).text
    assert "Your report is not public yet. It becomes public after staff check it" in html
    sign_in(client, "verifikator")
    verify(client, team, code, public_title=PUBLIC_TITLE, public_description=PUBLIC_TEXT)
    client.cookies.clear()
    as_reporter(client, database_url, code)
    html = client.get(f"/track/{code}", params={"lang": "en"}).text
    assert "Your report is public since" in html
    assert f'href="/reports/{code}"' in html

    secret = new_report(database_url, rahasia=True)
    as_reporter(client, database_url, secret)
    html = client.get(f"/track/{secret}", params={"lang": "en"}).text
    assert "Your report is never public, because it is confidential." in html


def test_demo_reports_show_verified_ones_only(client: TestClient, database_url: str) -> None:
    factories.seed(database_url)
    assert factories.run(
        database_url, lambda s: seed_demo_reports(s, hasher=factories.HASHER)
    ) == len(REPORTS)
    assert (
        factories.run(database_url, lambda s: seed_demo_reports(s, hasher=factories.HASHER)) == 0
    )  # only into an empty database
    html = client.get("/reports", params={"lang": "en"}).text
    public = [r for r in REPORTS if r.public]
    assert len(listed(html)) == len(public) == 3
    assert ">3 reports</h2>" in html
    for report in REPORTS:
        assert (report.title in html) is (report.public is not None)
    assert "081234567890" not in client.get(f"/reports/{listed(html)[-1]}").text
    answered = client.get(f"/reports/{listed(html)[-1]}", params={"lang": "en"}).text
    assert "Lubang sudah kami tambal." in answered


@pytest.mark.parametrize("rahasia", [False, True])
def test_the_confirmation_page_says_when_the_report_is_public(
    client: TestClient, database_url: str, rahasia: bool
) -> None:
    factories.seed(database_url)
    answer_all(client, {"confidential": {"rahasia": "yes" if rahasia else "no"}})
    send(client)
    html = client.get("/report/done", params={"lang": "en"}).text
    waiting = "Your report is not public yet. It becomes public after staff check it, within"
    never = "Your report is never public, because it is confidential."
    assert (waiting in html, never in html) == (not rahasia, rahasia)
    html = client.get("/report/done", params={"lang": "id"}).text
    assert ("Laporan Anda belum tampil di publik." in html) is not rahasia
    code = re.search(r'class="tracking-code"[^>]*>([A-Z0-9-]+)<', html)
    assert code is not None
    assert client.get(f"/reports/{code.group(1)}").status_code == 404


def test_an_empty_public_landmark_shows_none(
    client: TestClient, database_url: str, team: Team
) -> None:
    code = new_report(database_url)
    verify(
        client,
        team,
        code,
        public_title=PUBLIC_TITLE,
        public_description=PUBLIC_TEXT,
        public_landmark="",
    )
    public = client.get(f"/reports/{code}", params={"lang": "en"}).text
    assert "Landmark" not in public and ORIGINAL_LANDMARK not in public
