"""Areas for admins: rename a kecamatan or desa for display, turn it off for the report
journey (it leaves the forms, reports keep it); audited."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.regions import service
from gesi_app.regions.models import Region
from tests import factories
from tests.casework_support import audit_entries
from tests.staff_support import make_team, sign_in, summary, title, token

AREAS = [
    Region(code="36", parent_code=None, name="BANTEN", level=1, kind="provinsi"),
    Region(code="36.03", parent_code="36", name="KAB. TANGERANG", level=2, kind="kabupaten"),
    Region(code="36.03.01", parent_code="36.03", name="Balaraja", level=3, kind="kecamatan"),
    Region(code="36.03.02", parent_code="36.03", name="Jayanti", level=3, kind="kecamatan"),
    Region(code="36.03.01.1001", parent_code="36.03.01", name="Sentul", level=4, kind="desa"),
    Region(code="36.03.01.1002", parent_code="36.03.01", name="Talagasari", level=4, kind="desa"),
]


def add_areas(database_url: str) -> None:
    async def work(session: AsyncSession) -> None:
        for area in AREAS:
            session.add(
                Region(
                    **{
                        c: getattr(area, c)
                        for c in ("code", "parent_code", "name", "level", "kind")
                    }
                )
            )
            await session.flush()

    factories.run(database_url, work)


def offered(database_url: str, parent: str) -> list[str]:
    async def go(session: AsyncSession) -> list[str]:
        return [r.name for r in await service.children(session, parent)]

    names: list[str] = factories.run(database_url, go)
    return names


def post(client: TestClient, url: str, form: dict[str, str]) -> object:
    return client.post(
        url,
        params={"lang": "en"},
        data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )


def test_admin_renames_and_turns_off_areas(client: TestClient, database_url: str) -> None:
    team = make_team(database_url)
    add_areas(database_url)
    sign_in(client, "admin")
    assert 'href="/staff/regions"' in client.get("/staff?lang=en").text
    listed = client.get("/staff/regions?lang=id").text
    assert "KAB. TANGERANG" in listed and "Balaraja" in listed and "Jayanti" in listed
    kecamatan = client.get("/staff/regions/36.03.01?lang=en").text
    assert "Sentul" in kecamatan and "Talagasari" in kecamatan
    assert "Jayanti" in client.get("/staff/intake?lang=en").text

    saved = post(client, "/staff/regions/36.03.02", {"name": "Jayanti Baru", "active": "no"})
    assert saved.headers["location"] == "/staff/regions/36.03.02?saved=1"  # type: ignore[attr-defined]
    assert offered(database_url, "36.03") == ["Balaraja"]
    assert "Jayanti" not in client.get("/staff/intake?lang=en").text
    assert "Jayanti Baru" in client.get("/staff/regions?lang=en").text
    [entry] = audit_entries(database_url, "region_changed")
    assert entry.actor_id == team.ids["admin"]
    assert entry.object_id == "36.03.02"
    assert entry.before == {"name": "Jayanti", "active": True}
    assert entry.after == {"name": "Jayanti Baru", "active": False}

    post(client, "/staff/regions/36.03.01.1002", {"name": "Talagasari", "active": "no"})
    assert offered(database_url, "36.03.01") == ["Sentul"]
    post(client, "/staff/regions/36.03.01.1002", {"name": "Talagasari", "active": "no"})
    assert len(audit_entries(database_url, "region_changed")) == 2  # the repeat changed nothing


@pytest.mark.parametrize(
    ("form", "messages"),
    [
        (
            {},
            {
                "name": "Enter the name people see",
                "active": "Choose whether people can choose this area",
            },
        ),
        ({"name": "x" * 121, "active": "yes"}, {"name": "Write 120 characters or fewer"}),
    ],
)
def test_changing_an_area_validation(
    client: TestClient, database_url: str, form: dict[str, str], messages: dict[str, str]
) -> None:
    make_team(database_url)
    add_areas(database_url)
    sign_in(client, "admin")
    response = post(client, "/staff/regions/36.03.01", form)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == messages  # type: ignore[attr-defined]
    assert title(response.text).startswith("Error: ")  # type: ignore[attr-defined]
    assert offered(database_url, "36.03") == ["Balaraja", "Jayanti"]
    assert audit_entries(database_url, "region_changed") == []
    assert client.get("/staff/regions/36.03").status_code == 404  # a kabupaten is not edited here
