"""Staff write down what a voice message or sign-language video says: a plain form on the
report, for the people who may see it; validated, audited without the words, never public."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user
from gesi_app.reports.models import Attachment, Report, Status
from gesi_app.settings import Settings
from tests import factories
from tests.casework_support import audit_entries, load, report_in
from tests.conftest import form_token
from tests.functional.reports import test_recordings as journey
from tests.functional.reports.journey_helpers import answer, send
from tests.functional.tracking_helpers import as_reporter
from tests.recording_support import require_media_tools, spoken_opus
from tests.staff_support import Team, make_team, sign_in, summary, title

SAID = "Lampu jalan di depan pasar mati sejak minggu lalu.\nTolong segera diperbaiki."


def with_files(database_url: str, report_id: int) -> dict[str, int]:
    """A voice message, a sign-language video and a photo on the report (kind -> file id)."""

    async def go(session: AsyncSession) -> dict[str, int]:
        rows = {
            kind: Attachment(
                report_id=report_id,
                kind=kind,
                content_type=content_type,
                filename=f"{kind}.{ext}",
                storage_key=f"{kind}-{report_id}.{ext}",
                size=2048,
                sha256="0" * 64,
                duration_seconds=12 if kind != "photo" else None,
            )
            for kind, content_type, ext in (
                ("voice", "audio/ogg", "ogg"),
                ("sign_video", "video/webm", "webm"),
                ("photo", "image/jpeg", "jpg"),
            )
        }
        session.add_all(rows.values())
        await session.flush()
        return {kind: row.id for kind, row in rows.items()}

    ids: dict[str, int] = factories.run(database_url, go)
    return ids


@pytest.fixture
def case(database_url: str) -> tuple[Team, Report, dict[str, int]]:
    team = make_team(database_url)
    report = report_in(database_url, Status.TERVERIFIKASI, team.agencies["dpupr"], rahasia=False)
    return team, report, with_files(database_url, report.id)


def post_transcript(client: TestClient, url: str, text: str, lang: str = "en") -> Any:
    form = client.get(url, params={"lang": lang})
    assert form.status_code == 200
    return client.post(
        url,
        data={"csrftoken": form_token(form.text), "transcript": text},
        follow_redirects=False,
    )


def url_of(report: Report, file_id: int) -> str:
    return f"/staff/reports/{report.tracking_code}/files/{file_id}/transcript"


def transcripts(database_url: str, report_id: int) -> dict[str, str | None]:
    return {a.kind: a.transcript for a in load(database_url, report_id).attachments}


@pytest.mark.parametrize("who", ["verifikator", "admin", "petugas.pupr"])
def test_staff_who_see_the_report_write_the_transcript_and_it_is_audited(
    client: TestClient,
    database_url: str,
    case: tuple[Team, Report, dict[str, int]],
    who: str,
) -> None:
    team, report, files = case
    assert sign_in(client, who).status_code == 303
    page = client.get(f"/staff/reports/{report.tracking_code}", params={"lang": "en"})
    assert page.text.count("Add a transcript") == 2  # the voice message and the video, no photo
    done = post_transcript(client, url_of(report, files["voice"]), f"  {SAID}  ")
    assert done.status_code == 303
    assert done.headers["location"].endswith(f"?done=transcript#file-{files['voice']}")
    assert transcripts(database_url, report.id) == {
        "voice": SAID,
        "sign_video": None,
        "photo": None,
    }
    shown = client.get(done.headers["location"].split("#")[0] + "&lang=en").text
    assert "The transcript is saved." in shown
    assert "Lampu jalan di depan pasar mati sejak minggu lalu." in shown
    assert "Change the transcript" in shown and shown.count("Add a transcript") == 1
    [entry] = audit_entries(database_url, "transcript_saved")
    assert entry.actor_id == team.ids[who]
    assert (entry.object_type, entry.object_id) == ("attachment", str(files["voice"]))
    assert entry.before == {"transcript_length": 0}
    assert entry.after == {
        "report": report.tracking_code,
        "kind": "voice",
        "transcript_length": len(SAID),
    }
    assert "Lampu" not in str(entry.before) + str(entry.after)  # the words are not in the log


def test_an_empty_transcript_is_refused_and_nothing_changes(
    client: TestClient, database_url: str, case: tuple[Team, Report, dict[str, int]]
) -> None:
    _, report, files = case
    assert sign_in(client, "verifikator").status_code == 303
    url = url_of(report, files["sign_video"])
    assert post_transcript(client, url, SAID).status_code == 303
    refused = post_transcript(client, url, "   \n ", lang="id")
    assert refused.status_code == 400
    assert title(refused.text).startswith("Kesalahan:")
    assert summary(refused.text) == {"transcript": "Tulis apa yang dikatakan dalam rekaman"}
    assert 'aria-invalid="true"' in refused.text
    too_long = post_transcript(client, url, "a" * 10_001)
    assert too_long.status_code == 400
    assert summary(too_long.text) == {
        "transcript": "The transcript must be 10,000 characters or fewer"
    }
    assert "a" * 10_001 in too_long.text  # what was typed is kept
    assert transcripts(database_url, report.id)["sign_video"] == SAID
    assert len(audit_entries(database_url, "transcript_saved")) == 1


def test_the_length_limit_is_written_the_indonesian_way(
    client: TestClient, database_url: str, case: tuple[Team, Report, dict[str, int]]
) -> None:
    _, report, files = case
    assert sign_in(client, "verifikator").status_code == 303
    too_long = post_transcript(client, url_of(report, files["sign_video"]), "a" * 10_001, lang="id")
    assert too_long.status_code == 400
    assert summary(too_long.text) == {"transcript": "Transkrip paling banyak 10.000 karakter"}


def test_the_length_limit_counts_a_line_end_once(
    client: TestClient, database_url: str, case: tuple[Team, Report, dict[str, int]]
) -> None:
    # A browser sends a textarea's line ends as CRLF; the transcript is stored with LF.
    _, report, files = case
    assert sign_in(client, "verifikator").status_code == 303
    text = "a" * 5_000 + "\r\n" + "a" * 4_999
    saved = post_transcript(client, url_of(report, files["sign_video"]), text)
    assert saved.status_code == 303
    assert transcripts(database_url, report.id)["sign_video"] == text.replace("\r\n", "\n")


def test_who_may_not_and_what_is_not_a_recording(
    client: TestClient, database_url: str, case: tuple[Team, Report, dict[str, int]]
) -> None:
    team, report, files = case
    assert sign_in(client, "verifikator").status_code == 303
    assert client.get(url_of(report, files["photo"])).status_code == 404
    assert client.get(url_of(report, 999_999)).status_code == 404
    other = report_in(database_url, Status.TERVERIFIKASI, team.agencies["dinkes"])
    other_files = with_files(database_url, other.id)
    client.post("/staff/logout", data={"csrftoken": form_token(client.get("/staff").text)})
    assert sign_in(client, "petugas.pupr").status_code == 303
    # Another agency's report looks as if it did not exist.
    assert client.get(url_of(other, other_files["voice"])).status_code == 404
    assert client.get(url_of(report, files["voice"])).status_code == 200
    assert audit_entries(database_url, "transcript_saved") == []


def test_the_transcript_is_never_shown_outside_staff_pages(
    client: TestClient, database_url: str, case: tuple[Team, Report, dict[str, int]]
) -> None:
    _, report, files = case
    assert sign_in(client, "admin").status_code == 303
    assert post_transcript(client, url_of(report, files["voice"]), SAID).status_code == 303
    client.post("/staff/logout", data={"csrftoken": form_token(client.get("/staff").text)})
    as_reporter(client, database_url, report.tracking_code)
    tracking = client.get(f"/track/{report.tracking_code}", params={"lang": "en"})
    assert tracking.status_code == 200
    assert "We received your voice message (12 s)." in tracking.text
    assert "Lampu jalan" not in tracking.text
    factories.publish_report(database_url, report.id)  # verified reports are public
    public = client.get(f"/reports/{report.tracking_code}", params={"lang": "en"})
    assert public.status_code == 200
    assert "Lampu jalan" not in public.text


def test_a_citizens_real_voice_message_is_played_and_written_down_by_staff(
    client: TestClient, settings: Settings
) -> None:
    """End to end, with no row made by hand: the journey stores a spoken recording, staff
    play its bytes and write the transcript, and the words stay off every public page."""
    require_media_tools()
    factories.seed(settings.database_url)
    journey._reach_details(client)
    assert journey._tell(client, "", ("pesan.opus", spoken_opus())).status_code == 303
    for slug, data in journey.AFTER_DETAILS:
        assert answer(client, slug, data).status_code == 303
    assert send(client).status_code == 303
    [voice] = journey._stored(settings.database_url)
    report = load(settings.database_url, voice.report_id)

    async def verifier(session: AsyncSession) -> None:
        await create_user(
            session,
            username="v.rekaman",
            full_name="V",
            role=Role.VERIFIER,
            password=SAID,
            password_hash=factories.HASHER.hash(SAID),
        )

    factories.run(settings.database_url, verifier)
    client.cookies.clear()
    assert sign_in(client, "v.rekaman", password=SAID).status_code == 303
    page = client.get(f"/staff/reports/{report.tracking_code}", params={"lang": "en"}).text
    played = f"/staff/reports/{report.tracking_code}/files/{voice.id}"
    assert f'src="{played}"' in page and "Add a transcript" in page
    sound = client.get(played)
    assert sound.status_code == 200 and sound.content.startswith(b"OggS")
    assert sound.headers["content-type"].startswith("audio/ogg")
    assert post_transcript(client, url_of(report, voice.id), SAID).status_code == 303
    assert transcripts(settings.database_url, report.id) == {"voice": SAID}
    client.cookies.clear()
    for public in (f"/track/{report.tracking_code}", f"/reports/{report.tracking_code}"):
        shown = client.get(public)
        assert "Lampu jalan" not in shown.text and played not in shown.text
