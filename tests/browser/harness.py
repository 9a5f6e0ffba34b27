"""Checking pages in a real browser: display modes, axe-core, layout at 320 px and 200% text.

Every feature's browser tests use these. A page is checked by :func:`check_page` in one
display mode (JavaScript on or off, 320 px wide, 200% text) or by :func:`check_page_languages`
in both languages with JavaScript on and off. Keyboard journeys use ``tests.browser.keyboard``;
the live server and the browser come from ``tests.browser.server`` through the fixtures.

What we found about JavaScript off: ``Emulation.setScriptExecutionDisabled`` stops the page's
own scripts (htmx never loads) and stops timers and promise callbacks, so axe's asynchronous
``axe.run`` never calls back. WebDriver's synchronous ``execute_script`` still works. So a
JavaScript-off page is loaded with scripts disabled, then scripts are enabled again WITHOUT
reloading and axe runs on the DOM exactly as the no-JS load produced it (deferred page scripts
that were skipped do not run afterwards: htmx stays undefined).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from axe_selenium_python import Axe  # type: ignore[import-untyped]  # ships no type hints
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import ids, nu
from tests.browser.server import LiveServer, with_query

AXE_VERSION = "4.14.1"
AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / f"axe-core-{AXE_VERSION}.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Rules whose "needs review" results we count as violations: axe asks for a review of a
# duplicate id that aria-* or a label names, yet the wrong name or hint is then read out.
AXE_REVIEW_IS_VIOLATION = ("duplicate-id-aria",)
# Chromium's default font sizes (Settings > Appearance > Font size "Medium").
DEFAULT_FONT_SIZES = {"standard": 16, "fixed": 13}
LANGUAGES = ("id", "en")

# ---------------------------------------------------------------------------------------------
# display modes


@dataclass(frozen=True)
class Mode:
    """How a page is looked at: JavaScript on or off, a narrow viewport, a text size in %."""

    js: bool = True
    width: int | None = None
    text_zoom: int | None = None

    def __str__(self) -> str:
        parts = ["JavaScript on" if self.js else "JavaScript off"]
        if self.width:
            parts.append(f"{self.width} px wide")
        if self.text_zoom:
            parts.append(f"{self.text_zoom}% text")
        return ", ".join(parts)


def apply_mode(driver: WebDriver, mode: Mode) -> None:
    """Set up the browser for ``mode``; call before loading the page."""
    if not mode.js:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    if mode.width:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": mode.width, "height": 640, "deviceScaleFactor": 1, "mobile": True},
        )
    if mode.text_zoom:
        # The browser's default font size, as a person sets it in Chromium's settings: every
        # rem and em scales with it (our own text-size preference stacks on top), pixel sizes
        # do not. An inline style on <html> would instead replace our text-size classes.
        factor = mode.text_zoom / 100
        sizes = {name: round(px * factor) for name, px in DEFAULT_FONT_SIZES.items()}
        driver.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": sizes})


def enable_scripts(driver: WebDriver) -> None:
    """Scripts back on without reloading: the DOM stays as the no-JS load made it."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@contextmanager
def mode_applied(driver: WebDriver, mode: Mode) -> Iterator[None]:
    apply_mode(driver, mode)
    try:
        yield
    finally:
        reset_browser_display(driver)


def reset_browser(driver: WebDriver) -> None:
    """A clean slate between tests: one tab (a live page a test left open in another keeps its
    stream and timers running for the rest of the session), no cookies, scripts on, normal
    viewport and text size."""
    handles = driver.window_handles
    if len(handles) > 1:
        for extra in handles[1:]:
            driver.switch_to.window(extra)
            driver.close()
        driver.switch_to.window(handles[0])
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": DEFAULT_FONT_SIZES})


def reset_browser_display(driver: WebDriver) -> None:
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": DEFAULT_FONT_SIZES})


# ---------------------------------------------------------------------------------------------
# axe


_AXE_RUN = """
const callback = arguments[arguments.length - 1];
const review = arguments[1];
axe.run(document, JSON.parse(arguments[0])).then(
  (results) => callback({
    violations: results.violations,
    incomplete: results.incomplete.filter((result) => review.includes(result.id)),
  }),
  (error) => callback({error: String(error)}),
);
"""


def run_axe(driver: WebDriver, extra_rules: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """axe-core's violations on the current page (rule set of DESIGN.md, plus extra rules).

    The vendored axe-core is injected with axe-selenium-python; the run asks for violations
    and reviews only (``resultTypes``) and only those come back through WebDriver: the passes,
    most of axe's answer, are neither detailed nor sent (about a fifth less time a page)."""
    Axe(driver, script_url=str(AXE_SCRIPT)).inject()
    options: dict[str, Any] = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations", "incomplete"],
    }
    if extra_rules:
        options["rules"] = {rule: {"enabled": True} for rule in extra_rules}
    results: dict[str, Any] = driver.execute_async_script(
        _AXE_RUN, json.dumps(options), list(AXE_REVIEW_IS_VIOLATION)
    )
    assert "error" not in results, f"axe-core failed: {results.get('error')}"
    violations: list[dict[str, Any]] = results["violations"]
    reviews: list[dict[str, Any]] = results["incomplete"]
    return violations + reviews


def format_violations(violations: list[dict[str, Any]], where: str) -> str:
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:3]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 3:
            lines.append(f"    ... and {len(violation['nodes']) - 3} more")
    return "\n".join(lines)


def assert_no_axe_violations(
    driver: WebDriver, where: str = "", extra_rules: tuple[str, ...] = ()
) -> None:
    violations = run_axe(driver, extra_rules)
    assert not violations, format_violations(violations, where or driver.current_url)


# ---------------------------------------------------------------------------------------------
# layout

