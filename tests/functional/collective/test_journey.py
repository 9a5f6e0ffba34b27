"""A representative of an approved group sends a report on behalf of the group's members."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.groups.models import Group, GroupState
from gesi_app.reports.models import Report
from gesi_app.settings import Settings
from tests import factories
from tests.collective_support import (
    COUNTS,
    answer_collective,
    collective_answers,
    group_and_rep,
    signed_in_rep,
)
from tests.conftest import form_token
from tests.functional.reports.journey_helpers import answer, answer_all, send
from tests.groups_support import regions
from tests.staff_support import sign_in, summary, title


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    regions(settings.database_url)
    return settings.database_url


def only_report(url: str) -> Report:
    async def load(session: AsyncSession) -> Report:
        return (await session.scalars(select(Report))).one()

    report: Report = factories.run(url, load)
    return report


def count_reports(url: str) -> int:
    async def count(session: AsyncSession) -> int:
        return int(await session.scalar(select(func.count()).select_from(Report)) or 0)

    found: int = factories.run(url, count)
    return found


def answer_all_of(client: TestClient, slug_answers: dict[str, dict[str, Any]]) -> None:
    slug = "type"
    while slug != "check":
        response = answer(client, slug, slug_answers[slug])
        assert response.status_code == 303, f"{slug}: {response.text[:300]}"
        slug = response.headers["location"].split("?")[0].rsplit("/", 1)[-1]


def test_representative_sends_on_behalf_of_the_group(client: TestClient, seeded: str) -> None:
    group_id = group_and_rep(seeded)
    signed_in_rep(client)
    answer_collective(client)
    check = client.get("/report/check?lang=en")
    assert "On behalf of your group" in check.text
    response = send(client)
    assert response.status_code == 303, response.text[:500]
    report = only_report(seeded)
    assert (report.group_id, report.weight) == (group_id, 85)
    assert (report.on_behalf_women, report.on_behalf_youth, report.on_behalf_disability) == (
        50,
        20,
        12,
    )
    assert report.on_behalf_signed == 60
    assert report.anonim is False


def test_the_steps_follow_type_and_skip_anonymous_and_about_you(
    client: TestClient, seeded: str
) -> None:
    group_and_rep(seeded)
    signed_in_rep(client)
    response = answer(client, "type", {"type": "pengaduan"})
    assert response.headers["location"] == "/report/on-behalf"
    page = client.get("/report/on-behalf?lang=en")
    assert "Are you sending this on behalf of your group?" in page.text
    assert "Your group: Himpunan Wanita Disabilitas Balaraja." in page.text
    response = answer(client, "on-behalf", {"on_behalf": "yes"})
    assert response.headers["location"] == "/report/on-behalf-count"
    count_page = client.get("/report/on-behalf-count?lang=id")
    assert "Atas nama berapa orang?" in count_page.text
    answer_collective(client)
    check = client.get("/report/check?lang=en").text
    assert "Hide your name" not in check and "Questions about you" not in check
    for label in ("People you speak for", "Women", "People who signed it"):
        assert label in check
    assert 'href="/report/on-behalf-count?return=check"' in check


@pytest.mark.parametrize(
    ("lang", "typed", "errors"),
    [
        ("en", {"behalf_total": ""}, {"behalf_total": "Enter how many people you speak for"}),
        ("en", {"behalf_total": "121"}, {"behalf_total": "Enter a number from 1 to 120, the members your group registered"}),
        ("en", {"behalf_total": "0"}, {"behalf_total": "Enter a number from 1 to 120, the members your group registered"}),
        ("en", {"behalf_total": "lots"}, {"behalf_total": "Enter the number of people as a whole number, like 25"}),
        ("en", {"behalf_women": "71", "behalf_total": "100"}, {"behalf_women": "The number of women cannot be more than the people you speak for or your members"}),
        ("en", {"behalf_youth": "86"}, {"behalf_youth": "The number of young people cannot be more than the people you speak for or your members"}),
        ("en", {"behalf_disability": "31"}, {"behalf_disability": "The number of people with disabilities cannot be more than the people you speak for or your members"}),
        ("en", {"behalf_signed": "86"}, {"behalf_signed": "The number of people who signed cannot be more than the people you speak for"}),
        ("id", {"behalf_total": ""}, {"behalf_total": "Isi berapa orang yang Anda wakili"}),
        ("id", {"behalf_total": "121"}, {"behalf_total": "Isi angka dari 1 sampai 120, jumlah anggota yang didaftarkan kelompok Anda"}),
        ("id", {"behalf_women": "x"}, {"behalf_women": "Tulis jumlah perempuan sebagai bilangan bulat, misalnya 12"}),
    ],
)  # fmt: skip
def test_count_errors_keep_what_was_typed(
    client: TestClient, seeded: str, lang: str, typed: dict[str, str], errors: dict[str, str]
) -> None:
    group_and_rep(seeded)
    signed_in_rep(client)
    answer(client, "type", {"type": "pengaduan"})
    answer(client, "on-behalf", {"on_behalf": "yes"})
    form = {**COUNTS, **typed}
    page = client.get(f"/report/on-behalf-count?lang={lang}")
    response = client.post(
        f"/report/on-behalf-count?lang={lang}",
        data={"csrftoken": form_token(page.text), **form},
        follow_redirects=False,
    )
    assert response.status_code == 400
    assert summary(response.text) == errors
    assert title(response.text).startswith("Error:" if lang == "en" else "Kesalahan:")
    for name, value in typed.items():
        assert f'id="{name}" name="{name}" type="text"\n         value="{value}"' in response.text
    assert 'aria-invalid="true"' in response.text


def test_no_group_choice_is_an_error(client: TestClient, seeded: str) -> None:
    group_and_rep(seeded)
    signed_in_rep(client)
    answer(client, "type", {"type": "pengaduan"})
    response = answer(client, "on-behalf", {"on_behalf": "maybe"})
    assert response.status_code == 400
    assert summary(response.text) == {
        "on_behalf": "Pilih ya untuk mengirim atas nama kelompok Anda, atau tidak untuk diri sendiri"
    }


def test_choosing_no_sends_an_individual_report(client: TestClient, seeded: str) -> None:
    group_and_rep(seeded)
    signed_in_rep(client)
    slug_answers = collective_answers()
    slug_answers["on-behalf"] = {"on_behalf": "no"}
    answer_all_of(client, slug_answers)
    assert send(client).status_code == 303
    report = only_report(seeded)
    assert (report.group_id, report.weight, report.on_behalf_women) == (None, 1, None)


@pytest.mark.parametrize("who", ["anonymous", "staff", "pending_rep", "rejected_rep"])
def test_others_never_see_the_step_nor_can_post_it(
    client: TestClient, seeded: str, who: str
) -> None:
    if who == "staff":
        password = factories._cached_credentials("admin")[0]
        assert sign_in(client, "admin", password).status_code == 303
    elif who != "anonymous":
        state = GroupState.PENDING if who == "pending_rep" else GroupState.REJECTED
        group_and_rep(seeded, state=state)
        signed_in_rep(client)
    response = answer(client, "type", {"type": "pengaduan"})
    assert response.headers["location"] == "/report/topic"
    assert client.get("/report/on-behalf", follow_redirects=False).status_code == 303
    # Tampering: the steps posted by hand change nothing.
    token = form_token(client.get("/report/topic").text)
    for slug, data in (("on-behalf", {"on_behalf": "yes"}), ("on-behalf-count", COUNTS)):
        posted = client.post(
            f"/report/{slug}", data={"csrftoken": token, **data}, follow_redirects=False
        )
        assert posted.status_code == 303
        assert posted.headers["location"] == "/report/topic"
    answer_all(client)
    assert send(client).status_code == 303
    report = only_report(seeded)
    assert (report.group_id, report.weight, report.on_behalf_women) == (None, 1, None)


def test_a_representative_signed_out_midway_sends_an_individual_report(
    client: TestClient, seeded: str
) -> None:
    group_and_rep(seeded)
    signed_in_rep(client)
    answer_collective(client)
    client.cookies.pop("suara_session")  # signed out (the draft is kept by its own cookie)
    check = client.get("/report/check", follow_redirects=False)
    assert check.headers["location"] == "/report/anonymous"


def test_counts_beyond_changed_members_are_asked_again(client: TestClient, seeded: str) -> None:
    group_id = group_and_rep(seeded)
    signed_in_rep(client)
    answer_collective(client)

    async def shrink(session: AsyncSession) -> None:
        await session.execute(
            update(Group).where(Group.id == group_id).values(members_total=60, members_women=40)
        )

    factories.run(seeded, shrink)
    response = send(client)
    assert response.status_code == 303
    assert response.headers["location"] == "/report/on-behalf-count?return=check"
    assert count_reports(seeded) == 0


def test_counts_are_changed_from_check_your_answers(client: TestClient, seeded: str) -> None:
    group_and_rep(seeded)
    signed_in_rep(client)
    answer_collective(client)
    page = client.get("/report/on-behalf-count?return=check&lang=en")
    assert 'value="85"' in page.text and 'value="60"' in page.text  # what was given, again
    response = answer(
        client, "on-behalf-count", {**COUNTS, "behalf_total": "90", "behalf_signed": ""}, True
    )
    assert response.headers["location"] == "/report/check"
    check = client.get("/report/check?lang=en").text
    assert "90" in check
    # Changing to "no" drops the counts and asks the questions of a person alone.
    response = answer(client, "on-behalf", {"on_behalf": "no"}, True)
    assert response.headers["location"] == "/report/anonymous?return=check"
    response = answer(client, "anonymous", {"anonim": "no"}, True)
    assert response.headers["location"] == "/report/about-you?return=check"
    response = answer(client, "about-you", {"about_consent": "no"}, True)
    assert response.headers["location"] == "/report/check"
    assert send(client).status_code == 303
    report = only_report(seeded)
    assert (report.group_id, report.weight, report.on_behalf_women) == (None, 1, None)
