"""Forum pages in real Chromium with axe-core, in both languages, with JavaScript on and off;
the live board receiving an input, paused and resumed; quick capture by keyboard alone."""

from __future__ import annotations

import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user
from gesi_app.forums.models import Forum
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.forums_support import add_forum, send_input

pytestmark = pytest.mark.browser
PASSWORD = "browser test password"


def facilitator(server: LiveServer) -> tuple[int, str]:
    username = f"f.{uuid.uuid4().hex[:8]}"

    async def work(session: AsyncSession) -> int:
        user = await create_user(
            session,
            username=username,
            full_name=f"Fasilitator {username}",
            role=Role.FACILITATOR,
            password=PASSWORD,
            password_hash=factories.HASHER.hash(PASSWORD),
        )
        return user.id

    return factories.run(server.database_url, work), username


def sign_in(driver: WebDriver, server: LiveServer, username: str) -> None:
    driver.get(server.url("/staff/login"))
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    harness.wait_for(driver, ".staff-nav")


def forum_with_inputs(server: LiveServer, user_id: int) -> Forum:
    forum = add_forum(server.database_url, user_id)
    send_input(server.base_url, forum.join_code, "Antrean di loket terlalu panjang")
    return forum


def check(driver: WebDriver, mode: Mode) -> None:
    """Check this page, then put the mode back (the check turns scripts on again)."""
    harness.check_current_page(driver, mode)
    harness.apply_mode(driver, mode)


def submit(driver: WebDriver) -> None:
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]:last-of-type").click()


