"""/stats in real Chromium with axe-core and the Nu checker: empty and filled, both languages,
JavaScript on and off, 320 px, with an error, the filters used with the keyboard alone, and
each chart named (title) and described (desc) in the accessibility tree."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from tests import factories
from tests.browser import harness, keyboard
from tests.browser.server import LiveServer
from tests.unit.stats import fixtures as fx

pytestmark = pytest.mark.browser


def _fill(server: LiveServer) -> None:
    async def go(session: object) -> None:
        for segment in [fx.WOMAN_YOUTH_DISABLED] * 6 + [fx.MAN_NO_DIFFICULTY] * 6:
            await fx.report(session, "2026-03-16", verified="2026-03-17", segment=segment)  # type: ignore[arg-type]
        await fx.report(session, "2026-04-07", rahasia=True, segment=fx.SKIPPED)  # type: ignore[arg-type]

    factories.run(server.database_url, go)


def test_stats_empty_filled_errors_narrow_and_keyboard(
    driver: WebDriver, live_server: LiveServer
) -> None:
    url = live_server.url("/stats")
    harness.check_page_languages(driver, url)  # empty
    _fill(live_server)
    harness.check_page_languages(driver, url)
    harness.check_page_languages(
        driver, live_server.url("/stats", area="36.03.01", type="pengaduan")
    )
    harness.check_page_languages(driver, live_server.url("/stats", **{"from": "Maret"}))
    harness.check_page(driver, url, width=320)
    harness.check_page(driver, url, text_zoom=200)
    # The keyboard alone: type a month in the filters and send the form.
    driver.get(live_server.url("/stats", lang="en"))
    field = keyboard.tab_to(driver, driver.find_element(By.ID, "from"))
    field.send_keys("2026-03")
    submit = driver.find_element(By.CSS_SELECTOR, ".filters button[type=submit]")
    keyboard.tab_to(driver, submit).send_keys(Keys.ENTER)
    harness.wait_for_url(driver, "from=2026-03")
    assert driver.current_url.endswith("/stats?from=2026-03")  # the one address of the view
    assert driver.find_element(By.ID, "from").get_attribute("value") == "2026-03"
    assert not driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    assert "Reports counted:" in driver.find_element(By.TAG_NAME, "main").text
    # Each chart is an image named by its title and described by its desc.
    for chart in driver.find_elements(By.CSS_SELECTOR, "svg.chart"):
        assert chart.get_attribute("role") == "img"
        assert chart.accessible_name, chart.get_attribute("data-chart")
        title = chart.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        assert chart.accessible_name == title
        desc = chart.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
        described = chart.get_attribute("aria-describedby")
        assert desc and driver.find_element(By.ID, described).get_attribute("textContent") == desc
