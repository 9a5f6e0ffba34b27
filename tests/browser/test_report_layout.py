"""The report journey on a 320 px screen and at 200% text, in both languages: a choice
question, the date question, the long text with its character count, check your answers and
the confirmation fit without sideways scrolling and stay clean in axe."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness
from tests.browser import report_journey as rj
from tests.browser.harness import LANGUAGES, Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

LAYOUTS = (Mode(width=320), Mode(text_zoom=200))
QUESTION_PAGES = ("/report/type", "/report/when", "/report/details", "/report/check")


def test_journey_pages_fit_narrow_screens_and_large_text(
    driver: WebDriver, live_server: LiveServer
) -> None:
    rj.answer_all(driver, live_server)
    for mode in LAYOUTS:
        for lang in LANGUAGES:
            for path in QUESTION_PAGES:
                with harness.mode_applied(driver, mode):
                    driver.get(live_server.url(path, lang=lang))
                    if path == "/report/details":
                        count = driver.find_element(By.CSS_SELECTOR, ".char-count")
                        assert count.is_displayed() and count.text.strip()
                    harness.check_current_page(driver, mode)

    rj.press_button(driver)
    code = rj.tracking_code_on_page(driver)
    for mode in LAYOUTS:
        for lang in LANGUAGES:
            with harness.mode_applied(driver, mode):
                driver.get(live_server.url("/report/done", lang=lang))
                assert rj.tracking_code_on_page(driver) == code
                harness.check_current_page(driver, mode)
