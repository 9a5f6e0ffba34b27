"""Casework pages in real Chromium with axe-core (queue, report, verify, answer, intake, with
and without errors, in both languages), and verify → answer with the keyboard alone."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from gesi_app.accounts.models import Role
from gesi_app.agencies.service import ensure_agency
from gesi_app.reports.models import Status
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in
from tests.casework_support import load, report_in
from tests.ratings_support import rate

pytestmark = pytest.mark.browser


def new_report(server: LiveServer) -> tuple[int, str]:
    report = factories.create_report(server.database_url).report
    return report.id, report.tracking_code


def test_casework_pages_in_both_languages(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.ADMIN))
    _, code = new_report(live_server)
    for path in (
        "/staff",
        "/staff/queue",
        "/staff/queue?overdue=yes",
        f"/staff/reports/{code}",
        f"/staff/reports/{code}/verify",
        f"/staff/reports/{code}/hold",
        f"/staff/reports/{code}/close",  # 409: cannot be closed now
        "/staff/intake",
    ):
        harness.check_page_languages(driver, live_server.url(path))
    harness.check_page(driver, live_server.url("/staff/queue"), width=320)
    harness.check_page(driver, live_server.url(f"/staff/reports/{code}"), text_zoom=200)


def test_a_rated_report_and_the_queue_in_both_languages(
    driver: WebDriver, live_server: LiveServer
) -> None:
    """The reporter's rating and comment on the report page, and its mark in the queue."""
    sign_in(driver, live_server, new_staff(live_server, Role.ADMIN))
    agency = factories.run(
        live_server.database_url,
        lambda s: ensure_agency(s, "dinsos-rating", "Dinas Sosial", "Social Affairs Agency"),
    )
    report = report_in(live_server.database_url, Status.DITINDAKLANJUTI, agency.id)
    rate(live_server.database_url, report, 2, "Jawabannya belum menjawab masalah saya.")
    code = report.tracking_code
    for path in (f"/staff/reports/{code}", "/staff/queue?status=all"):
        harness.check_page_languages(driver, live_server.url(path))
    driver.get(live_server.url(f"/staff/reports/{code}", lang="id"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "2 – Buruk (dari 5)" in main
    assert "Jawabannya belum menjawab masalah saya." in main
    harness.check_page(driver, live_server.url(f"/staff/reports/{code}", lang="en"), width=320)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_casework_forms_with_errors(driver: WebDriver, live_server: LiveServer, lang: str) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.ADMIN))
    report_id, code = new_report(live_server)
    factories.move_report(live_server.database_url, report_id)  # still received
    for path in (f"/staff/reports/{code}/verify", f"/staff/reports/{code}/hold", "/staff/intake"):
        driver.get(live_server.url(path, lang=lang))
        if path.endswith("/verify"):
            driver.find_element(By.ID, "public_title").clear()
        driver.find_element(
            By.CSS_SELECTOR, "main form button.button:not(.button-secondary)"
        ).click()
        summary = harness.wait_for(driver, ".error-summary")
        assert keyboard.active(driver) == summary
        harness.check_current_page(driver)
    harness.check_page(driver, live_server.url("/staff/queue?status=nope", lang=lang), js=False)


def test_verify_then_answer_with_the_keyboard_alone(
    driver: WebDriver, live_server: LiveServer
) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.ADMIN))
    report_id, code = new_report(live_server)
    driver.get(live_server.url(f"/staff/reports/{code}", lang="en"))
    keyboard.tab_to(driver, lambda e: e.text == "Verify and send to an agency", max_tabs=40)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "/verify")
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "agency", max_tabs=40)
    keyboard.press(driver, Keys.DOWN)  # the first agency
    keyboard.tab_to(driver, lambda e: e.text == "Verify and send", max_tabs=20)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "done=verify")
    assert load(live_server.database_url, report_id).status is Status.TERVERIFIKASI
    harness.check_current_page(driver)

    keyboard.tab_to(driver, lambda e: e.text == "Answer the reporter", max_tabs=40)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "/answer")
    harness.check_current_page(driver)
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "template", max_tabs=40)
    keyboard.press(driver, Keys.DOWN)
    keyboard.tab_to(driver, lambda e: e.text == "Put template in the answer", max_tabs=3)
    keyboard.press(driver, Keys.ENTER)
    # The answer box is put back with the template in it: wait for the new one, not the old.
    filled = "var a = document.getElementById('answer'); return a ? a.value : ''"
    WebDriverWait(driver, 10).until(
        lambda d: "Thank you for your report." in d.execute_script(filled)
    )
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "answer", max_tabs=40)
    keyboard.active(driver).send_keys(Keys.CONTROL, "a")
    keyboard.active(driver).send_keys("Jalan sudah kami tambal hari ini.")
    keyboard.tab_to(driver, lambda e: e.text == "Send the answer", max_tabs=5)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, "done=answer")
    after = load(live_server.database_url, report_id)
    assert after.status is Status.DITINDAKLANJUTI
    assert after.messages[-1].body == "Jalan sudah kami tambal hari ini."
    assert "Jalan sudah kami tambal hari ini." in driver.find_element(By.TAG_NAME, "main").text
