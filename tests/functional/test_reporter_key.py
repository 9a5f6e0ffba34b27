"""The reporter's key: the code is public, so acting as the reporter needs the code and the PIN
of every report; the PIN reaches the reporter without passing through the session cookie;
guessing is limited per report, whatever the address."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re

import pytest
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.db.base import utcnow
from gesi_app.settings import Settings
from gesi_app.tracking import keys
from gesi_app.tracking import service as tracking
from tests import factories
from tests.conftest import form_token
from tests.functional.reports.journey_helpers import answer_all, send
from tests.functional.tracking_helpers import load, lookup, rating, summary, title

ANSWER = "Jalan akan diperbaiki minggu depan oleh tim kami."


@pytest.fixture
def url(settings: Settings) -> str:
    factories.seed(settings.database_url)
    return settings.database_url


def _session(client: TestClient) -> dict[str, object]:
    """What Starlette's session cookie holds: signed with itsdangerous, readable by anyone."""
    cookie = client.cookies.get("suara_session")
    assert cookie
    payload = cookie.split(".")[0]
    decoded: dict[str, object] = json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))
    return decoded


def _post(client: TestClient, path: str, data: dict[str, str]) -> object:
    token = form_token(client.get("/track").text)
    return client.post(path, data={"csrftoken": token, **data}, follow_redirects=False)


@pytest.mark.parametrize("rahasia", [True, False], ids=["not-public", "public"])
def test_a_stranger_with_only_the_code_of_a_named_report_cannot_read_reply_or_rate(
    client: TestClient, url: str, rahasia: bool
) -> None:
    submitted = factories.create_report(url, rahasia=rahasia)  # sent with a name
    report = submitted.report
    code = report.tracking_code
    factories.publish_report(url, report.id)  # verified: public unless rahasia
    factories.answer_report(url, report.id, ANSWER)
    page = client.get(f"/track/{code}", follow_redirects=False)
    assert page.status_code == 303
    where = page.headers["location"]
    # Exactly the public page of a public report, otherwise the question for code and PIN.
    assert where.endswith(f"/reports/{code}" if not rahasia else f"/track?code={code}")
    shown = client.get(where).text
    assert "Siti Rahma" not in shown and "siti@example.org" not in shown
    assert 'name="reply"' not in shown and 'name="score"' not in shown
    for action, data in (("reply", {"reply": "Bukan pelapornya."}), ("rating", {"score": "1"})):
        refused = _post(client, f"/track/{code}/{action}", data)
        assert refused.status_code == 303  # type: ignore[attr-defined]
        assert refused.headers["location"].endswith(f"/track?code={code}")  # type: ignore[attr-defined]
    stored = load(url, report.id)
    assert [m.body for m in stored.messages] == [ANSWER]
    assert stored.status is factories.Status.DITINDAKLANJUTI  # not reopened by a stranger
    assert rating(url, report.id) is None  # the real reporter can still rate
    # With the code and the PIN, the reporter reads, replies and rates.
    assert lookup(client, code, submitted.pin).status_code == 303
    mine = client.get(f"/track/{code}")
    assert mine.status_code == 200 and ANSWER in mine.text
    assert _post(client, f"/track/{code}/rating", {"score": "4"}).status_code == 303  # type: ignore[attr-defined]
    assert rating(url, report.id) is not None


def test_the_pin_is_shown_once_spelled_out_and_never_put_in_the_session_cookie(
    client: TestClient, url: str
) -> None:
    answer_all(client)  # a report sent with a name, email and phone
    response = send(client)
    assert response.status_code == 303
    assert "pin" not in json.dumps(_session(client)).lower()
    done = client.get("/report/done")
    assert done.headers["cache-control"] == "no-store"
    match = re.search(
        r'<p class="pin"><strong aria-describedby="pin-spelled">(\d{6})</strong>', done.text
    )
    assert match is not None
    pin = match.group(1)
    assert f'<p id="pin-spelled" class="visually-hidden">Dieja: {" ".join(pin)}</p>' in done.text
    assert pin not in json.dumps(_session(client))
    assert pin not in done.headers.get("set-cookie", "")
    # A second view has the code, not the PIN: it is only in the reporter's hands now.
    again = client.get("/report/done", params={"lang": "en"})
    assert again.status_code == 200
    assert pin not in again.text
    assert "Your PIN was shown once" in again.text
    code = re.search(r'aria-describedby="code-spelled">([A-Z0-9-]+)<', again.text)
    assert code is not None
    # The code and that PIN open the report.
    assert lookup(client, code.group(1), pin).status_code == 303
    assert pin not in json.dumps(_session(client))


def test_wrong_pins_from_many_addresses_make_the_reports_pin_wait(
    client: TestClient, settings: Settings, url: str
) -> None:
    submitted = factories.create_report(url, rahasia=True)
    other = factories.create_report(url, rahasia=True)
    code, pin = submitted.report.tracking_code, submitted.pin
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    app = create_app(settings)  # each address below also has its own per-address limit
    answers = []
    for n in range(keys.FAILURES_ALLOWED):
        with TestClient(app, client=(f"203.0.113.{n + 1}", 50000)) as guesser:
            answers.append(lookup(guesser, code, wrong).status_code)
    assert answers == [400] * (keys.FAILURES_ALLOWED - 1) + [429]
    for lang, heading, help_text in (
        ("id", "Tunggu sebelum mencoba PIN lagi", "Minta bantuan kami"),
        ("en", "Wait before you try the PIN again", "Ask us for help"),
    ):
        with TestClient(app, client=("198.51.100.7", 50000)) as reporter:
            locked = lookup(reporter, code, pin, lang=lang)  # even the right PIN waits
            assert locked.status_code == 429
            assert title(locked.text).startswith(heading)
            assert help_text in locked.text
            assert locked.headers["cache-control"] == "no-store"
            assert re.search(r'<time datetime="[0-9T:+.-]+">', locked.text)
            proven = json.dumps(_session(reporter)) if "suara_session" in reporter.cookies else ""
            assert code not in proven
    # Another report is not affected.
    with TestClient(app, client=("198.51.100.8", 50000)) as reporter:
        assert lookup(reporter, other.report.tracking_code, other.pin).status_code == 303
    # After the wait the right PIN works again; the next wait is longer.
    later = utcnow() + keys.FIRST_WAIT + dt.timedelta(minutes=1)
    opened = factories.run(
        url, lambda s: tracking.unlock(s, code, pin, hasher=factories.HASHER, now=later)
    )
    assert opened.id == submitted.report.id
    assert keys.wait_after(2) == 2 * keys.FIRST_WAIT


def test_the_lookup_form_asks_for_the_pin_of_every_report(client: TestClient, url: str) -> None:
    submitted = factories.create_report(url)  # sent with a name: today the code alone opens it
    response = lookup(client, submitted.report.tracking_code, "", lang="en")
    assert response.status_code == 400
    assert summary(response.text) == {
        "pin": "Enter your PIN. It has 6 digits and came with your tracking code"
    }
