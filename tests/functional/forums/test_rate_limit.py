"""The per-address limit on public forum posts: sign-ins, inputs, votes and voice share one
window."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.settings import Settings
from tests.conftest import make_settings
from tests.forums_support import add_forum, agenda_ids, forum_team, post
from tests.staff_support import token


def test_join_and_inputs_over_the_limit_get_the_friendly_429(
    tmp_path: Path, database_url: str
) -> None:
    settings: Settings = make_settings(
        tmp_path / "d", database_url, GESI_FORUM_POSTS_PER_MINUTE="3"
    )
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])
    url = f"/forums/{forum.join_code}"
    with TestClient(create_app(settings)) as client:
        csrf = token(client)
        assert post(client, f"{url}/join", csrf, {}).status_code == 303
        agenda = agenda_ids(client.get(url).text)
        for text in ("Antrean terlalu panjang", "Obat sering habis"):
            sent = post(client, f"{url}/inputs", csrf, {"agenda_item": agenda[0], "text": text})
            assert sent.status_code == 303
        refused = post(client, f"{url}/inputs", csrf, {"agenda_item": agenda[0], "text": "4th"})
        assert refused.status_code == 429
        assert "Tunggu sebentar" in refused.text
        assert refused.headers["retry-after"] == "60"
        assert post(client, f"{url}/join", csrf, {}).status_code == 429
        for path in ("dots", "statements", "voice"):
            assert post(client, f"{url}/{path}", csrf, {}).status_code == 429
        # Reading is never limited, and nothing refused was stored.
        page = client.get(url)
        assert page.status_code == 200
        assert "Obat sering habis" in page.text and "4th" not in page.text
