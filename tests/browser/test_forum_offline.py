"""Quick capture through a dropped connection, in real Chromium: with the network emulated
offline (DevTools), three inputs typed are kept in the browser with a visible, announced
"3 inputs waiting to send"; back online they all arrive, once each, in the order typed."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.forums.models import ForumInput
from tests import factories
from tests.browser import harness
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator, sign_in
from tests.forums_support import add_forum

pytestmark = pytest.mark.browser

ONLINE = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


def stored(server: LiveServer, forum_id: int) -> list[tuple[str, bool]]:
    async def work(session: AsyncSession) -> list[tuple[str, bool]]:
        rows = await session.scalars(
            select(ForumInput).where(ForumInput.forum_id == forum_id).order_by(ForumInput.id)
        )
        return [(i.text, i.client_key is not None) for i in rows]

    found: list[tuple[str, bool]] = factories.run(server.database_url, work)
    return found


def test_inputs_typed_offline_arrive_once_in_order_when_back_online(
    driver: WebDriver, live_server: LiveServer
) -> None:
    user_id, username = facilitator(live_server)
    forum = add_forum(live_server.database_url, user_id)
    sign_in(driver, live_server, username)
    driver.get(live_server.url(f"/staff/forums/{forum.join_code}/capture", lang="en"))
    driver.find_element(By.ID, "agenda_item").click()
    waiting = driver.find_element(By.ID, "capture-waiting")
    assert waiting.get_attribute("role") == "status" and waiting.text == ""
    box = driver.find_element(By.ID, "text")
    wait = WebDriverWait(driver, 20)
    driver.execute_cdp_cmd("Network.enable", {})
    try:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {**ONLINE, "offline": True})
        wait.until(lambda d: d.execute_script("return navigator.onLine") is False)
        for text in ("Pertama: jalan rusak", "Kedua: lampu mati", "Ketiga: air keruh"):
            box.send_keys(text, Keys.ENTER)
            wait.until(lambda d: box.get_attribute("value") == "")
        wait.until(lambda d: waiting.text == "3 inputs waiting to send")
        assert stored(live_server, forum.id) == []
        assert driver.switch_to.active_element == box  # ready for the next one
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", ONLINE)
    wait.until(lambda d: waiting.text == "All inputs sent.")
    assert stored(live_server, forum.id) == [
        ("Pertama: jalan rusak", True),
        ("Kedua: lampu mati", True),
        ("Ketiga: air keruh", True),
    ]
    recent = driver.find_element(By.ID, "capture-recent").text
    assert recent.index("Ketiga") < recent.index("Pertama")  # newest first
    driver.execute_cdp_cmd("Network.disable", {})
    harness.check_current_page(driver)
    # Nothing is left to send again: a reload sends nothing more.
    driver.refresh()
    harness.wait_for(driver, "#capture-waiting")
    assert len(stored(live_server, forum.id)) == 3
