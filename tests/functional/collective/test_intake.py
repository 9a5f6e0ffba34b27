"""Staff intake of a paper petition from an approved community group: stored as collective,
flagged as typed in by staff; bounds and an unapproved group refused with errors at fields."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from gesi_app.groups.models import GroupState
from gesi_app.reports.models import Channel
from gesi_app.reports.service import report_by_code
from tests import factories
from tests.casework_support import audit_entries
from tests.collective_support import MEMBERS
from tests.functional.test_staff_intake import FORM, post, saved
from tests.groups_support import add_group, regions
from tests.staff_support import make_team, sign_in, summary, title

PETITION = {
    **FORM,
    "channel": "letter",
    "behalf_total": "85",
    "behalf_women": "50",
    "behalf_youth": "20",
    "behalf_disability": "12",
    "behalf_signed": "",
}


@pytest.fixture
def ready(client: TestClient, database_url: str) -> dict[str, int]:
    make_team(database_url)
    regions(database_url)
    approved = add_group(database_url, name="Approved Group", members=MEMBERS)
    pending = add_group(database_url, name="Pending Group", state=GroupState.PENDING)
    sign_in(client, "verifikator")
    return {"approved": approved.id, "pending": pending.id}


def test_a_petition_is_stored_as_collective(
    client: TestClient, database_url: str, ready: dict[str, int]
) -> None:
    page = client.get("/staff/intake?lang=en").text
    assert "Approved Group" in page and "Pending Group" not in page
    done = saved(client, {**PETITION, "group": str(ready["approved"])})
    code = done.text.split('<strong class="tracking-code" aria-describedby="code-spelled">')[1][:11]  # type: ignore[attr-defined]
    report = factories.run(database_url, lambda s: report_by_code(s, code))
    assert report.channel is Channel.LETTER  # typed in by staff
    assert (report.group_id, report.weight, report.on_behalf_women) == (ready["approved"], 85, 50)
    assert (report.on_behalf_youth, report.on_behalf_disability, report.on_behalf_signed) == (
        20,
        12,
        None,
    )
    [entry] = audit_entries(database_url, "report_taken_in")
    assert entry.after["weight"] == "85"
    queue = client.get("/staff/queue?lang=en&collective=yes").text
    assert code in queue and "on behalf of 85 people" in queue and "Came in:" in queue


@pytest.mark.parametrize(
    ("lang", "change", "errors"),
    [
        ("en", {"behalf_total": "121"}, {"behalf_total": "Enter a number from 1 to 120, the members your group registered"}),
        ("en", {"behalf_women": "86"}, {"behalf_women": "The number of women cannot be more than the people you speak for or your members"}),
        ("en", {"behalf_youth": "many"}, {"behalf_youth": "Enter the number of young people as a whole number, like 12"}),
        ("en", {"behalf_disability": ""}, {"behalf_disability": "Enter how many of them have a disability. Enter 0 if none"}),
        ("en", {"anonim": "yes"}, {"group": "A collective report shows the group's name. Choose No for hiding the name"}),
        ("id", {"behalf_total": "121"}, {"behalf_total": "Isi angka dari 1 sampai 120, jumlah anggota yang didaftarkan kelompok Anda"}),
    ],
)  # fmt: skip
def test_petition_errors_keep_what_was_typed(
    client: TestClient,
    ready: dict[str, int],
    lang: str,
    change: dict[str, str],
    errors: dict[str, str],
) -> None:
    response = post(client, {**PETITION, "group": str(ready["approved"]), **change}, lang)
    assert response.status_code == 400  # type: ignore[attr-defined]
    html = response.text  # type: ignore[attr-defined]
    assert summary(html) == errors
    assert title(html).startswith("Error:" if lang == "en" else "Kesalahan:")
    for name, value in change.items():
        if value and name != "anonim":
            assert f'value="{value}"' in html


def test_an_unapproved_group_cannot_be_chosen(client: TestClient, ready: dict[str, int]) -> None:
    response = post(client, {**PETITION, "group": str(ready["pending"])})
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == {"group": "Choose a group from the list"}  # type: ignore[attr-defined]
    counts_only = post(client, {**PETITION, "group": ""})
    assert summary(counts_only.text) == {  # type: ignore[attr-defined]
        "group": "Choose the group that sent the petition, or clear the counts"
    }
