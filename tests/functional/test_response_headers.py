"""Headers on every response: HSTS on every error page too, no caching of anything personal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.testclient import TestClient

from gesi_app.app import create_app
from tests.conftest import form_token, make_settings

HSTS = "max-age=31536000"


@pytest.fixture
def https_client(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    settings = make_settings(tmp_path / "data", database_url, GESI_BASE_URL="https://lapor.example")
    app = create_app(settings)

    async def boom(_request: Request) -> None:
        raise RuntimeError("broken on purpose")

    async def refuse(request: Request) -> None:
        raise HTTPException(int(request.path_params["status"]))

    app.add_route("/boom", boom)
    app.add_route("/staff/boom", boom)
    app.add_route("/refuse/{status:int}", refuse)
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        yield client


def test_every_error_page_carries_hsts_and_the_security_headers(https_client: TestClient) -> None:
    client = https_client
    token = form_token(client.get("/preferences").text)
    answers = {
        400: client.get("/refuse/400"),
        403: client.post("/preferences", data={"text_size": "large"}),  # no CSRF token
        404: client.get("/no/such/page"),
        405: client.request("DELETE", "/", data={"csrftoken": token}),
        413: client.get("/refuse/413"),
        429: client.get("/refuse/429"),
        500: client.get("/boom"),
    }
    for status, response in answers.items():
        assert response.status_code == status
        assert response.headers.get("strict-transport-security") == HSTS, status
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], status
        assert response.headers["x-content-type-options"] == "nosniff", status


def test_plain_http_sends_no_hsts(client: TestClient) -> None:
    assert "strict-transport-security" not in client.get("/").headers
    assert "strict-transport-security" not in client.get("/no/such/page").headers


@pytest.mark.parametrize(
    "path",
    [
        "/staff/login",
        "/staff/no/such/page",
        "/track",
        "/track/SRA-ABCD-23",
        "/report",
        "/report/done",
        "/report/details",
        "/preferences",
    ],
)
def test_personal_and_staff_pages_are_never_stored(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.headers["cache-control"] == "no-store", response.status_code


def test_a_staff_server_error_is_not_stored_either(https_client: TestClient) -> None:
    response = https_client.get("/staff/boom")
    assert response.status_code == 500
    assert response.headers["cache-control"] == "no-store"


def test_public_pages_keep_their_caching(client: TestClient) -> None:
    for path in ("/", "/reports", "/help", "/forums"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" not in response.headers.get("cache-control", ""), path
    page = client.get("/").text
    css = page.split('href="/static/css/suara.css', 1)[1].split('"', 1)[0]
    static = client.get("/static/css/suara.css" + css)
    assert "immutable" in static.headers["cache-control"]
