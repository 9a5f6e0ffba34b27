"""Staff intake in real Chromium: the form in its states (a file waiting with the form,
errors in the "about you" part, the confirmation with the PIN and without it, the same form
sent again), axe and the Nu checker on each, in both languages; and a report taken in with
the keyboard alone, where Enter in a text box saves the report (never removes a file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role
from gesi_app.reports.models import Attachment, Report, ReporterSegment
from tests import factories
from tests.browser import harness, keyboard
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in
from tests.file_metadata_support import pdf

pytestmark = pytest.mark.browser


def click(driver: WebDriver, css: str) -> None:
    """Click and wait for the next page."""
    before = driver.find_element(By.TAG_NAME, "main")
    driver.find_element(By.CSS_SELECTOR, css).click()
    WebDriverWait(driver, 10).until(staleness_of(before))


def choose(driver: WebDriver, name: str, value: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()


def fill_required(driver: WebDriver) -> None:
    choose(driver, "channel", "walk_in")
    choose(driver, "type", "pengaduan")
    driver.find_element(By.ID, "title").send_keys("Lampu jalan mati")
    driver.find_element(By.ID, "details").send_keys("Lampu di gang 3 mati sejak seminggu.")
    choose(driver, "when_kind", "ongoing")
    choose(driver, "anonim", "no")
    choose(driver, "rahasia", "no")


def report_by_code(server: LiveServer, code: str) -> tuple[Report, list[Attachment], bool]:
    async def go(session: AsyncSession) -> tuple[Report, list[Attachment], bool]:
        report = await session.scalar(select(Report).where(Report.tracking_code == code))
        assert report is not None
        files = await session.scalars(select(Attachment).where(Attachment.report_id == report.id))
        return report, list(files), await session.get(ReporterSegment, report.id) is not None

    return factories.run(server.database_url, go)  # type: ignore[no-any-return]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_intake_states_pass_axe_and_nu(
    driver: WebDriver, live_server: LiveServer, tmp_path: Path, lang: str
) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(pdf())
    driver.get(live_server.url("/staff/intake", lang=lang))
    fill_required(driver)
    driver.find_element(By.ID, "evidence_file").send_keys(str(letter))
    click(driver, 'button[name="action"][value="upload"]')
    assert "surat.pdf" in driver.find_element(By.TAG_NAME, "main").text
    assert driver.find_element(By.ID, "title").get_attribute("value") == "Lampu jalan mati"
    harness.check_current_page(driver)  # a file waiting with the form
    harness.check_page(driver, driver.current_url, js=False)  # the same, without scripts
    choose(driver, "gender", "perempuan")  # an answer about the person, without consent
    click(driver, "main form button.button:not(.button-secondary)")
    summary = harness.wait_for(driver, ".error-summary")
    assert keyboard.active(driver) == summary
    harness.check_current_page(driver)  # the consent error
    choose(driver, "about_consent", "yes")
    choose(driver, "age_band", "prefer_not")
    for domain in ("seeing", "hearing", "walking", "remembering", "selfcare", "communicating"):
        choose(driver, f"wg_{domain}", "1")
    token = driver.find_element(By.NAME, "form_token").get_attribute("value")
    click(driver, "main form button.button:not(.button-secondary)")
    harness.wait_for_url(driver, "/staff/intake/done")
    code = driver.find_element(By.CSS_SELECTOR, ".tracking-code").text
    assert driver.find_element(By.CSS_SELECTOR, ".pin strong").text.isdigit()
    harness.check_current_page(driver)  # the confirmation with the PIN
    _report, files, about = report_by_code(live_server, code)
    assert [f.filename for f in files] == ["surat.pdf"]
    assert about
    harness.check_page(driver, driver.current_url, js=False)  # a reload: the code, no PIN
    assert not driver.find_elements(By.CSS_SELECTOR, ".pin")
    # The same form sent again (a double click, or Back and Send): its token, posted anew.
    driver.execute_script(
        "const form = document.createElement('form');"
        "form.method = 'post'; form.action = arguments[0];"
        "for (const [name, value] of [['csrftoken', arguments[1]], ['form_token', arguments[2]]]) {"
        "  const input = document.createElement('input');"
        "  input.type = 'hidden'; input.name = name; input.value = value; form.append(input);"
        "}"
        "document.body.append(form); form.submit();",
        live_server.url("/staff/intake", lang=lang),
        driver.find_element(By.CSS_SELECTOR, 'input[name="csrftoken"]').get_attribute("value"),
        token,
    )
    harness.wait_for(driver, ".notice")
    assert driver.find_element(By.CSS_SELECTOR, ".tracking-code").text == code
    harness.check_current_page(driver)  # sent before: nothing new
    assert len(report_by_code(live_server, code)[1]) == 1


def test_intake_with_the_keyboard_alone(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server, Role.VERIFIER))
    driver.get(live_server.url("/staff/intake", lang="en"))

    def radio(name: str, value: str) -> None:
        keyboard.tab_to(driver, lambda e: e.get_attribute("name") == name, max_tabs=60)
        target = driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]')
        for _ in range(8):
            if keyboard.active(driver) == target:
                break
            keyboard.press(driver, Keys.DOWN)
        if not target.is_selected():  # the first choice has focus, not yet chosen
            keyboard.press(driver, Keys.SPACE)
        assert target.is_selected(), name

    def text(field: str, value: str) -> None:
        keyboard.tab_to(driver, lambda e: e.get_attribute("id") == field, max_tabs=60)
        keyboard.active(driver).send_keys(value)

    radio("channel", "phone")
    radio("type", "aspirasi")
    text("title", "Taman butuh lampu")
    text("details", "Taman kota gelap di malam hari.")
    radio("when_kind", "unknown")
    radio("anonim", "no")
    radio("rahasia", "yes")
    radio("about_consent", "no")
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == "title", max_tabs=80, backwards=True)
    keyboard.press(driver, Keys.ENTER)  # Enter in a text box: save the report
    harness.wait_for_url(driver, "/staff/intake/done")
    code = driver.find_element(By.CSS_SELECTOR, ".tracking-code").text
    report, files, about = report_by_code(live_server, code)
    assert (report.title, report.rahasia, report.channel.value) == (
        "Taman butuh lampu",
        True,
        "phone",
    )
    assert files == [] and not about
    keyboard.tab_to(driver, lambda e: e.text == "Open the report", max_tabs=40)
    keyboard.press(driver, Keys.ENTER)
    harness.wait_for_url(driver, f"/staff/reports/{code}")
