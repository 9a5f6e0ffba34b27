"""The answer page's templates in real Chromium: "Put template in the answer" fills what the
report says (with scripts on and off), and an answer with a [bracket] left is refused on the
same page with the text kept; axe on each state, in both languages."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select, WebDriverWait
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import clock
from gesi_app.accounts.models import Role
from gesi_app.agencies.models import Agency
from gesi_app.casework.placeholders import date_words
from gesi_app.reports.models import Status
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in
from tests.casework_support import load, report_in

pytestmark = pytest.mark.browser

ERROR = {
    "id": "Isi bagian dalam kurung siku, lalu kirim tanggapan: [apa]",
    "en": "Fill in the parts in brackets, then send the answer: [what]",
}


def verified_report(server: LiveServer) -> tuple[int, str]:
    async def first_agency(session: AsyncSession) -> int:
        found = await session.scalar(select(Agency.id).order_by(Agency.id).limit(1))
        assert found is not None
        return found

    agency = factories.run(server.database_url, first_agency)
    report = report_in(server.database_url, Status.TERVERIFIKASI, agency)
    return report.id, report.tracking_code


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("js", [True, False])
def test_insert_fills_the_template_and_a_bracket_left_is_refused(
    driver: WebDriver, live_server: LiveServer, lang: str, js: bool
) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.ADMIN))
    report_id, code = verified_report(live_server)
    mode = Mode(js=js)
    with harness.mode_applied(driver, mode):
        driver.get(live_server.url(f"/staff/reports/{code}/answer", lang=lang))
        harness.check_current_page(driver, mode)
        if not js:
            harness.apply_mode(driver, mode)  # the check turned scripts back on
        Select(driver.find_element(By.ID, "template")).select_by_value("fixed")
        before = driver.find_element(By.ID, "answer")
        driver.find_element(By.CSS_SELECTOR, "button[name=insert]").click()
        WebDriverWait(driver, 10).until(staleness_of(before))  # the page came back
        area = harness.wait_for(driver, "#answer")
        text = area.get_attribute("value") or ""
        assert date_words(clock.today("Asia/Jakarta"), lang) in text
        assert "[" not in text
        harness.check_current_page(driver, mode)
        if not js:
            harness.apply_mode(driver, mode)
        area = driver.find_element(By.ID, "answer")
        area.clear()
        word = "apa" if lang == "id" else "what"
        typed = f"Terima kasih. Kami perlu tahu [{word}] dari Anda."
        area.send_keys(typed)
        driver.find_element(
            By.CSS_SELECTOR, "main form button.button:not(.button-secondary)"
        ).click()
        summary = harness.wait_for(driver, ".error-summary")
        assert ERROR[lang] in summary.text
        assert keyboard.active(driver) == summary
        assert driver.find_element(By.ID, "answer").get_attribute("value") == typed
        harness.check_current_page(driver, mode)
    assert load(live_server.database_url, report_id).status is Status.TERVERIFIKASI