def test_public_forum_pages(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, _ = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    for path in ("/forums", f"/forums/{code}", f"/forums/{code}/board", "/forums/222222"):
        harness.check_page_languages(driver, live_server.url(path))
    for js in (True, False):
        mode = Mode(js=js)
        for lang in ("id", "en"):
            with harness.mode_applied(driver, mode):
                driver.get(live_server.url("/forums", code="K7", lang=lang))  # a wrong code
                check(driver, mode)
                driver.delete_all_cookies()
                driver.get(live_server.url(f"/forums/{code}", lang=lang))
                driver.find_element(By.CSS_SELECTOR, "label[for='gender']").click()
                driver.find_element(By.CSS_SELECTOR, "#join ~ form button[type=submit]").click()
                harness.wait_for(driver, ".error-summary")  # segment answer without consent
                check(driver, mode)
                driver.find_element(By.CSS_SELECTOR, "label[for='consent']").click()
                driver.find_element(By.CSS_SELECTOR, "#join ~ form button[type=submit]").click()
                harness.wait_for(driver, "#add-input")
                driver.find_element(
                    By.CSS_SELECTOR, "#add-input ~ form button[type=submit]"
                ).click()
                harness.wait_for(driver, ".error-summary")  # no agenda item, no text
                check(driver, mode)
                driver.find_element(By.CSS_SELECTOR, "label[for='agenda_item']").click()
                driver.find_element(By.ID, "text").send_keys("Tambah kursi roda di puskesmas")
                driver.find_element(
                    By.CSS_SELECTOR, "#add-input ~ form button[type=submit]"
                ).click()
                harness.wait_for_url(driver, "added=1")
                check(driver, mode)


def test_staff_forum_pages(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, username = facilitator(live_server)
    forum = forum_with_inputs(live_server, user_id)
    code = forum.join_code
    sign_in(driver, live_server, username)
    for path in (
        "/staff/forums",
        "/staff/forums/new",
        f"/staff/forums/{code}",
        f"/staff/forums/{code}/invitation",
        f"/staff/forums/{code}/capture",
        f"/staff/forums/{code}/attendance",
        f"/staff/forums/{code}/minutes",
    ):
        harness.check_page_languages(driver, live_server.url(path))
    for lang in ("id", "en"):
        for path in ("/staff/forums/new", f"/staff/forums/{code}/attendance"):
            driver.get(live_server.url(path, lang=lang))
            submit(driver)
            harness.wait_for(driver, ".error-summary")
            harness.check_current_page(driver)
        driver.get(live_server.url(f"/staff/forums/{code}/capture", lang=lang))
        submit(driver)
        harness.wait_for(driver, ".error-summary")
        harness.check_current_page(driver)


def test_the_board_shows_a_new_input_announces_a_count_and_pauses(
    driver: WebDriver, live_server: LiveServer
) -> None:
    user_id, _ = facilitator(live_server)
    forum = add_forum(live_server.database_url, user_id)
    code = forum.join_code
    driver.get(live_server.url(f"/forums/{code}/board", lang="en"))
    pause = harness.wait_for(driver, "#board-control button")
    status = driver.find_element(By.ID, "live-status")
    assert status.text == ""
    send_input(live_server.base_url, code, "Papan informasi huruf besar")
    wait = WebDriverWait(driver, 10)
    wait.until(
        lambda d: (
            "Papan informasi huruf besar"
            in d.find_element(By.ID, f"item-{forum.agenda[0].id}").text
        )
    )
    wait.until(lambda d: status.text == "1 new input")
    harness.check_current_page(driver)
    pause.click()
    assert pause.get_attribute("aria-pressed") == "true"
    send_input(live_server.base_url, code, "Juru bahasa isyarat di depan")
    wait.until(lambda d: "1 waiting" in pause.text)
    assert "Juru bahasa isyarat" not in driver.find_element(By.CLASS_NAME, "board").text
    harness.check_current_page(driver)
    pause.click()
    assert "Juru bahasa isyarat di depan" in driver.find_element(By.CLASS_NAME, "board").text


def test_the_participant_page_holds_new_inputs_until_asked(
    driver: WebDriver, live_server: LiveServer
) -> None:
    user_id, _ = facilitator(live_server)
    forum = add_forum(live_server.database_url, user_id)
    code = forum.join_code
    driver.get(live_server.url(f"/forums/{code}", lang="en"))
    show = harness.wait_for(driver, "#everyone-new button")
    assert show.text == "No new inputs"
    send_input(live_server.base_url, code, "Jalan ke balai desa gelap")
    WebDriverWait(driver, 10).until(lambda d: show.text == "1 new input – show")
    assert "Jalan ke balai desa gelap" not in driver.find_element(By.ID, "everyone-list").text
    harness.check_current_page(driver)
    # Past the join form (each question has its audio controls): start at the board link.
    board_link = driver.find_element(By.CSS_SELECTOR, "#everyone + p a")
    driver.execute_script("arguments[0].focus()", board_link)
    keyboard.tab_to(driver, show)
    keyboard.press(driver, Keys.ENTER)
    assert "Jalan ke balai desa gelap" in driver.find_element(By.ID, "everyone-list").text
    assert keyboard.active(driver) == show and show.text == "No new inputs"


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_quick_capture_by_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, js: bool
) -> None:
    user_id, username = facilitator(live_server)
    forum = add_forum(live_server.database_url, user_id)
    sign_in(driver, live_server, username)
    mode = Mode(js=js)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url(f"/staff/forums/{forum.join_code}/capture", lang="en"))
        box = driver.find_element(By.ID, "text")
        assert keyboard.active(driver) == box  # autofocus: ready to type
        # Back to the agenda items (none chosen: focus lands on the last), Space chooses it.
        keyboard.tab_to(driver, lambda e: e.get_attribute("name") == "agenda_item", backwards=True)
        assert keyboard.active(driver).get_attribute("id") == "agenda_item-2"
        keyboard.press(driver, Keys.SPACE)
        assert driver.find_element(By.ID, "agenda_item-2").is_selected()
        keyboard.tab_to(driver, lambda e: e.get_attribute("name") == "gender")
        keyboard.press(driver, Keys.ARROW_RIGHT)  # Not known -> Woman
        keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "text")
        for n, text in enumerate(["Obat sering habis", "Apotek tutup jam 12"], start=1):
            keyboard.active(driver).send_keys(text, Keys.ENTER)
            if js:
                saved = f"Saved. {n} input{'s' if n > 1 else ''} so far."
                WebDriverWait(driver, 10).until(
                    lambda d, saved=saved: d.find_element(By.ID, "live-status").text == saved
                )
            else:
                harness.wait_for_url(driver, "saved=1")
                WebDriverWait(driver, 10).until(
                    lambda d, n=n: f"Saved. {n} input" in d.find_element(By.ID, "main").text
                )
            box = driver.find_element(By.ID, "text")
            assert keyboard.active(driver) == box and box.get_attribute("value") == ""
            assert driver.find_element(By.ID, "agenda_item-2").is_selected()
            assert driver.find_element(
                By.CSS_SELECTOR, "input[name=gender][value=woman]"
            ).is_selected()
            assert text in driver.find_element(By.ID, "capture-recent").text
        if js:  # a single-key shortcut on a choice: 1 picks the first agenda item
            keyboard.tab_to(
                driver, lambda e: e.get_attribute("name") == "agenda_item", backwards=True
            )
            keyboard.press(driver, "1")
            assert driver.find_element(By.ID, "agenda_item").is_selected()
        harness.check_current_page(driver, mode)
