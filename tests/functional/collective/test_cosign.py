"""Co-signing a public report ("ikut menandatangani"): a citizen once per browser, a group's
representative once per group for up to its members; shown on the report, apart from dukung."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from gesi_app.groups.models import GroupState
from gesi_app.groups.service import Members
from gesi_app.settings import Settings
from tests import factories
from tests.collective_support import MEMBERS, collective_report, group_and_rep, signed_in_rep
from tests.conftest import form_token
from tests.functional.public_data import add
from tests.groups_support import regions
from tests.staff_support import summary, title


@pytest.fixture
def seeded(settings: Settings) -> str:
    factories.seed(settings.database_url)
    regions(settings.database_url)
    return settings.database_url


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def cosign(client: TestClient, code: str, lang: str = "en", **data: str) -> object:
    page = client.get(f"/reports/{code}?lang={lang}")
    return client.post(
        f"/reports/{code}/cosign?lang={lang}",
        data={"csrftoken": form_token(page.text), **data},
        follow_redirects=False,
    )


def test_a_citizen_cosigns_once(client: TestClient, seeded: str) -> None:
    code = add(seeded, 0)
    before = client.get(f"/reports/{code}?lang=en").text
    assert "No one has co-signed yet." in before
    response = cosign(client, code)
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"].endswith(f"/reports/{code}#cosign")  # type: ignore[attr-defined]
    again = cosign(client, code)
    assert again.status_code == 303  # type: ignore[attr-defined]
    page = client.get(f"/reports/{code}?lang=en").text
    assert "Co-signed by 1 citizen" in text_of(page)
    assert "You co-signed this report" in page
    assert "0 people support this report" in page or "No one supports this report yet." in page
    page_id = client.get(f"/reports/{code}?lang=id").text
    assert "Anda ikut menandatangani laporan ini" in page_id


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Co-signed by 2 groups, on behalf of 85 people"),
        ("id", "Ikut ditandatangani oleh 2 kelompok, atas nama 85 orang"),
    ],
)
def test_groups_cosign_for_their_members(
    client: TestClient, seeded: str, lang: str, expected: str
) -> None:
    sender = group_and_rep(seeded, username="pengirim", name="Sender Group")
    code = collective_report(seeded, sender)
    group_and_rep(seeded, username="wakil", name="First Cosigner")
    group_and_rep(
        seeded, username="wakil2", name="Second Cosigner", members=Members(30, 10, 10, 10)
    )
    signed_in_rep(client, "wakil")
    assert cosign(client, code, lang, people="60").status_code == 303  # type: ignore[attr-defined]
    assert cosign(client, code, lang, people="70").status_code == 303  # type: ignore[attr-defined]
    client.cookies.clear()
    signed_in_rep(client, "wakil2")
    assert cosign(client, code, lang, people="25").status_code == 303  # type: ignore[attr-defined]
    page = client.get(f"/reports/{code}?lang={lang}").text
    assert expected in text_of(page)
    client.cookies.clear()
    signed_in_rep(client, "pengirim")
    own = client.get(f"/reports/{code}?lang=en").text
    assert "Your group sent this report, so it cannot co-sign it." in own


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("en", "", "Enter how many people of your group you speak for"),
        ("en", "121", "Enter a number from 1 to 120, the members your group registered"),
        ("en", "0", "Enter a number from 1 to 120, the members your group registered"),
        ("en", "banyak", "Enter the number of people as a whole number, like 25"),
        ("id", "121", "Isi angka dari 1 sampai 120, jumlah anggota yang didaftarkan kelompok Anda"),
    ],
)
def test_a_group_cosign_out_of_bounds_is_an_error(
    client: TestClient, seeded: str, lang: str, typed: str, message: str
) -> None:
    code = add(seeded, 0)
    group_and_rep(seeded, members=MEMBERS)
    signed_in_rep(client)
    response = cosign(client, code, lang, people=typed)
    assert response.status_code == 400  # type: ignore[attr-defined]
    html = response.text  # type: ignore[attr-defined]
    assert summary(html) == {"people": message}
    assert title(html).startswith("Error:" if lang == "en" else "Kesalahan:")
    assert f'value="{typed}"' in html
    assert "No one has co-signed yet." in client.get(f"/reports/{code}?lang=en").text


def test_an_unapproved_groups_rep_cosigns_as_a_citizen(client: TestClient, seeded: str) -> None:
    code = add(seeded, 0)
    group_and_rep(seeded, state=GroupState.PENDING)
    signed_in_rep(client)
    page = client.get(f"/reports/{code}?lang=en").text
    assert 'name="people"' not in page
    assert cosign(client, code, people="100").status_code == 303  # type: ignore[attr-defined]
    after = text_of(client.get(f"/reports/{code}?lang=en").text)
    assert "on behalf of 100 people" not in after
    assert "Co-signed by 1 citizen" in after


def test_no_cosign_of_a_report_not_public(client: TestClient, seeded: str) -> None:
    code = add(seeded, 0, published=False)
    public = add(seeded, 1)
    response = client.post(
        f"/reports/{code}/cosign",
        data={"csrftoken": form_token(client.get(f"/reports/{public}").text)},
        follow_redirects=False,
    )
    assert response.status_code == 404
