"""Topics for admins: the two-level tree, add a topic or sub-topic, rename, default agency,
move up and down, deactivate (gone from the forms, kept on old reports); all audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.categories.models import Category
from gesi_app.categories.service import ensure_category
from tests import factories
from tests.casework_support import audit_entries
from tests.staff_support import make_team, sign_in, summary, title, token


def post(client: TestClient, url: str, form: dict[str, str]) -> object:
    return client.post(
        url,
        params={"lang": "en"},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def make_tree(database_url: str) -> dict[str, int]:
    async def work(session: AsyncSession) -> dict[str, int]:
        road = await ensure_category(session, "jalan", "Jalan", "Roads", position=1)
        water = await ensure_category(session, "air", "Air bersih", "Clean water", position=2)
        hole = await ensure_category(
            session, "jalan-lubang", "Jalan berlubang", "Potholes", parent=road, position=1
        )
        light = await ensure_category(
            session, "jalan-lampu", "Lampu jalan", "Street lights", parent=road, position=2
        )
        return {"road": road.id, "water": water.id, "hole": hole.id, "light": light.id}

    ids: dict[str, int] = factories.run(database_url, work)
    return ids


def topics(database_url: str) -> dict[str, Category]:
    async def go(session: AsyncSession) -> dict[str, Category]:
        rows = await session.scalars(select(Category))
        return {c.slug: c for c in rows}

    found: dict[str, Category] = factories.run(database_url, go)
    return found


def test_admin_adds_a_sub_topic_with_a_default_agency(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    ids = make_tree(database_url)
    sign_in(client, "admin")
    assert 'href="/staff/categories"' in client.get("/staff?lang=en").text
    page = client.get("/staff/categories?lang=id").text
    assert page.index("Jalan berlubang") < page.index("Lampu jalan") < page.index("Air bersih")
    form = {
        "parent": str(ids["road"]),
        "name_id": "Trotoar rusak",
        "name_en": "Broken pavement",
        "agency": str(team.agencies["dpupr"]),
    }
    added = post(client, "/staff/categories/new", form)
    assert added.headers["location"] == "/staff/categories?done=saved"  # type: ignore[attr-defined]
    new = topics(database_url)["broken-pavement"]
    assert (new.parent_id, new.agency_id, new.position) == (
        ids["road"],
        team.agencies["dpupr"],
        3,
    )
    [entry] = audit_entries(database_url, "category_added")
    assert entry.actor_id == team.ids["admin"]
    assert "Trotoar rusak" in client.get("/staff/intake?lang=id").text


def test_moving_a_topic_up_and_down_among_its_siblings(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    ids = make_tree(database_url)
    sign_in(client, "admin")
    moved = post(client, f"/staff/categories/{ids['light']}/move", {"direction": "up"})
    assert moved.headers["location"] == "/staff/categories?done=moved"  # type: ignore[attr-defined]
    found = topics(database_url)
    assert (found["jalan-lampu"].position, found["jalan-lubang"].position) == (1, 2)
    page = client.get("/staff/categories?lang=id").text
    assert page.index("Lampu jalan") < page.index("Jalan berlubang")
    # Already first: nothing moves and nothing is recorded.
    post(client, f"/staff/categories/{ids['light']}/move", {"direction": "up"})
    post(client, f"/staff/categories/{ids['water']}/move", {"direction": "down"})
    assert len(audit_entries(database_url, "category_moved")) == 1
    post(client, f"/staff/categories/{ids['water']}/move", {"direction": "up"})
    found = topics(database_url)
    assert (found["air"].position, found["jalan"].position) == (1, 2)
    refused = post(client, f"/staff/categories/{ids['water']}/move", {"direction": "sideways"})
    assert refused.status_code == 400  # type: ignore[attr-defined]


def test_a_deactivated_topic_leaves_the_forms_with_its_sub_topics(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    ids = make_tree(database_url)
    sign_in(client, "admin")
    assert "Lampu jalan" in client.get("/staff/intake?lang=id").text
    form = {"name_id": "Jalan", "name_en": "Roads", "agency": "", "active": "no"}
    assert post(client, f"/staff/categories/{ids['road']}", form).status_code == 303  # type: ignore[attr-defined]
    assert topics(database_url)["jalan"].active is False
    [entry] = audit_entries(database_url, "category_deactivated")
    assert entry.before and entry.before["active"] is True
    intake = client.get("/staff/intake?lang=id").text
    assert "Lampu jalan" not in intake and "Jalan berlubang" not in intake
    assert "Air bersih" in intake
    assert "Lampu jalan" not in client.get("/reports?lang=id").text
    listed = client.get("/staff/categories?lang=en").text
    assert "Street lights" in listed and "No, deactivated" in listed


@pytest.mark.parametrize(
    ("form", "messages"),
    [
        (
            {},
            {
                "name_id": "Enter the topic's name in Indonesian",
                "name_en": "Enter the topic's name in English",
            },
        ),
        (
            {"parent": "road", "name_id": "x" * 201, "name_en": "Bridges", "agency": "x"},
            {
                "parent": "Choose where the topic goes from the list",
                "name_id": "Write 200 characters or fewer",
                "agency": "Choose an agency from the list",
            },
        ),
        (
            {"parent": "{road}", "name_id": "lampu JALAN", "name_en": "Lamps"},
            {"name_id": "Another topic here has this Indonesian name. Choose another name"},
        ),
        (
            {"parent": "{hole}", "name_id": "Lubang kecil", "name_en": "Small holes"},
            {"parent": "Choose where the topic goes from the list"},
        ),
    ],
)
def test_adding_a_topic_validation(
    client: TestClient, database_url: str, form: dict[str, str], messages: dict[str, str]
) -> None:
    make_team(database_url)
    ids = make_tree(database_url)
    form = {k: v.format(**ids) for k, v in form.items()}
    sign_in(client, "admin")
    response = post(client, "/staff/categories/new", form)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == messages  # type: ignore[attr-defined]
    assert title(response.text).startswith("Error: ")  # type: ignore[attr-defined]
    assert len(topics(database_url)) == 4
    assert audit_entries(database_url, "category_added") == []