_LAYOUT_PROBLEMS = """
const width = window.innerWidth;
const problems = [];
const scroll = document.documentElement.scrollWidth;
if (scroll > width) problems.push(`the page scrolls sideways: ${scroll} px wide in ${width} px`);
const skip = (el) => el.closest('.visually-hidden')
  || (el.closest('.skip-link') && !el.closest('.skip-link').matches(':focus'));
const classes = (el) => typeof el.className === 'string' && el.className.trim()
  ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes(el)
  + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
for (const el of document.body.querySelectorAll('*')) {
  if (skip(el)) continue;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  const box = el.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  if (box.left < -1 || box.right > width + 1) {
    problems.push(`${name(el)} reaches ${Math.round(box.left)}..${Math.round(box.right)} px`);
  }
  const clips = (v) => v === 'hidden' || v === 'clip';
  // A text box scrolls its own value under the caret: a long value there is not cut off.
  if (el.matches('input')) continue;
  if ((clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      || (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
    problems.push(`${name(el)} cuts off its content`);
  }
}
return problems.slice(0, 10);
"""


def assert_layout_fits(driver: WebDriver, mode: Mode) -> None:
    """No sideways scrolling and nothing cut off; the viewport and text size really applied."""
    inner_width, root_font = driver.execute_script(
        "return [window.innerWidth,"
        " parseFloat(getComputedStyle(document.documentElement).fontSize)]"
    )
    if mode.width:
        # A mobile browser widens its layout viewport (and shrinks the page) to fit content
        # that is too wide, so a page wider than the screen shows here first.
        assert inner_width == mode.width, (
            f"{driver.current_url}: the page scrolls sideways or shrinks: it is {inner_width} px"
            f" wide on a {mode.width} px screen"
        )
    if mode.text_zoom:
        wanted = DEFAULT_FONT_SIZES["standard"] * mode.text_zoom / 100
        assert root_font >= wanted, f"root text is {root_font} px, not at least {wanted} px"
    problems: list[str] = driver.execute_script(_LAYOUT_PROBLEMS)
    assert not problems, f"{driver.current_url} ({mode}):\n" + "\n".join(problems)


# ---------------------------------------------------------------------------------------------
# checking pages


def check_current_page(
    driver: WebDriver, mode: Mode = Mode(), extra_rules: tuple[str, ...] = ()
) -> None:
    """Check the page that is loaded now (in ``mode``): axe, and layout when narrow or zoomed."""
    where = f"{driver.current_url} ({mode})"
    nu.collect_page(driver, str(mode), scripts_ran=mode.js)
    if not mode.js:
        # suara.js, on every page, marks <html class="js-enabled"> when scripts run.
        assert not driver.execute_script(
            "return document.documentElement.classList.contains('js-enabled')"
        ), f"scripts ran on {where}"
        enable_scripts(driver)
    if mode.width or mode.text_zoom:
        assert_layout_fits(driver, mode)
    ids.assert_references_unique(driver, where)
    assert_no_axe_violations(driver, where, extra_rules)


def check_page(
    driver: WebDriver,
    url: str,
    *,
    js: bool = True,
    width: int | None = None,
    text_zoom: int | None = None,
    extra_rules: tuple[str, ...] = (),
) -> None:
    """Load ``url`` in the given mode and assert zero axe violations (and a fitting layout)."""
    mode = Mode(js=js, width=width, text_zoom=text_zoom)
    with mode_applied(driver, mode):
        driver.get(url)
        check_current_page(driver, mode, extra_rules)


def check_page_languages(
    driver: WebDriver,
    url: str,
    *,
    extra_rules: tuple[str, ...] = (),
    languages: tuple[str, ...] = LANGUAGES,
) -> None:
    """``url`` in Indonesian and English, each with JavaScript on and off. A test already
    parametrised by language passes ``languages=(lang,)``: each of its runs checks its own."""
    for lang in languages:
        for js in (True, False):
            mode = Mode(js=js)
            with mode_applied(driver, mode):
                driver.get(with_query(url, lang=lang))
                page_lang = driver.find_element("css selector", "html").get_attribute("lang")
                assert page_lang == lang, f"{driver.current_url}: <html lang={page_lang!r}>"
                check_current_page(driver, mode, extra_rules)


# ---------------------------------------------------------------------------------------------
# set-up through the pages


def save_display_settings(
    driver: WebDriver, server: LiveServer, *, text_size: str = "largest", high_contrast: bool = True
) -> None:
    """Save display settings through /preferences as a person would (mouse, not keyboard)."""
    driver.get(server.url("/preferences"))
    sizes = {"normal": "text_size", "large": "text_size-2", "largest": "text_size-3"}
    driver.find_element("css selector", f"label[for='{sizes[text_size]}']").click()
    contrast = driver.find_element("id", "display")
    if contrast.is_selected() != high_contrast:
        driver.find_element("css selector", "label[for='display']").click()
    driver.find_element("css selector", "form button[type=submit]").click()
    wait_for_url(driver, "saved=1")
    classes = driver.find_element("css selector", "html").get_attribute("class") or ""
    assert f"text-{text_size}" in classes.split(), f"settings not saved: <html class={classes!r}>"


def wait_for_url(driver: WebDriver, part: str, timeout: float = 10) -> None:
    """Wait until the address contains ``part`` (after a form post and its redirect)."""
    WebDriverWait(driver, timeout).until(lambda d: part in d.current_url)


def wait_for(driver: WebDriver, css: str, timeout: float = 10) -> WebElement:
    """Wait until an element matching ``css`` is on the page (e.g. after a form post)."""
    element: WebElement = WebDriverWait(driver, timeout).until(
        lambda d: d.find_element(By.CSS_SELECTOR, css)
    )
    return element
