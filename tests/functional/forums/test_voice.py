"""Voice inputs at a forum: a participant uploads a recording (a plain file input), checked by
the report journey's recording code; refused ones store nothing; facilitators play it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.forums.models import ForumInput
from gesi_app.forums.vote_models import VoiceInput
from tests import factories
from tests.forums_support import add_forum, agenda_ids, forum_team
from tests.recording_support import (
    assert_nothing_identifying,
    require_media_tools,
    spoken_opus,
    wav,
)
from tests.staff_support import sign_in, summary, title, token


def counts(database_url: str) -> tuple[int, int]:
    async def work(session: AsyncSession) -> tuple[int, int]:
        inputs = await session.scalar(select(func.count(ForumInput.id)))
        voices = await session.scalar(select(func.count(VoiceInput.input_id)))
        return int(inputs or 0), int(voices or 0)

    found: tuple[int, int] = factories.run(database_url, work)
    return found


def upload(client: TestClient, url: str, csrf: str, data: dict[str, str], file: bytes | None):  # type: ignore[no-untyped-def]
    files = {"recording": ("suara.ogg", file, "audio/ogg")} if file is not None else None
    return client.post(
        f"{url}/voice?lang=en",
        data={"csrftoken": csrf, **data},
        files=files,
        follow_redirects=False,
    )


def test_a_voice_input_is_checked_stored_and_played_to_facilitators(
    client: TestClient, database_url: str
) -> None:
    require_media_tools("ffprobe", "espeak-ng", "opusenc")
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}"
    not_joined = client.get(f"{url}/voice", follow_redirects=False)
    assert not_joined.headers["location"] == f"{url}#join"
    csrf = token(client)
    client.post(f"{url}/join", data={"csrftoken": csrf})
    page = client.get(f"{url}/voice?lang=en")
    assert page.status_code == 200 and 'type="file"' in page.text
    agenda = agenda_ids(client.get(url).text)

    empty = client.post(
        f"{url}/voice?lang=en",
        data={"csrftoken": csrf},
        files={"recording": ("", b"", "application/octet-stream")},
        follow_redirects=False,
    )
    assert empty.status_code == 400
    assert summary(empty.text) == {
        "agenda_item": "Choose the agenda item",
        "recording": "Choose a recording to upload",
    }
    assert title(empty.text) == "Error: Send your input by voice – Suara"
    not_sound = upload(client, url, csrf, {"agenda_item": agenda[1]}, b"%PDF-1.4 not a sound")
    assert summary(not_sound.text) == {
        "recording": "The recording must be a sound file (Ogg, WebM, MP4, M4A, MP3 or WAV) "
        "or a video (WebM or MP4)"
    }
    assert f'value="{agenda[1]}" checked' in not_sound.text
    too_long = upload(client, url, csrf, {"agenda_item": agenda[1]}, wav(301))
    assert summary(too_long.text) == {"recording": "The recording must be 5 minutes or shorter"}
    assert counts(database_url) == (0, 0)

    voice = spoken_opus()
    sent = upload(client, url, csrf, {"agenda_item": agenda[0]}, voice)
    assert sent.status_code == 303 and sent.headers["location"].endswith("?added=1#your-inputs")
    assert counts(database_url) == (1, 1)
    assert "Voice message" in client.get(f"{url}?lang=en").text
    assert "Voice message" in client.get(f"{url}/board?lang=en").text

    sign_in(client, "fasilitator")
    staff = client.get(f"/staff/forums/{forum.join_code}/voice?lang=en").text
    assert "Antrean: Voice message" in staff and "<audio controls" in staff
    minutes = client.get(f"/staff/forums/{forum.join_code}/minutes?lang=en").text
    assert '<span class="pre-line">Voice message</span>' in minutes
    played = client.get(f"/staff/forums/{forum.join_code}/voice/1")
    assert played.status_code == 200 and played.content.startswith(b"OggS")
    assert_nothing_identifying(played.content)  # copied without its tags, see test_voice_metadata
    assert played.headers["content-type"] == "audio/ogg"
    assert client.get(f"/staff/forums/{forum.join_code}/voice/2").status_code == 404
