"""The harness itself can fail: each check catches a page that breaks its rule.

The broken pages are data: URLs, so none of them needs a route in the app.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from gesi_app.regions.service import count_regions
from tests import factories
from tests.browser import harness, keyboard, server
from tests.browser.harness import Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

FRAME = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>Test</title><style>{style}</style></head>"
    "<body><main><h1>Test</h1>{body}</main></body></html>"
)


def page(body: str, style: str = "") -> str:
    return "data:text/html;charset=utf-8," + quote(FRAME.format(body=body, style=style))


def test_axe_reports_each_violation_with_rule_target_and_html(driver: WebDriver) -> None:
    with pytest.raises(AssertionError) as failure:
        harness.check_page(driver, page('<img src="x.png"><a href="#"></a>'))
    message = str(failure.value)
    assert "image-alt (critical)" in message
    assert "link-name (serious)" in message
    assert '<img src="x.png">' in message


def test_aaa_contrast_is_checked_only_when_asked(driver: WebDriver) -> None:
    grey = page('<p style="color:#767676">Grey text on white.</p>')
    harness.check_page(driver, grey)
    with pytest.raises(AssertionError, match="color-contrast-enhanced"):
        harness.check_page(driver, grey, extra_rules=("color-contrast-enhanced",))


def test_sideways_scrolling_at_320_px_is_caught(driver: WebDriver) -> None:
    wide = page('<p style="width:500px">A fixed width paragraph.</p>')
    harness.check_page(driver, wide)
    with pytest.raises(AssertionError, match="scrolls sideways"):
        harness.check_page(driver, wide, width=320)


def test_text_cut_off_at_200_percent_is_caught(driver: WebDriver) -> None:
    boxed = page('<p class="box">Some words in a box.</p>', ".box{height:30px;overflow:hidden}")
    harness.check_page(driver, boxed)
    with pytest.raises(AssertionError, match="cuts off its content"):
        harness.check_page(driver, boxed, text_zoom=200)


def test_a_long_value_in_a_text_box_is_not_cut_off(driver: WebDriver) -> None:
    value = "jalan-berlubang-di-depan-pasar-balaraja-" * 3
    text_box = page(f'<label for="q">Search</label><input id="q" value="{value}">')
    harness.check_page(driver, text_box, width=320)
    too_narrow = page(
        f'<label for="q">Search</label><input id="q" value="{value}"><p class="box">{value}</p>',
        ".box{width:100px;overflow:hidden;white-space:nowrap}",
    )
    with pytest.raises(AssertionError, match="cuts off its content"):
        harness.check_page(driver, too_narrow, width=320)


def test_200_percent_text_doubles_the_text(driver: WebDriver, live_server: LiveServer) -> None:
    size = "return parseFloat(getComputedStyle(document.body).fontSize)"
    driver.get(live_server.url("/"))
    normal = driver.execute_script(size)
    with harness.mode_applied(driver, Mode(text_zoom=200)):
        driver.get(live_server.url("/"))
        assert driver.execute_script(size) == 2 * normal
    driver.get(live_server.url("/"))
    assert driver.execute_script(size) == normal


def test_javascript_off_really_stops_page_scripts(
    driver: WebDriver, live_server: LiveServer
) -> None:
    loaded = "return document.documentElement.classList.contains('js-enabled')"
    harness.check_page(driver, live_server.url("/"))
    assert driver.execute_script(loaded)
    with harness.mode_applied(driver, Mode(js=False)):
        driver.get(live_server.url("/"))
        assert not driver.execute_script(loaded)
        harness.check_current_page(driver, Mode(js=False))
        # axe ran with scripts on again, yet the page was not reloaded: suara.js never ran.
        assert not driver.execute_script(loaded)


@pytest.mark.parametrize(
    ("style", "visible"),
    [
        ("", False),
        ("a:focus{outline:3px solid transparent}", False),
        ("a:focus{box-shadow:0 0 0 3px rgba(0,0,0,0)}", False),
        # yellow alone on white is 1.4:1, below the 3:1 that WCAG 1.4.11 asks of a focus ring
        ("a:focus{outline:3px solid #fd0}", False),
        ("a:focus{outline:3px solid transparent;background:#fd0}", False),
        ("a:focus{outline:3px solid #0b0c0c}", True),
        ("a:focus{box-shadow:0 -2px #fd0,0 4px #0b0c0c;background:#fd0}", True),
        ("a:focus{background:#1d70b8}", True),
        ("a{border:2px solid #fff}a:focus{border-color:#0b0c0c}", True),
        ("body{background:#000}a:focus{box-shadow:0 4px #000}", False),
        ("body{background:#000}a:focus{box-shadow:0 4px #ff0}", True),
    ],
)
def test_focus_indicator_must_be_seen(driver: WebDriver, style: str, visible: bool) -> None:
    # Chromium's own focus ring is turned off first, so only the rule under test can show focus.
    driver.get(page('<p><a href="#x" id="x">A link</a></p>', "a:focus{outline:none}" + style))
    link = driver.find_element(By.ID, "x")
    if visible:
        keyboard.tab_to(driver, link, max_tabs=3)
    else:
        with pytest.raises(AssertionError, match="no visible focus"):
            keyboard.tab_to(driver, link, max_tabs=3)


def test_tab_to_names_where_the_focus_went(driver: WebDriver) -> None:
    driver.get(page('<p><a href="#a">First</a> <a href="#b">Second</a></p>'))
    with pytest.raises(AssertionError, match='a "First", a "Second"'):
        keyboard.tab_to(driver, lambda element: False, max_tabs=2)


@pytest.mark.parametrize(("in_ci", "outcome"), [(True, "fail"), (False, "skip")])
def test_a_missing_browser_fails_in_ci_and_skips_elsewhere(
    tmp_path: Path, in_ci: bool, outcome: str
) -> None:
    expected = pytest.fail.Exception if outcome == "fail" else pytest.skip.Exception
    with (
        pytest.raises(expected, match="no-chromium is missing"),
        server.chromium(tmp_path, binary=tmp_path / "no-chromium", in_ci=in_ci),
    ):
        pass


def test_factories_write_to_the_live_servers_database(live_server: LiveServer) -> None:
    assert live_server.database_url.endswith(f"{live_server.data_dir}/suara.sqlite3")
    assert factories.run(live_server.database_url, count_regions) > 0  # seeded by `gesi-app demo`
    with urllib.request.urlopen(live_server.url("/healthz")) as response:  # noqa: S310  # http
        assert json.load(response) == {"status": "ok", "database": "ok"}
