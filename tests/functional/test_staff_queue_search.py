"""Searching the staff queue: a tracking code typed in any form, or words of the title and
text (escaped: % and _ are letters), with the other filters, a stable URL, an empty state,
and only the reports the staff member may see (a confidential one included)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from starlette.testclient import TestClient

from gesi_app.reports.models import Status
from tests.casework_support import report_in
from tests.functional.test_staff_queue import codes_in
from tests.staff_support import make_team, sign_in, summary

S = Status


def search(client: TestClient, q: str, lang: str = "en", **more: str) -> object:
    return client.get(f"/staff/queue?{urlencode({'q': q, 'lang': lang, **more})}")


def found(client: TestClient, q: str, **more: str) -> list[str]:
    response = search(client, q, **more)
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    return codes_in(response.text)  # type: ignore[attr-defined]


def test_a_tracking_code_typed_in_any_form_finds_the_report(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    wanted = report_in(database_url, S.DITERIMA, title="Lampu jalan mati")
    other = report_in(database_url, S.DITERIMA, title="Sampah menumpuk")
    code = wanted.tracking_code  # SRA-XXXX-YY
    body = code[4:8] + code[9:]
    sign_in(client, "verifikator")
    for typed in (
        code,
        code.lower(),
        code.replace("-", ""),
        f"  sra {body[:4].lower()} {body[4:].lower()} ",
        f"sra-{body[:4]}-{body[4:]}".lower(),
        body,  # without the SRA
        code[4:],  # "XXXX-YY"
        code[4:8].lower(),  # a part of the code
    ):
        assert found(client, typed) == [code], typed
    assert other.tracking_code not in found(client, body)


def test_words_are_found_in_the_title_and_the_text_whatever_their_case(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    lamp = report_in(
        database_url, S.DITERIMA, title="Lampu jalan mati", description="Gelap sejak Senin malam."
    )
    rubbish = report_in(
        database_url, S.DITERIMA, title="Sampah menumpuk", description="Di jalan pasar, bau."
    )
    sign_in(client, "verifikator")
    assert found(client, "LAMPU") == [lamp.tracking_code]
    assert found(client, "senin") == [lamp.tracking_code]  # in the text
    assert sorted(found(client, "jalan")) == sorted([lamp.tracking_code, rubbish.tracking_code])
    assert found(client, "jalan bau") == [rubbish.tracking_code]  # every word must be there
    assert found(client, "jalan   pasar   sampah") == [rubbish.tracking_code]
    assert found(client, "salju") == []


def test_percent_and_underscore_are_letters_not_wildcards(
    client: TestClient, database_url: str
) -> None:
    make_team(database_url)
    percent = report_in(database_url, S.DITERIMA, title="Tarif naik 50% tanpa kabar")
    underscore = report_in(database_url, S.DITERIMA, title="Formulir kode A_1 hilang")
    plain = report_in(database_url, S.DITERIMA, title="Tarif naik 500 rupiah")
    sign_in(client, "verifikator")
    assert found(client, "50%") == [percent.tracking_code]
    assert found(client, "%") == [percent.tracking_code]
    assert found(client, "A_1") == [underscore.tracking_code]
    assert found(client, "_") == [underscore.tracking_code]
    assert found(client, "50_") == []
    assert sorted(found(client, "tarif")) == sorted([percent.tracking_code, plain.tracking_code])
    assert found(client, "\\") == []


def test_search_goes_with_the_other_filters_and_keeps_a_stable_url(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    open_one = report_in(database_url, S.TERVERIFIKASI, team.agencies["dpupr"], title="Jalan rusak")
    closed = report_in(database_url, S.SELESAI, team.agencies["dpupr"], title="Jalan berlubang")
    health = report_in(
        database_url, S.TERVERIFIKASI, team.agencies["dinkes"], title="Jalan ke puskesmas"
    )
    sign_in(client, "admin")
    assert sorted(found(client, "jalan")) == sorted([open_one.tracking_code, health.tracking_code])
    dpupr = str(team.agencies["dpupr"])
    assert found(client, "jalan", agency=dpupr) == [open_one.tracking_code]
    assert found(client, "jalan", agency=dpupr, status="all") == sorted(
        [open_one.tracking_code, closed.tracking_code],
        key=[open_one.tracking_code, closed.tracking_code].index,
    )
    assert found(client, closed.tracking_code) == []  # closed: not an open report
    assert found(client, closed.tracking_code, status="all") == [closed.tracking_code]
    # The search is kept in the form and in every link the page makes.
    page = search(client, closed.tracking_code.lower()).text  # type: ignore[attr-defined]
    assert f'value="{closed.tracking_code.lower()}"' in page
    assert f"No reports match “{closed.tracking_code.lower()}”." in page
    link = "?" + urlencode({"q": closed.tracking_code.lower(), "status": "all"})
    assert f'href="/staff/queue{link.replace("&", "&amp;")}"' in page


@pytest.mark.parametrize(
    ("lang", "empty", "hint"),
    [
        (
            "en",
            "No reports match “salju tebal”.",
            "Check the code, or try other words or fewer filters.",
        ),
        (
            "id",
            "Tidak ada laporan yang cocok dengan “salju tebal”.",
            "Periksa kodenya, atau coba kata lain atau lebih sedikit saringan.",
        ),
    ],
)
def test_an_empty_search_says_so_in_each_language(
    client: TestClient, database_url: str, lang: str, empty: str, hint: str
) -> None:
    make_team(database_url)
    report_in(database_url, S.DITERIMA, title="Lampu jalan mati")
    sign_in(client, "verifikator")
    page = search(client, "salju tebal", lang=lang).text  # type: ignore[attr-defined]
    assert empty in page
    assert hint in page


def test_a_search_is_escaped_on_the_page(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    page = search(client, '<b>"x"</b>').text  # type: ignore[attr-defined]
    assert "<b>" not in page
    assert "&lt;b&gt;" in page


def test_a_too_long_search_is_refused_and_kept(client: TestClient, database_url: str) -> None:
    make_team(database_url)
    sign_in(client, "verifikator")
    response = search(client, "x" * 101)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert summary(response.text) == {"q": "Write 100 characters or fewer"}  # type: ignore[attr-defined]
    assert f'value="{"x" * 101}"' in response.text  # type: ignore[attr-defined]


def test_confidential_reports_are_found_only_by_staff_who_may_see_them(
    client: TestClient, database_url: str
) -> None:
    team = make_team(database_url)
    theirs = report_in(
        database_url, S.TERVERIFIKASI, team.agencies["dinkes"], title="Obat habis", rahasia=True
    )
    ours = report_in(
        database_url, S.TERVERIFIKASI, team.agencies["dpupr"], title="Obat nyamuk", rahasia=True
    )
    unsent = report_in(database_url, S.DITERIMA, title="Obat kedaluwarsa", rahasia=True)
    sign_in(client, "petugas.pupr")  # an officer of dpupr
    assert found(client, "obat") == [ours.tracking_code]
    assert found(client, theirs.tracking_code) == []
    assert found(client, theirs.tracking_code, status="all") == []
    assert found(client, unsent.tracking_code.replace("-", "").lower()) == []
    sign_in(client, "verifikator")
    assert sorted(found(client, "obat")) == sorted(
        [theirs.tracking_code, ours.tracking_code, unsent.tracking_code]
    )
