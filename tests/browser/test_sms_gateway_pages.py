"""With an SMS gateway set up, the admins' messages page offers to send the SMS that were not
sent before it, in real Chromium with axe, in both languages, with scripts on and off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.notifications.models import Outbox, OutboxChannel, OutboxStatus
from tests import factories
from tests.browser import harness, server
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in

pytestmark = pytest.mark.browser

# Nothing listens on the discard port: an SMS sent again waits for another try, never leaves.
GATEWAY = {"GESI_SMS_URL": "http://127.0.0.1:9/v1/sms", "GESI_SMS_TOKEN": "browser-test-token"}


@pytest.fixture(scope="module")
def gateway_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with server.live_server(tmp_path_factory.mktemp("live-sms"), **GATEWAY) as running:
        yield running


def not_sent(live: LiveServer, report_id: int) -> None:
    async def work(session: AsyncSession) -> None:
        session.add(
            Outbox(
                report_id=report_id, channel=OutboxChannel.SMS, recipient="+6281234567890",
                locale="id", kind="verified", subject="Diperiksa", body="Isi pesan",
                status=OutboxStatus.NO_GATEWAY, last_error="no SMS gateway (GESI_SMS_URL)",
            )
        )  # fmt: skip

    factories.run(live.database_url, work)


def statuses(live: LiveServer) -> list[OutboxStatus]:
    async def work(session: AsyncSession) -> list[OutboxStatus]:
        query = select(Outbox.status).where(Outbox.channel == OutboxChannel.SMS)
        return list(await session.scalars(query))

    found: list[OutboxStatus] = factories.run(live.database_url, work)
    return found


@pytest.mark.parametrize("mode", [Mode(), Mode(js=False)], ids=["js", "no-js"])
def test_sending_the_sms_not_sent_once_a_gateway_is_set_up(
    driver: WebDriver, gateway_server: LiveServer, mode: Mode
) -> None:
    sign_in(driver, gateway_server, new_staff(gateway_server))
    report = factories.create_report(gateway_server.database_url, contact_phone=None).report
    not_sent(gateway_server, report.id)
    harness.check_page_languages(driver, gateway_server.url("/staff/notifications"))
    harness.check_page(driver, gateway_server.url("/staff/notifications", lang="id"), width=320)
    with harness.mode_applied(driver, mode):
        driver.get(gateway_server.url("/staff/notifications", lang="en"))
        assert (
            "SMS was not sent: there was no SMS gateway then"
            in driver.find_element(By.ID, "sms-off").text
        )
        driver.find_element(By.CSS_SELECTOR, "#sms-off button[type=submit]").click()
        harness.wait_for_url(driver, "resent=1")
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "The SMS will be sent in the next minute" in main
        assert "no SMS gateway then" not in main
        harness.check_current_page(driver, mode)
    assert OutboxStatus.NO_GATEWAY not in statuses(gateway_server)
