"""The reporter's key in real Chromium with axe-core, in Indonesian and English, JavaScript on
and off: the confirmation page with its PIN (shown once, spelled out), the PIN question, the
page that says a report's PIN waits, and the staff pages that give a new PIN."""

from __future__ import annotations

import contextlib
import re

import pytest
from httpx2 import Client
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from gesi_app.accounts.models import Role
from gesi_app.reports.service import Submitted
from gesi_app.tracking import keys
from gesi_app.tracking import service as tracking
from tests import factories
from tests.browser import harness
from tests.browser.harness import Mode
from tests.browser.report_journey import press_button
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in
from tests.functional.reports.journey_helpers import answer_all

pytestmark = pytest.mark.browser
MODES = [(lang, js) for lang in ("id", "en") for js in (True, False)]
SPELLED = {"id": "Dieja", "en": "Spelled out"}


def prove(driver: WebDriver, server: LiveServer, code: str, pin: str, lang: str = "en") -> None:
    """Type the code (already filled in) and the PIN on the question, as the reporter would."""
    driver.get(server.url("/track", code=code, lang=lang))
    driver.find_element(By.ID, "pin").send_keys(pin)
    press_button(driver)


@pytest.mark.parametrize(("lang", "js"), MODES, ids=[f"{lang}-js-{js}" for lang, js in MODES])
def test_the_confirmation_page_shows_the_pin_once_spelled_out(
    driver: WebDriver, live_server: LiveServer, lang: str, js: bool
) -> None:
    # The answers go over HTTP (the journey's pages have tests of their own); the report is
    # sent, and its confirmation read, in the browser.
    with Client(base_url=live_server.base_url) as http:
        answer_all(http)  # type: ignore[arg-type]  # the same API as the test client
        draft = http.cookies.get("suara_draft")
    assert draft
    driver.get(live_server.url("/report"))
    driver.add_cookie({"name": "suara_draft", "value": draft, "path": "/report"})
    mode = Mode(js=js)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/report/check", lang=lang))
        press_button(driver)
        pin = driver.find_element(By.CSS_SELECTOR, ".pin strong").text
        assert re.fullmatch(r"\d{6}", pin)
        spelled = driver.find_element(By.ID, "pin-spelled").get_attribute("textContent")
        assert spelled == f"{SPELLED[lang]}: {' '.join(pin)}"
        harness.check_current_page(driver, mode)
    driver.get(live_server.url("/report/done", lang=lang))
    assert pin not in driver.page_source  # once only
    harness.check_current_page(driver)


@pytest.mark.parametrize(("lang", "js"), MODES, ids=[f"{lang}-js-{js}" for lang, js in MODES])
def test_the_pin_question_and_the_page_that_says_the_pin_waits(
    driver: WebDriver, live_server: LiveServer, lang: str, js: bool
) -> None:
    submitted: Submitted = factories.create_report(live_server.database_url, rahasia=True)
    code, pin = submitted.report.tracking_code, submitted.pin
    mode = Mode(js=js)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url(f"/track/{code}", lang=lang))  # a stranger: the question
        assert driver.find_element(By.ID, "code").get_attribute("value") == code
        harness.check_current_page(driver, mode)
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    for _ in range(keys.FAILURES_ALLOWED):
        with contextlib.suppress(tracking.ReportNotFound, keys.KeyLocked):
            factories.run(
                live_server.database_url,
                lambda s: tracking.unlock(s, code, wrong, hasher=factories.HASHER),
            )
    with harness.mode_applied(driver, mode):
        prove(driver, live_server, code, pin, lang)
        heading = driver.find_element(By.TAG_NAME, "h1").text
        assert (
            heading
            == {
                "id": "Tunggu sebelum mencoba PIN lagi",
                "en": "Wait before you try the PIN again",
            }[lang]
        )
        assert driver.find_element(By.CSS_SELECTOR, "main time").get_attribute("datetime")
        harness.check_current_page(driver, mode)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_staff_give_a_new_pin(driver: WebDriver, live_server: LiveServer, lang: str) -> None:
    submitted = factories.create_report(live_server.database_url, rahasia=True)
    code = submitted.report.tracking_code
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    url = live_server.url(f"/staff/reports/{code}/new-pin")
    harness.check_page_languages(driver, url, languages=(lang,))
    for js in (True, False):
        mode = Mode(js=js)
        with harness.mode_applied(driver, mode):
            driver.get(live_server.url(f"/staff/reports/{code}/new-pin", lang=lang))
            press_button(driver)  # nothing chosen
            harness.wait_for(driver, ".error-summary")
            harness.check_current_page(driver, mode)
        with harness.mode_applied(driver, mode):
            driver.get(live_server.url(f"/staff/reports/{code}/new-pin", lang=lang))
            driver.find_element(By.CSS_SELECTOR, "label[for='how']").click()  # show it
            press_button(driver)
            pin = driver.find_element(By.CSS_SELECTOR, ".pin strong").text
            assert re.fullmatch(r"\d{6}", pin)
            harness.check_current_page(driver, mode)


@pytest.mark.parametrize(("lang", "js"), MODES, ids=[f"{lang}-js-{js}" for lang, js in MODES])
def test_intake_shows_the_pin_for_the_officer_to_read(
    driver: WebDriver, live_server: LiveServer, lang: str, js: bool
) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    mode = Mode(js=js)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url("/staff/intake", lang=lang))
        for radio in ("channel", "type", "when_kind-3", "anonim-2", "rahasia-2"):
            driver.find_element(By.CSS_SELECTOR, f"label[for='{radio}']").click()
        driver.find_element(By.ID, "title").send_keys("Lampu jalan mati")
        driver.find_element(By.ID, "details").send_keys(
            "Lampu jalan di gang 3 mati sejak seminggu."
        )
        driver.find_element(By.ID, "contact_name").send_keys("Budi")
        press_button(driver, "main form button.button:not(.button-secondary)")
        pin = driver.find_element(By.CSS_SELECTOR, ".pin strong").text
        assert re.fullmatch(r"\d{6}", pin)
        spelled = driver.find_element(By.ID, "pin-spelled").get_attribute("textContent")
        assert spelled == f"{SPELLED[lang]}: {' '.join(pin)}"
        harness.check_current_page(driver, mode)
