"""Population figures for admins: the seeded national figures with their sources, add and
change (audited), errors at their fields with what was typed kept; only admins."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.regions.service import import_regions
from gesi_app.stats.models import PopulationBaseline, Segment
from tests import factories
from tests.casework_support import audit_entries
from tests.staff_support import make_team, sign_in, summary, token


def post(client: TestClient, url: str, form: dict[str, str]) -> Any:
    return client.post(
        url, params={"lang": "en"}, data={"csrftoken": token(client), **form},
        follow_redirects=False,
    )  # fmt: skip


def figures(database_url: str) -> list[PopulationBaseline]:
    async def go(session: AsyncSession) -> list[PopulationBaseline]:
        rows = await session.scalars(select(PopulationBaseline).order_by(PopulationBaseline.id))
        return list(rows.all())

    found: list[PopulationBaseline] = factories.run(database_url, go)
    return found


def test_seeded_national_figures_have_a_source_and_year(database_url: str) -> None:
    seeded = {f.segment: f for f in figures(database_url)}
    assert seeded[Segment.WOMEN].share_bp == 4942 and seeded[Segment.WOMEN].year == 2020
    assert (
        seeded[Segment.YOUTH].share_bp == 2318
        and "Statistik Pemuda" in seeded[Segment.YOUTH].source
    )
    assert (
        seeded[Segment.DISABILITY].share_bp == 850
        and "Susenas" in seeded[Segment.DISABILITY].source
    )
    assert all(f.region_code is None for f in seeded.values())


def test_admin_adds_and_changes_a_figure_for_an_area(client: TestClient, database_url: str) -> None:
    team = make_team(database_url)
    factories.run(database_url, lambda s: import_regions(s, "36.03"))
    sign_in(client, "admin")
    assert 'href="/staff/population"' in client.get("/staff?lang=en").text
    form = {
        "area": "36.03.01", "segment": "disability", "share": "6,25", "year": "2024",
        "source": "Dinas Sosial Kabupaten Tangerang, 2024", "note": "",
    }  # fmt: skip
    added = post(client, "/staff/population/new", form)
    assert added.status_code == 303
    assert added.headers["location"] == "/staff/population?saved=1"
    new = figures(database_url)[-1]
    assert (new.region_code, new.segment, new.share_bp, new.year) == (
        "36.03.01", Segment.DISABILITY, 625, 2024,
    )  # fmt: skip
    [entry] = audit_entries(database_url, "baseline_added")
    assert entry.actor_id == team.ids["admin"]
    assert entry.after and entry.after["share_bp"] == 625
    listed = client.get("/staff/population?saved=1&lang=id").text
    assert "6,25%" in listed and "Dinas Sosial Kabupaten Tangerang" in listed
    changed = post(client, f"/staff/population/{new.id}", {**form, "share": "7"})
    assert changed.status_code == 303
    [entry] = audit_entries(database_url, "baseline_changed")
    assert entry.before and entry.before["share_bp"] == 625
    assert entry.after and entry.after["share_bp"] == 700
    # The statistics page uses the area's own figure for that area.
    page = client.get("/stats?lang=en&area=36.03.01").text
    assert "about 8.5% of the population" in page  # the headline: national
    assert "Where the population figures come from" in page


def test_bad_figures_are_errors_and_what_was_typed_is_kept(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    sign_in(client, "admin")
    form = {"area": "99.99", "segment": "", "share": "120", "year": "20", "source": "", "note": ""}
    response = post(client, "/staff/population/new", form)
    assert response.status_code == 400
    assert summary(response.text) == {
        "segment": "Choose a group",
        "share": "Enter a percentage from 0 to 100, for example 8,5",
        "year": "Enter the year of the figure, for example 2020",
        "source": "Enter where the figure comes from",
    }
    assert 'value="120"' in response.text
    unknown = post(
        client, "/staff/population/new",
        {**form, "segment": "women", "share": "50", "year": "2020", "source": "BPS"},
    )  # fmt: skip
    assert summary(unknown.text) == {"area": "Choose an area, or the whole country"}
    taken = post(
        client, "/staff/population/new",
        {**form, "area": "national", "segment": "women", "share": "50", "year": "2020",
         "source": "BPS"},
    )  # fmt: skip
    assert summary(taken.text) == {
        "year": "This area already has a figure for this group and year. Change that one"
    }
    assert len(figures(database_url)) == 3


def test_only_admins_keep_figures(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "verifier")
    response = client.get("/staff/population?lang=en", follow_redirects=False)
    assert response.status_code in (303, 403)
    assert "Population figures" not in client.get("/staff?lang=en").text
