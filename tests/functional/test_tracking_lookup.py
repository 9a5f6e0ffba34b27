"""Looking a report up: the code as people type it, the PIN every report has, errors that
reveal nothing, and a limit on guessing."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.settings import Settings
from tests import factories
from tests.functional.tracking_helpers import lookup, main, summary, title


@pytest.fixture
def url(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


@pytest.mark.parametrize(
    "typed",
    [
        lambda c: c,
        lambda c: c.lower(),
        lambda c: c.replace("-", ""),
        lambda c: c.replace("-", " ").lower(),
        lambda c: " " + " ".join(c.replace("-", "")) + " ",
        lambda c: c[4:].lower(),  # without the SRA prefix
    ],
    ids=[
        "as-given",
        "lowercase",
        "no-dashes",
        "spaces-lowercase",
        "every-letter-spaced",
        "no-prefix",
    ],
)
def test_the_code_is_found_however_it_is_typed(client: TestClient, url: str, typed: object) -> None:
    submitted = factories.create_report(url)
    report = submitted.report
    assert callable(typed)
    response = lookup(client, typed(report.tracking_code), submitted.pin)
    assert response.status_code == 303
    assert response.headers["location"].endswith(f"/track/{report.tracking_code}")
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    assert "<h1>Jalan berlubang di Jl. Raya Balaraja</h1>" in page.text


@pytest.mark.parametrize(
    ("form", "lang", "messages"),
    [
        ({"code": "", "pin": "123456"}, "id", {"code": "Tulis kode lacak Anda"}),
        ({"code": "   ", "pin": "123456"}, "en", {"code": "Enter your tracking code"}),
        (
            {"code": "SRA-7K4Q", "pin": "123456"},
            "id",
            {"code": "Tulis kode lacak seperti yang Anda terima, misalnya SRA-7K4Q-2M"},
        ),
        (
            {"code": "SRA-0O1I-LL", "pin": "123456"},  # look-alike letters are never in a code
            "en",
            {"code": "Enter the tracking code as it was given to you, for example SRA-7K4Q-2M"},
        ),
        (
            {"code": "SRA-7K4Q-2M", "pin": "12ab"},
            "id",
            {"pin": "Tulis PIN berupa 6 angka, misalnya 123456"},
        ),
        (
            {"code": "SRA-7K4Q-2M", "pin": ""},  # every report has a PIN now
            "en",
            {"pin": "Enter your PIN. It has 6 digits and came with your tracking code"},
        ),
        (
            {"code": "SRA-7K4Q-2M", "pin": "  "},
            "id",
            {"pin": "Tulis PIN Anda. PIN berupa 6 angka dan Anda terima bersama kode lacak"},
        ),
        (
            {"code": "", "pin": "1234567"},
            "en",
            {
                "code": "Enter your tracking code",
                "pin": "Enter the PIN as 6 digits, for example 123456",
            },
        ),
    ],
)
def test_bad_input_shows_errors_and_keeps_what_was_typed(
    client: TestClient, url: str, form: dict[str, str], lang: str, messages: dict[str, str]
) -> None:
    response = lookup(client, form["code"], form["pin"], lang=lang)
    assert response.status_code == 400
    prefix = "Kesalahan:" if lang == "id" else "Error:"
    assert title(response.text).startswith(prefix)
    assert summary(response.text) == messages
    for field, message in messages.items():
        assert f'id="{field}-error"' in response.text
        assert f'<span class="visually-hidden">{prefix}</span> {message}' in response.text
        assert f'aria-describedby="{field}-hint {field}-error" aria-invalid="true"' in response.text
    assert f'name="code" type="text"\n         value="{form["code"]}"' in response.text
    assert f'value="{form["pin"]}"' in response.text
    assert "tracked" not in response.headers.get("set-cookie", "")


def test_the_page_asks_one_question_with_the_label_as_heading(client: TestClient) -> None:
    page = client.get("/track", params={"lang": "en"})
    assert page.status_code == 200
    assert title(page.text) == "What is your tracking code? – Suara"
    assert (
        '<h1 class="label-heading"><label for="code">What is your tracking code?</label></h1>'
        in (page.text)
    )
    assert "for example SRA-7K4Q-2M" in page.text
    assert "It has 6 digits. You got it with your tracking code." in page.text
    assert main(page.text).count("<h1") == 1


@pytest.mark.parametrize("anonim", [False, True], ids=["named", "anonymous"])
def test_every_report_needs_its_pin(client: TestClient, url: str, anonim: bool) -> None:
    submitted = factories.create_report(url, anonim=anonim, rahasia=True)
    code, pin = submitted.report.tracking_code, submitted.pin
    without = lookup(client, code)
    assert without.status_code == 400
    assert summary(without.text) == {
        "pin": "Tulis PIN Anda. PIN berupa 6 angka dan Anda terima bersama kode lacak"
    }
    # The page itself sends a browser without the PIN back to the question, code filled in.
    direct = client.get(f"/track/{code}", follow_redirects=False)
    assert direct.status_code == 303
    assert direct.headers["location"].endswith(f"/track?code={code}")
    assert f'value="{code}"' in client.get(direct.headers["location"]).text
    # With the PIN, the browser may see the report from now on.
    found = lookup(client, code.lower(), f" {pin[:3]} {pin[3:]} ")
    assert found.status_code == 303
    page = client.get(f"/track/{code}")
    assert page.status_code == 200
    assert "Jalan berlubang" in page.text
    assert page.headers["cache-control"] == "no-store"
    # Another browser (no cookies) still needs the PIN.
    client.cookies.clear()
    assert client.get(f"/track/{code}", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("id", "Kami tidak menemukan laporan dengan kode dan PIN itu. Periksa lalu coba lagi"),
        ("en", "We cannot find a report with that code and PIN. Check them and try again"),
    ],
)
def test_a_wrong_pin_and_an_unknown_code_get_the_same_neutral_answer(
    client: TestClient, url: str, lang: str, message: str
) -> None:
    submitted = factories.create_report(url, rahasia=True)
    wrong_pin = f"{(int(submitted.pin) + 1) % 1_000_000:06d}"
    wrong = lookup(client, submitted.report.tracking_code, wrong_pin, lang=lang)
    unknown_code = (
        "SRA-2222-22" if submitted.report.tracking_code != "SRA-2222-22" else "SRA-3333-33"
    )
    unknown = lookup(client, unknown_code, wrong_pin, lang=lang)
    assert wrong.status_code == unknown.status_code == 400
    assert summary(wrong.text) == summary(unknown.text) == {"code": message}
    # The wrong PIN is not written back into the page.
    assert f'value="{wrong_pin}"' not in wrong.text
    # Without a PIN, an unknown code and a report's code look the same too.
    no_pin_unknown = lookup(client, unknown_code, lang=lang)
    no_pin_known = lookup(client, submitted.report.tracking_code, lang=lang)
    assert summary(no_pin_unknown.text) == summary(no_pin_known.text)
    # So do their pages, for a browser that did not prove anything.
    known_page = client.get(f"/track/{submitted.report.tracking_code}", follow_redirects=False)
    unknown_page = client.get(f"/track/{unknown_code}", follow_redirects=False)
    assert known_page.status_code == unknown_page.status_code == 303
    assert known_page.headers["location"].split("?")[0] == "http://testserver/track"
    assert unknown_page.headers["location"].split("?")[0] == "http://testserver/track"
    assert known_page.text == unknown_page.text


def test_a_stranger_with_the_code_of_a_public_report_sees_the_public_page(
    client: TestClient, url: str
) -> None:
    submitted = factories.create_report(url)  # sent with a name, not rahasia
    code = submitted.report.tracking_code
    factories.publish_report(url, submitted.report.id)  # public once verified
    page = client.get(f"/track/{code}", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"].endswith(f"/reports/{code}")
    public = client.get(page.headers["location"], params={"lang": "en"})
    assert public.status_code == 200
    assert "Siti Rahma" not in public.text
    assert f'href="/track?code={code}"' in public.text  # the way in for the reporter
    # The address as typed by hand is corrected to the canonical one.
    lower = client.get(f"/track/{code.lower()}", follow_redirects=False)
    assert lower.status_code == 303
    assert lower.headers["location"].endswith(f"/track/{code}")


def test_a_code_that_cannot_be_a_code_is_not_found(client: TestClient, url: str) -> None:
    response = client.get("/track/not-a-code", params={"lang": "en"})
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


def test_too_many_failed_lookups_are_refused_for_a_while(
    client: TestClient, settings: Settings, url: str
) -> None:
    submitted = factories.create_report(url)
    report = submitted.report
    for _ in range(10):
        assert lookup(client, "SRA-2222-22", "123456").status_code == 400
    refused = lookup(client, report.tracking_code, submitted.pin)
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "60"
    assert "Tunggu 1 menit" in refused.text
    # The limit is per address: another address is not affected. The counts are in the
    # database, so a second app process on it sees them too.
    other_app = create_app(settings)
    with TestClient(other_app, client=("203.0.113.9", 50000)) as other:
        assert lookup(other, report.tracking_code, submitted.pin).status_code == 303


def test_successful_lookups_do_not_count_as_failures(client: TestClient, url: str) -> None:
    submitted = factories.create_report(url)
    for _ in range(12):
        assert lookup(client, submitted.report.tracking_code, submitted.pin).status_code == 303
