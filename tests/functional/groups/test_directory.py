"""The public directory and a group's page: approved groups only, filters with a stable
address, counts under 5 shown as "<5", and never a representative's name or contact."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.groups.models import Group, GroupKind, GroupState
from gesi_app.groups.service import Members
from tests import factories
from tests.groups_support import (
    KECAMATAN,
    REP_EMAIL,
    REP_NAME,
    REP_PHONE,
    REP_PHONE_E164,
    add_group,
    groups,
    regions,
    register,
)

CANARIES = (REP_NAME, REP_EMAIL, REP_PHONE, REP_PHONE_E164, "Wahyu", "kanari", "99887766")


@pytest.fixture(autouse=True)
def _regions(database_url: str) -> None:
    regions(database_url)


def test_the_directory_lists_approved_groups_only(client: TestClient, database_url: str) -> None:
    add_group(database_url, "Karang Taruna Cisoka")
    add_group(database_url, "Kelompok Menunggu", state=GroupState.PENDING)
    add_group(database_url, "Kelompok Ditolak", state=GroupState.REJECTED)
    page = client.get("/groups?lang=en")
    assert page.status_code == 200
    assert "Karang Taruna Cisoka" in page.text
    assert "Kelompok Menunggu" not in page.text and "Kelompok Ditolak" not in page.text
    assert "Youth group" in page.text
    assert "Orang muda di desa kami" in page.text
    assert client.get("/groups/kelompok-menunggu").status_code == 404
    assert client.get("/groups/kelompok-ditolak").status_code == 404


def test_counts_under_five_are_shown_as_fewer_than_five(
    client: TestClient, database_url: str
) -> None:
    add_group(database_url, "Karang Taruna Cisoka", members=Members(30, 12, 25, 4))
    page = client.get("/groups/karang-taruna-cisoka?lang=en")
    assert page.status_code == 200
    counts = page.text.split('class="summary members"')[1].split("</dl>")[0]
    assert ">30<" in counts and ">12<" in counts and ">25<" in counts
    assert "&lt;5" in counts and ">4<" not in counts
    assert 'title="fewer than 5"' in counts


def test_a_group_page_says_plainly_it_has_no_collective_report_yet(
    client: TestClient, database_url: str
) -> None:
    add_group(database_url, "Karang Taruna Cisoka")
    english = client.get("/groups/karang-taruna-cisoka?lang=en").text
    assert "<h2>Collective reports</h2>" in english
    assert "This group has not sent a collective report yet." in english
    indonesian = client.get("/groups/karang-taruna-cisoka?lang=id").text
    assert "<h2>Laporan bersama</h2>" in indonesian
    assert "Kelompok ini belum mengirim laporan bersama." in indonesian
    assert "Karang Taruna Cisoka" in indonesian


def test_filters_by_kind_and_area_have_a_stable_address(
    client: TestClient, database_url: str
) -> None:
    add_group(database_url, "Karang Taruna Cisoka")
    add_group(database_url, "Perempuan Cisoka", kind=GroupKind.WOMEN, region=KECAMATAN)
    add_group(database_url, "Perempuan Solear", kind=GroupKind.WOMEN, region="36.03.02")
    women = client.get("/groups?kind=women&lang=en").text
    assert "Perempuan Cisoka" in women and "Perempuan Solear" in women
    assert "Karang Taruna Cisoka" not in women
    cisoka = client.get(f"/groups?area={KECAMATAN}&lang=en").text
    # A group of a village counts in its kecamatan, and so does one of the whole kecamatan.
    assert "Karang Taruna Cisoka" in cisoka and "Perempuan Cisoka" in cisoka
    assert "Perempuan Solear" not in cisoka
    both = client.get(f"/groups?kind=women&area={KECAMATAN}&lang=en").text
    assert "Perempuan Cisoka" in both and "Karang Taruna Cisoka" not in both
    assert 'value="women" selected' in both
    none = client.get("/groups?kind=youth&area=36.03.02&lang=en").text
    assert "No groups match what you chose." in none
    # Unknown values show everything rather than an error.
    unknown = client.get("/groups?kind=club&area=nowhere&lang=en")
    assert unknown.status_code == 200 and "Perempuan Solear" in unknown.text


def test_the_empty_directory(client: TestClient, database_url: str) -> None:
    page = client.get("/groups?lang=id")
    assert "Belum ada kelompok di daftar." in page.text
    assert 'href="/groups/register"' in page.text


def test_no_representative_name_or_contact_is_ever_public(
    client: TestClient, database_url: str
) -> None:
    """Canary: a registered, then approved group; its representative's name, email and phone
    appear on no public page, in either language."""
    assert register(client).status_code == 303
    add_group(database_url, "Karang Taruna Cisoka")
    registered = groups(database_url)[0][0]

    async def approve(session: AsyncSession) -> None:
        group = await session.get(Group, registered.id)
        assert group is not None
        group.state = GroupState.APPROVED

    factories.run(database_url, approve)
    pages = []
    for lang in ("id", "en"):
        for path in (
            "/groups",
            f"/groups/{registered.slug}",
            "/groups/karang-taruna-cisoka",
            f"/groups?kind=disability&area={KECAMATAN}",
            "/",
        ):
            response = client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}")
            assert response.status_code == 200
            pages.append(response.text)
    assert "Persatuan Tuli Cisoka" in pages[1]
    for html in pages:
        for canary in CANARIES:
            assert canary not in html


def test_home_page_and_footer_link_the_directory(client: TestClient, database_url: str) -> None:
    home = client.get("/?lang=en").text
    assert home.count('href="/groups"') == 2  # the start list and the footer
    assert 'href="/groups"' in client.get("/reports?lang=en").text
