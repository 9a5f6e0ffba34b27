"""A reporter's key from the other side: the PIN sent to the reporter's contact, a new PIN
from staff on the reporter's request (audited), and PINs for reports sent before PINs."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app import jobs
from gesi_app.app import create_app
from gesi_app.notifications.delivery import deliver_due
from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from gesi_app.reports.models import Report
from gesi_app.settings import Settings
from gesi_app.tracking import service as tracking
from tests import factories
from tests.casework_support import audit_entries
from tests.conftest import form_token
from tests.functional.reports.journey_helpers import answer_all, send
from tests.functional.tracking_helpers import lookup, summary
from tests.notifications_support import notifying_sessions
from tests.sms_gateway_support import sms_gateway
from tests.staff_support import make_team, sign_in

PIN_IN_TEXT = re.compile(r"\b(\d{6})\b")


def _outbox(url: str, report_id: int) -> list[Outbox]:
    async def go(session: AsyncSession) -> list[Outbox]:
        rows = await session.scalars(
            select(Outbox).where(Outbox.report_id == report_id).order_by(Outbox.id)
        )
        return list(rows)

    found: list[Outbox] = factories.run(url, go)
    return found


def _pin_of(row: Outbox) -> str:
    match = PIN_IN_TEXT.search(row.body)
    assert match is not None, row.body
    return match.group(1)


def _new_pin_page(client: TestClient, code: str, how: str, lang: str = "en") -> object:
    page = client.get(f"/staff/reports/{code}/new-pin", params={"lang": lang})
    assert page.status_code == 200
    return client.post(
        f"/staff/reports/{code}/new-pin",
        params={"lang": lang},
        data={"csrftoken": form_token(page.text), "how": how},
        follow_redirects=False,
    )


def test_a_new_report_sends_its_pin_to_the_contact_and_forgets_it_once_sent(
    client: TestClient, database_url: str
) -> None:
    factories.seed(database_url)
    answer_all(client)  # with email and phone
    send(client)
    done = client.get("/report/done").text
    shown = re.search(r'aria-describedby="pin-spelled">(\d{6})<', done)
    assert shown is not None
    report = factories.run(database_url, lambda s: s.scalar(select(Report)))
    rows = _outbox(database_url, report.id)
    assert {(r.channel, r.kind) for r in rows} == {
        (OutboxChannel.EMAIL, "reporter_key"),
        (OutboxChannel.SMS, "reporter_key"),
    }
    assert all(_pin_of(r) == shown.group(1) and report.tracking_code in r.body for r in rows)
    assert all(len(r.body) <= 160 for r in rows if r.channel is OutboxChannel.SMS)
    with sms_gateway() as gateway:
        sent = factories.run(database_url, lambda s: deliver_due(s, None, gateway.sender()))
    assert sent == 1  # the SMS (no SMTP here: the email waits)
    [request] = gateway.received
    assert shown.group(1) in request.json["message"]
    by_channel = {r.channel: r for r in _outbox(database_url, report.id)}
    assert by_channel[OutboxChannel.SMS].status is OutboxStatus.SENT
    assert by_channel[OutboxChannel.SMS].body == ""  # sent: the PIN is only the reporter's now
    assert shown.group(1) in by_channel[OutboxChannel.EMAIL].body  # still to be sent


@pytest.mark.parametrize("lang", ["en", "id"])
def test_staff_give_a_new_pin_on_request_audited_and_the_old_one_stops_working(
    client: TestClient, settings: Settings, database_url: str, lang: str
) -> None:
    team = make_team(database_url)
    submitted = factories.create_report(database_url, rahasia=True, region_code=None)
    code, old_pin = submitted.report.tracking_code, submitted.pin
    with TestClient(create_app(settings)) as reporter:  # another browser, its own app
        assert lookup(reporter, code, old_pin).status_code == 303
        assert reporter.get(f"/track/{code}").status_code == 200
        sign_in(client, "verifikator")
        report_page = client.get(f"/staff/reports/{code}", params={"lang": lang}).text
        assert f'href="/staff/reports/{code}/new-pin"' in report_page
        # Nothing chosen: a translated error, nothing changed.
        page = client.get(f"/staff/reports/{code}/new-pin", params={"lang": lang})
        refused = client.post(
            f"/staff/reports/{code}/new-pin",
            params={"lang": lang},
            data={"csrftoken": form_token(page.text)},
        )
        assert refused.status_code == 400
        message = {
            "en": "Choose how the reporter gets the new PIN",
            "id": "Pilih cara pelapor menerima PIN baru",
        }[lang]
        assert summary(refused.text) == {"how": message}
        assert audit_entries(database_url, "reporter_key_issued") == []
        given = _new_pin_page(client, code, "show", lang)
        assert given.status_code == 200  # type: ignore[attr-defined]
        assert given.headers["cache-control"] == "no-store"  # type: ignore[attr-defined]
        html = given.text  # type: ignore[attr-defined]
        match = re.search(r'aria-describedby="pin-spelled">(\d{6})<', html)
        assert match is not None
        new_pin = match.group(1)
        spelled = {"en": "Spelled out", "id": "Dieja"}[lang]
        assert f"{spelled}: {' '.join(new_pin)}" in html
        [entry] = audit_entries(database_url, "reporter_key_issued")
        assert entry.actor_id == team.ids["verifikator"]
        assert entry.object_id == code
        assert entry.after == {"delivery": "show", "channels": []}
        assert new_pin not in str(entry.before) + str(entry.after)
        # The old PIN, and the browser's proof made with it, stop working.
        again = reporter.get(f"/track/{code}", follow_redirects=False)
        assert again.status_code == 303
        assert again.headers["location"].endswith(f"/track?code={code}")
        if new_pin != old_pin:
            assert lookup(reporter, code, old_pin).status_code == 400
        assert lookup(reporter, code, new_pin).status_code == 303


def test_staff_can_send_the_new_pin_and_only_verifiers_give_one(
    client: TestClient, settings: Settings, database_url: str
) -> None:
    make_team(database_url)
    submitted = factories.create_report(database_url, rahasia=True, region_code=None)
    code = submitted.report.tracking_code
    sign_in(client, "admin")
    sent = _new_pin_page(client, code, "send")
    assert sent.status_code == 303  # type: ignore[attr-defined]
    assert sent.headers["location"].endswith(f"/staff/reports/{code}?done=new_pin")  # type: ignore[attr-defined]
    assert "A new PIN is on its way" in client.get(sent.headers["location"] + "&lang=en").text  # type: ignore[attr-defined]
    rows = [r for r in _outbox(database_url, submitted.report.id) if r.kind == "reporter_key_new"]
    assert {r.channel for r in rows} == {OutboxChannel.EMAIL, OutboxChannel.SMS}
    with TestClient(create_app(settings)) as reporter:  # another browser, its own app
        assert lookup(reporter, code, _pin_of(rows[0])).status_code == 303
    [entry] = audit_entries(database_url, "reporter_key_issued")
    assert entry.after == {"delivery": "send", "channels": ["email", "sms"]}
    # An agency officer does not give PINs.
    client.cookies.clear()
    sign_in(client, "petugas.pupr")
    assert client.get(f"/staff/reports/{code}/new-pin").status_code == 403


def test_reports_sent_before_pins_get_one_by_message_once(
    database_url: str, tmp_path: Path
) -> None:
    with_contact = factories.create_report(database_url, region_code=None).report
    no_contact = factories.create_report(
        database_url, region_code=None, contact_email=None, contact_phone=None, anonim=True
    ).report

    async def as_before(session: AsyncSession) -> None:  # what a report from before looks like
        await session.execute(update(Report).values(pin_hash=None))
        await session.execute(Outbox.__table__.delete())

    factories.run(database_url, as_before)

    async def run() -> dict[str, int]:
        async with notifying_sessions(database_url) as sessions:
            return await jobs.run_jobs(sessions, tmp_path, hasher=factories.HASHER)

    assert asyncio.run(run())["reporter_keys_sent"] == 1
    rows = _outbox(database_url, with_contact.id)
    assert {(r.channel, r.kind) for r in rows} == {
        (OutboxChannel.EMAIL, "reporter_key_new"),
        (OutboxChannel.SMS, "reporter_key_new"),
    }
    assert _outbox(database_url, no_contact.id) == []
    # Idempotent: the next run finds nothing to do.
    assert asyncio.run(run())["reporter_keys_sent"] == 0
    assert len(_outbox(database_url, with_contact.id)) == 2
    # The PIN in the message opens the report.
    pin = _pin_of(rows[0])
    opened = factories.run(
        database_url,
        lambda s: tracking.unlock(s, with_contact.tracking_code, pin, hasher=factories.HASHER),
    )
    assert opened.id == with_contact.id


@pytest.mark.parametrize(
    ("lang", "email_only"),
    [
        ("en", "Send it to their email (SMS are not sent: no SMS gateway)"),
        ("id", "Kirim ke email pelapor (SMS tidak dikirim: belum ada gateway SMS)"),
    ],
)
def test_without_a_gateway_a_new_pin_is_never_promised_by_sms(
    client: TestClient, database_url: str, lang: str, email_only: str
) -> None:
    make_team(database_url)
    phone_only = factories.create_report(database_url, region_code=None, contact_email=None)
    both = factories.create_report(database_url, region_code=None)
    sign_in(client, "admin")
    page = client.get(f"/staff/reports/{both.report.tracking_code}/new-pin?lang={lang}").text
    assert email_only in page
    code = phone_only.report.tracking_code
    page = client.get(f"/staff/reports/{code}/new-pin?lang={lang}").text
    assert 'value="send"' not in page  # only a phone, and no SMS go out: show it, or nothing
    refused = _new_pin_page(client, code, "send", lang)
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert audit_entries(database_url, "reporter_key_issued") == []
