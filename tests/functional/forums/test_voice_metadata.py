"""A voice input at a forum is stored without the tags its file carried (the place, the time,
the owner, the device): facilitators download the cleaned copy."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.forums.vote_models import VoiceInput
from gesi_app.settings import Settings
from tests import factories
from tests.forums_support import add_forum, agenda_ids, forum_team
from tests.recording_support import (
    LOCATION,
    assert_nothing_identifying,
    media_facts,
    require_media_tools,
    tagged,
)
from tests.staff_support import sign_in, summary, token


def _voices(database_url: str) -> list[VoiceInput]:
    async def work(session: AsyncSession) -> list[VoiceInput]:
        return list((await session.scalars(select(VoiceInput))).all())

    found: list[VoiceInput] = factories.run(database_url, work)
    return found


def test_a_voice_input_is_stored_and_played_without_its_tags(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    require_media_tools("ffmpeg")
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}"
    csrf = token(client)
    client.post(f"{url}/join", data={"csrftoken": csrf})
    agenda = agenda_ids(client.get(url).text)
    for name, data in (("suara.ogg", tagged("ogg", video=False)), ("suara.mp2", tagged("mp2", video=False))):  # fmt: skip
        response = client.post(
            f"{url}/voice?lang=en",
            data={"csrftoken": csrf, "agenda_item": agenda[0]},
            files={"recording": (name, data, "application/octet-stream")},
            follow_redirects=False,
        )
        if name == "suara.mp2":  # cannot be copied without its details: refused, kept page
            assert response.status_code == 400
            assert summary(response.text) == {
                "recording": "We cannot remove the hidden details (such as the place it was "
                "recorded) from this recording. Try another file or record again"
            }
            assert f'value="{agenda[0]}" checked' in response.text
        else:
            assert response.status_code == 303
    [voice] = _voices(database_url)
    on_disk = (Path(settings.data_dir) / "uploads" / voice.storage_key).read_bytes()
    assert voice.size == len(on_disk)
    assert_nothing_identifying(on_disk)
    sign_in(client, "fasilitator")
    played = client.get(f"/staff/forums/{forum.join_code}/voice/{voice.input_id}")
    assert played.status_code == 200 and played.content == on_disk
    assert LOCATION.encode() not in played.content
    assert media_facts(played.content)["streams"] == ["audio"]
