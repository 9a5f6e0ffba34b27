"""Drive the report journey through HTTP as a browser without JavaScript would."""

from __future__ import annotations

from typing import Any

from httpx2 import Response
from starlette.testclient import TestClient

from tests.conftest import form_token

ANSWERS: list[tuple[str, dict[str, Any]]] = [
    ("type", {"type": "pengaduan"}),
    ("topic", {"topic": "infrastruktur"}),
    ("subtopic", {"subtopic": "jalan"}),
    ("title", {"title": "Jalan berlubang di depan pasar"}),
    ("details", {"details": "Lubang besar di depan pasar. Motor sering jatuh."}),
    ("when", {"when_kind": "date", "when_day": "3", "when_month": "11", "when_year": "2026"}),
    ("where", {"kecamatan": "36.03.01"}),
    ("village", {"desa": "36.03.01.1001"}),
    ("landmark", {"landmark": "Depan pasar"}),
    ("evidence", {"action": "continue"}),
    ("anonymous", {"anonim": "no"}),
    ("confidential", {"rahasia": "no"}),
    ("about-you", {"about_consent": "no"}),
    (
        "contact",
        {
            "contact_name": "Siti Rahma",
            "contact_email": "siti@example.org",
            "contact_phone": "0812 3456 7890",
        },
    ),
]


def answer(
    client: TestClient, slug: str, data: dict[str, Any], returning: bool = False
) -> Response:
    query = "?return=check" if returning else ""
    page = client.get(f"/report/{slug}{query}")
    assert page.status_code == 200, f"{slug}: {page.status_code}"
    return client.post(
        f"/report/{slug}{query}",
        data={"csrftoken": form_token(page.text), **data},
        follow_redirects=False,
    )


def answer_all(client: TestClient, overrides: dict[str, dict[str, Any]] | None = None) -> None:
    overrides = overrides or {}
    slug_answers = dict(ANSWERS)
    slug_answers.update(overrides)
    slug = "type"
    while slug != "check":
        response = answer(client, slug, slug_answers[slug])
        assert response.status_code == 303, f"{slug}: {response.status_code} {response.text[:500]}"
        slug = response.headers["location"].rsplit("/", 1)[-1]


def send(client: TestClient, **extra: str) -> Response:
    page = client.get("/report/check")
    assert page.status_code == 200
    return client.post(
        "/report/check", data={"csrftoken": form_token(page.text), **extra}, follow_redirects=False
    )
