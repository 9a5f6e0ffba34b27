"""Driving the report journey in the browser: an answer for every question, and the ways to
make each question show its errors.

The axe and layout tests fill forms through WebDriver (typing into boxes, ticking choices from
script) and send them by pressing Enter on the button; the keyboard tests do everything with
keys and live in ``test_report_keyboard.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gesi_app.reports.models import Report, ReporterSegment
from tests.browser import harness, keyboard
from tests.browser.harness import Mode
from tests.browser.server import LiveServer, with_query
from tests.factories import run

# A tracking code: SRA-, four then two characters without look-alikes (no 0/O, 1/I/L).
TRACKING_CODE = re.compile(r"SRA-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}")
WG_STEPS = tuple(
    f"difficulty-{d}"
    for d in ("seeing", "hearing", "walking", "remembering", "selfcare", "communicating")
)
# Every question, in order, when the reporter answers About you and has a disability.
ALL_STEPS = (
    "type",
    "topic",
    "subtopic",
    "title",
    "details",
    "when",
    "where",
    "village",
    "landmark",
    "evidence",
    "anonymous",
    "confidential",
    "about-you",
    "gender",
    "age",
    *WG_STEPS,
    "disability-kind",
    "contact",
)
Values = dict[str, str | list[str]]
# Field name -> value (a list ticks several checkboxes). Seeing: "A lot of difficulty".
ANSWERS: dict[str, Values] = {
    "type": {"type": "pengaduan"},
    "topic": {"topic": "infrastruktur"},
    "subtopic": {"subtopic": "jalan"},
    "title": {"title": "Jalan berlubang di depan pasar"},
    "details": {"details": "Lubang besar di depan pasar. Motor sering jatuh."},
    "when": {"when_kind": "date", "when_day": "17", "when_month": "8", "when_year": "2026"},
    "where": {"kecamatan": "36.03.01"},
    "village": {"desa": "36.03.01.1001"},
    "landmark": {"landmark": "Depan pasar"},
    "evidence": {},
    "anonymous": {"anonim": "no"},
    "confidential": {"rahasia": "no"},
    "about-you": {"about_consent": "yes"},
    "gender": {"gender": "perempuan"},
    "age": {"age_band": "16_30"},
    **{slug: {slug.replace("difficulty-", "wg_"): "1"} for slug in WG_STEPS},
    "difficulty-seeing": {"wg_seeing": "3"},
    "disability-kind": {"disability_kinds": ["sensorik_netra"]},
    "contact": {
        "contact_name": "Siti Rahma",
        "contact_email": "siti@example.org",
        "contact_phone": "0812 3456 7890",
    },
}


# ---------------------------------------------------------------------------------------------
# filling and sending forms


def fill(driver: WebDriver, values: Values) -> None:
    """Type into text boxes; tick radios and checkboxes; choose from a select."""
    for name, value in values.items():
        fields = driver.find_elements(By.NAME, name)
        assert fields, f"{driver.current_url}: no field named {name!r}"
        kind = fields[0].get_attribute("type")
        if kind in ("radio", "checkbox"):
            wanted = value if isinstance(value, list) else [value]
            for field in fields:
                on = field.get_attribute("value") in wanted
                driver.execute_script("arguments[0].checked = arguments[1]", field, on)
            ticked = [f.get_attribute("value") for f in fields if f.is_selected()]
            assert ticked == wanted, f"{name}: {ticked} ticked, not {wanted}"
        elif fields[0].tag_name == "select":
            driver.execute_script("arguments[0].value = arguments[1]", fields[0], value)
            assert fields[0].get_attribute("value") == value, f"{name}: no option {value!r}"
        else:
            fields[0].clear()
            fields[0].send_keys(str(value))


def press_button(driver: WebDriver, css: str = "main form button[type=submit]") -> None:
    """Focus the last matching button (on the evidence page: Continue, after Upload and
    Remove) and press Enter on it; wait for the next page."""
    button = driver.find_elements(By.CSS_SELECTOR, css)[-1]
    driver.execute_script("arguments[0].focus()", button)
    submit_focused(driver)


def submit_focused(driver: WebDriver, key: str = Keys.ENTER) -> None:
    """Press ``key`` on the focused control, then wait until the next page has loaded."""
    page = driver.find_element(By.TAG_NAME, "html")
    keyboard.press(driver, key)

    def left(_driver: WebDriver) -> bool:
        try:
            page.is_enabled()
        except WebDriverException:  # stale, or "does not belong to the document" mid-load
            return True
        return False

    WebDriverWait(driver, 10, poll_frequency=0.02).until(left)
    WebDriverWait(driver, 10, poll_frequency=0.02).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def answer(driver: WebDriver, slug: str) -> None:
    """Answer the question on screen with its usual answer and go on."""
    assert_on_step(driver, slug)
    fill(driver, ANSWERS[slug])
    press_button(driver)


def assert_on_step(driver: WebDriver, slug: str) -> None:
    path = driver.current_url.split("?")[0].split("#")[0]
    wanted = "/report/check" if slug == "check" else f"/report/{slug}"
    assert path.endswith(wanted), f"on {driver.current_url}, expected {wanted}"


def answer_all(driver: WebDriver, server: LiveServer, lang: str = "id") -> None:
    """From the first question to check your answers, answering every one."""
    driver.get(server.url("/report/type", lang=lang))
    for slug in ALL_STEPS:
        answer(driver, slug)
    assert_on_step(driver, "check")


# ---------------------------------------------------------------------------------------------
# display modes and checks


@contextmanager
def in_mode(driver: WebDriver, mode: Mode) -> Iterator[Callable[[Callable[[], None]], None]]:
    """``load(action)``: do ``action`` (a page load or a form post) in ``mode``, then check the
    page it led to. With JavaScript off, scripts stay off for that load only."""

    def load(action: Callable[[], None]) -> None:
        harness.apply_mode(driver, mode)
        action()
        harness.check_current_page(driver, mode)

    try:
        yield load
    finally:
        harness.reset_browser_display(driver)


def switch_language(driver: WebDriver, lang: str) -> None:
    driver.get(with_query(driver.current_url, lang=lang))
    page_lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    assert page_lang == lang, f"{driver.current_url}: <html lang={page_lang!r}>"


def assert_error_shown(driver: WebDriver, lang: str, fields: list[str]) -> None:
    """The error page: title prefixed, the summary has focus and links to fields on the page,
    and each field shows its inline error."""
    prefix = "Kesalahan:" if lang == "id" else "Error:"
    assert driver.title.startswith(prefix), f"{driver.current_url}: title {driver.title!r}"
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert keyboard.active(driver) == summary, "the error summary did not take focus"
    targets = [
        a.get_attribute("hash")
        for a in summary.find_elements(By.CSS_SELECTOR, ".error-summary-list a")
    ]
    assert targets == [f"#{f}" for f in fields], f"{driver.current_url}: summary links {targets}"
    for field in fields:
        assert driver.find_elements(By.ID, field), f"the summary links to #{field}: not there"
    inline = driver.find_elements(By.CSS_SELECTOR, ".error-message")
    assert len(inline) == len(fields), f"{len(inline)} inline errors for {fields}"


# ---------------------------------------------------------------------------------------------
# the stored report


def stored_report(server: LiveServer, code: str) -> dict[str, Any]:
    """The report with this tracking code as the database holds it, with its segment."""

    async def go(session: AsyncSession) -> dict[str, Any]:
        report = await session.scalar(
            select(Report)
            .where(Report.tracking_code == code)
            .options(selectinload(Report.attachments))
        )
        assert report is not None, f"no report {code} in the database"
        segment = await session.scalar(
            select(ReporterSegment).where(ReporterSegment.report_id == report.id)
        )
        return {
            "title": report.title,
            "description": report.description,
            "region_code": report.region_code,
            "occurred_on": report.occurred_on,
            "attachments": [a.filename for a in report.attachments],
            "disability": segment.disability if segment else None,
            "disability_kinds": segment.disability_kinds if segment else None,
            "wg_seeing": segment.wg_seeing if segment else None,
        }

    result: dict[str, Any] = run(server.database_url, go)
    return result


def pin_on_page(driver: WebDriver) -> str:
    """The reporter's PIN, shown once on the confirmation page."""
    pin = driver.find_element(By.CSS_SELECTOR, ".pin strong").text.strip()
    assert pin.isascii() and pin.isdigit() and len(pin) == 6, f"PIN {pin!r}"
    return pin


def tracking_code_on_page(driver: WebDriver) -> str:
    code = driver.find_element(By.CSS_SELECTOR, ".tracking-code").text.strip()
    assert TRACKING_CODE.fullmatch(code), f"tracking code {code!r}"
    return code
