"""A voice message instead of typing, in real Chromium: a file input with JavaScript off, and
recording with MediaRecorder (Chromium's fake microphone and camera) with it on. Easy-read
pages pass axe on every question in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.reports.models import Attachment, Report
from tests.browser import harness, keyboard
from tests.browser import report_journey as rj
from tests.browser.harness import LANGUAGES, Mode
from tests.browser.server import LiveServer
from tests.factories import run
from tests.recording_support import require_media_tools, wav

pytestmark = pytest.mark.browser


def _to_details(driver: WebDriver, live_server: LiveServer) -> None:
    driver.get(live_server.url("/report/type", lang="id"))
    for slug in rj.ALL_STEPS[: rj.ALL_STEPS.index("details")]:
        rj.answer(driver, slug)
    rj.assert_on_step(driver, "details")


def _finish(driver: WebDriver) -> str:
    for slug in rj.ALL_STEPS[rj.ALL_STEPS.index("details") + 1 :]:
        rj.answer(driver, slug)
    rj.assert_on_step(driver, "check")
    rj.press_button(driver)
    return rj.tracking_code_on_page(driver)


def _recording_of(live_server: LiveServer, code: str) -> dict[str, Any]:
    async def go(session: AsyncSession) -> dict[str, Any]:
        report = await session.scalar(select(Report).where(Report.tracking_code == code))
        assert report is not None
        found = await session.scalar(select(Attachment).where(Attachment.report_id == report.id))
        assert found is not None, "no recording stored"
        return {
            "description": report.description,
            "kind": found.kind,
            "seconds": found.duration_seconds,
        }

    result: dict[str, Any] = run(live_server.database_url, go)
    return result


def test_voice_message_by_file_with_javascript_off(
    driver: WebDriver, live_server: LiveServer, tmp_path: Path
) -> None:
    require_media_tools()
    voice = tmp_path / "pesan-suara.wav"
    voice.write_bytes(wav(3))
    harness.apply_mode(driver, Mode(js=False))
    try:
        _to_details(driver, live_server)
        assert not driver.find_elements(By.CSS_SELECTOR, ".recorder"), "record.js ran"
        driver.find_element(By.ID, "recording").send_keys(str(voice))
        rj.press_button(driver)
        rj.assert_on_step(driver, "when")
        code = _finish(driver)
        pin = rj.pin_on_page(driver)
    finally:
        harness.reset_browser_display(driver)
    assert _recording_of(live_server, code) == {
        "description": "Pesan suara, 3 detik",
        "kind": "voice",
        "seconds": 3,
    }
    driver.get(live_server.url("/track", code=code, lang="id"))  # the reporter's way in
    driver.find_element(By.ID, "pin").send_keys(pin)
    rj.press_button(driver)
    harness.wait_for_url(driver, f"/track/{code}")
    assert "Kami menerima pesan suara Anda (3 detik)." in driver.find_element(By.ID, "main").text


@pytest.mark.parametrize(
    ("button", "kind"),
    [("Rekam pesan suara", "voice"), ("Rekam video bahasa isyarat", "sign_video")],
)
def test_record_with_the_keyboard_and_fake_devices(
    media_driver: WebDriver, live_server: LiveServer, button: str, kind: str
) -> None:
    require_media_tools()
    driver = media_driver
    _to_details(driver, live_server)
    stop_button = driver.find_element(By.XPATH, "//button[normalize-space()='Berhenti merekam']")
    # Hidden until a recording starts: the hidden attribute beats .button's display rule.
    assert not stop_button.is_displayed(), "Stop recording shows before any recording"
    # Focus is checked on our buttons; the Listen players' focus is their own test's.
    record = keyboard.tab_to(
        driver,
        lambda e: e.tag_name == "button" and e.text == button,
        max_tabs=60,
        check_focus=False,
    )
    keyboard.assert_focus_visible(driver)
    assert record.get_attribute("type") == "button"
    keyboard.press(driver, Keys.ENTER)
    status = driver.find_element(By.ID, "live-status")
    WebDriverWait(driver, 10).until(lambda _d: "Sedang merekam" in status.text)
    stop = keyboard.active(driver)
    assert stop.text == "Berhenti merekam", f"focus on {keyboard.describe(driver, stop)}"
    keyboard.assert_focus_visible(driver)
    driver.execute_script("return new Promise(r => setTimeout(r, 2500))")
    keyboard.press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda _d: "Rekaman Anda sudah siap" in status.text)
    assert not stop.is_displayed(), "Stop recording still shows after the recording stopped"
    assert driver.execute_script("return document.getElementById('recording').files.length") == 1
    player = "video" if kind == "sign_video" else "audio"
    preview = driver.find_element(By.CSS_SELECTOR, f".recorder-preview {player}")
    assert preview.get_attribute("aria-label") == "Rekaman Anda"
    harness.assert_no_axe_violations(driver, "details page with a recording ready")
    rj.press_button(driver)
    rj.assert_on_step(driver, "when")
    code = _finish(driver)
    stored = _recording_of(live_server, code)
    assert stored["kind"] == kind
    assert stored["seconds"] is not None and 1 <= stored["seconds"] <= 10
    label = "Video bahasa isyarat" if kind == "sign_video" else "Pesan suara"
    assert stored["description"] == f"{label}, {stored['seconds']} detik"


def _save_easy_read(driver: WebDriver, live_server: LiveServer) -> None:
    driver.get(live_server.url("/preferences"))
    if not driver.find_element(By.ID, "display-3").is_selected():
        driver.find_element(By.CSS_SELECTOR, "label[for='display-3']").click()
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    harness.wait_for_url(driver, "saved=1")
    classes = driver.find_element(By.TAG_NAME, "html").get_attribute("class") or ""
    assert "easy-read" in classes.split()


@pytest.mark.parametrize("mode", [Mode(js=False), Mode(js=True)], ids=["JS off", "JS on"])
def test_easy_read_journey_passes_axe_in_both_languages(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    _save_easy_read(driver, live_server)
    with rj.in_mode(driver, mode) as load:
        driver.get(live_server.url("/report/type"))
        for slug in rj.ALL_STEPS:
            for lang in LANGUAGES:
                load(lambda lang=lang: rj.switch_language(driver, lang))
                rj.assert_on_step(driver, slug)
                picture = driver.find_element(By.CSS_SELECTOR, "main img.pictogram")
                # Decorative: the question beside it says what it shows.
                assert picture.get_attribute("alt") == "", slug
                assert driver.execute_script(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", picture
                ), f"{slug}: the picture did not load"
            rj.answer(driver, slug)
        rj.assert_on_step(driver, "check")
