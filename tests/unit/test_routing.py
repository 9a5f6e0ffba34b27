"""The app keeps route paths it has looked up: the same answers as Starlette's own search."""

from __future__ import annotations

import pytest
from starlette.responses import PlainTextResponse
from starlette.routing import NoMatchFound, Route

from gesi_app.web.routing import Suara


async def page(request: object) -> PlainTextResponse:
    return PlainTextResponse("")


def test_paths_are_starlettes_and_kept_per_name_and_parameters() -> None:
    app = Suara(
        routes=[Route("/track/{code}", page, name="track"), Route("/r", page, name="plain")]
    )
    first = app.url_path_for("track", code="SRA-AAAA-AA")
    assert first == app.router.url_path_for("track", code="SRA-AAAA-AA") == "/track/SRA-AAAA-AA"
    assert app.url_path_for("track", code="SRA-BBBB-BB") == "/track/SRA-BBBB-BB"
    assert app.url_path_for("track", code="SRA-AAAA-AA") is first  # looked up once
    assert app.url_path_for("plain") == "/r"
    with pytest.raises(NoMatchFound):
        app.url_path_for("nowhere")
    with pytest.raises(NoMatchFound):
        app.url_path_for("track")  # a missing parameter is still an error


def test_two_apps_keep_their_own_paths() -> None:
    one = Suara(routes=[Route("/a", page, name="x")])
    two = Suara(routes=[Route("/b", page, name="x")])
    assert (one.url_path_for("x"), two.url_path_for("x")) == ("/a", "/b")
