"""What a screen reader hears on every citizen page, read from Chromium's accessibility tree.

For each page, in Indonesian and English: the controls of ``ax_tables`` have the name and the
description the page means (a choice is described by its own hint; a box by its hint and, once
sent wrongly, by its error), every other control has a name, the headings form an outline, the
landmarks are there, and a status region waits at load for live updates. Sent with a mistake,
the error summary is an alert and each control's description carries its error.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from gesi_app.reports.models import Status
from tests.browser import axtree, harness
from tests.browser import report_journey as rj
from tests.browser.ax_report_tables import JOURNEY
from tests.browser.ax_tables import NAVIGATION, PAGES, PROBLEM, Said, Screen, pick
from tests.browser.axtree import AXNode
from tests.browser.server import LiveServer
from tests.browser.test_forums import facilitator, forum_with_inputs
from tests.browser.test_report_axe import MISTAKES, evidence_files, make
from tests.browser.test_reporter_key import prove
from tests.browser.test_tracking import new_report

pytestmark = pytest.mark.browser
LANGS = ("id", "en")


# ---------------------------------------------------------------------------------------------
# reading one page


def assert_said(driver: WebDriver, said: Said, lang: str) -> None:
    """The control's role, name, description and invalid state, as the table says."""
    node = axtree.node_of(driver, said.control)
    wanted = AXNode(
        role=said.role,
        name=pick(said.name, lang),
        description=pick(said.description, lang),
        invalid=said.invalid,
    )
    got = (node.role, node.name, node.description, node.invalid)
    expected = (wanted.role, wanted.name, wanted.description, wanted.invalid)
    assert got == expected, (
        f"{driver.current_url} ({lang}), {said.control}:\n  heard    {node}\n  expected {wanted}"
    )


def assert_reads_right(
    driver: WebDriver,
    screen: Screen,
    lang: str,
    said: tuple[Said, ...] | None = None,
    *,
    alert: str | None = None,
) -> None:
    """The page now loaded reads as ``screen`` says (with ``said`` instead of its controls
    after a mistake) and as every citizen page should; ``alert`` names the alert it must
    hold (the error summary), or none when it holds none."""
    tree = axtree.full_tree(driver)
    where = f"{driver.current_url} ({lang}) reads:\n{axtree.reading(tree)}\n"

    problems = axtree.outline_problems(tree)
    assert not problems, where + "headings: " + "; ".join(problems)
    ones = [h.name for h in axtree.headings(tree) if h.level == 1]
    assert ones == [pick(screen.h1, lang)], where + f"h1 {ones}"

    landmarks = Counter(node.role for node in axtree.landmarks(tree))
    for role in ("banner", "main", "contentinfo"):
        assert landmarks[role] == 1, where + f"{landmarks[role]} {role} landmarks"
    menus = [node.name for node in axtree.landmarks(tree) if node.role == "navigation"]
    assert menus == [pick(names, lang) for names in NAVIGATION], where + f"menus {menus}"

    live = axtree.live_regions(tree)
    quiet = [node for node in live if node.role == "status" and node.live == "polite"]
    assert quiet, where + "no status region for live updates"
    alerts = [node.name for node in live if node.role == "alert"]
    assert alerts == ([alert] if alert else []), where + f"alerts {alerts}"
    assert all(node.live == "assertive" for node in live if node.role == "alert")

    unnamed = [str(node) for node in axtree.controls(tree) if not node.name]
    links = [node for node in tree if node.role == "link"]
    unnamed += [str(node) for node in links if not node.name]
    assert not unnamed, where + f"controls without a name: {unnamed}"
    duplicates = axtree.duplicate_ids(driver)
    assert not duplicates, where + f"ids used twice: {duplicates}"

    for row in screen.said if said is None else said:
        assert_said(driver, row, lang)


def assert_error_page(driver: WebDriver, screen: Screen, lang: str, said: tuple[Said, ...]) -> None:
    assert_reads_right(driver, screen, lang, said, alert=pick(PROBLEM, lang))
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert_gets_focus(
        driver, summary, f"{driver.current_url}: the error summary does not have focus"
    )


def assert_gets_focus(driver: WebDriver, element: WebElement, message: str) -> None:
    """``element`` has focus. The browser applies autofocus at its next rendering update: on a
    busy machine, a moment after the page has loaded."""
    try:
        WebDriverWait(driver, 5).until(lambda d: d.switch_to.active_element == element)
    except TimeoutException:
        raise AssertionError(message) from None


# ---------------------------------------------------------------------------------------------
# the report journey


def test_the_report_journey_in_both_languages(
    driver: WebDriver, live_server: LiveServer, tmp_path: Path
) -> None:
    evidence_files(tmp_path)
    for lang in LANGS:
        driver.get(live_server.url("/report", lang=lang))
        assert_reads_right(driver, JOURNEY["start"], lang)
    driver.get(live_server.url("/report/type"))
    for slug in rj.ALL_STEPS:
        screen = JOURNEY[slug]
        for lang in LANGS:
            rj.switch_language(driver, lang)
            rj.assert_on_step(driver, slug)
            assert_reads_right(driver, screen, lang)
            for mistake, said in zip(MISTAKES[slug], screen.errors, strict=False):
                make(driver, mistake, tmp_path)
                assert_error_page(driver, screen, lang, said)
        rj.answer(driver, slug)
    for lang in LANGS:
        rj.switch_language(driver, lang)
        assert_reads_right(driver, JOURNEY["check"], lang)
    rj.press_button(driver)
    for lang in LANGS:
        rj.switch_language(driver, lang)
        assert_reads_right(driver, JOURNEY["done"], lang)


def test_every_question_has_its_table_row() -> None:
    """A question added to the journey must say what a screen reader hears there, errors too."""
    missing = [slug for slug in rj.ALL_STEPS if slug not in JOURNEY]
    assert not missing, f"no table row for {missing}"
    errorless = [slug for slug in rj.ALL_STEPS if MISTAKES.get(slug) and not JOURNEY[slug].errors]
    assert not errorless, f"no error row for {errorless}"


# ---------------------------------------------------------------------------------------------
# home, display settings, following a report, forums


def test_home_help_and_display_settings(driver: WebDriver, live_server: LiveServer) -> None:
    for lang in LANGS:
        for key, path in (("home", "/"), ("help", "/help"), ("preferences", "/preferences")):
            driver.get(live_server.url(path, lang=lang))
            assert_reads_right(driver, PAGES[key], lang)
        # Saved: the notice is an alert that takes focus, so it is read out on arrival.
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        harness.wait_for_url(driver, "saved=1")
        saved = ("Pengaturan Anda sudah disimpan", "Your settings are saved")
        assert_reads_right(driver, PAGES["preferences"], lang, alert=pick(saved, lang))
        notice = driver.find_element(By.CSS_SELECTOR, ".notice-success")
        assert_gets_focus(driver, notice, "the saved notice does not have focus")


def test_following_a_report(driver: WebDriver, live_server: LiveServer) -> None:
    code, pin = new_report(live_server, Status.DITINDAKLANJUTI)
    screen = PAGES["track"]
    for lang in LANGS:
        driver.get(live_server.url("/track", lang=lang))
        assert_reads_right(driver, screen, lang)
        driver.find_element(By.ID, "pin").send_keys("12")
        rj.press_button(driver)
        assert_error_page(driver, screen, lang, screen.errors[0])
        prove(driver, live_server, code, pin, lang=lang)
        assert_reads_right(driver, PAGES["tracked report"], lang)


def test_forum_participant_pages(driver: WebDriver, live_server: LiveServer) -> None:
    user_id, _ = facilitator(live_server)
    code = forum_with_inputs(live_server, user_id).join_code
    join = "#join ~ form button[type=submit]"
    add = "#add-input ~ form button[type=submit]"
    for lang in LANGS:
        driver.delete_all_cookies()
        forums = PAGES["forums"]
        driver.get(live_server.url("/forums", lang=lang))
        assert_reads_right(driver, forums, lang)
        driver.get(live_server.url("/forums", code="K7", lang=lang))  # a wrong code
        assert_error_page(driver, forums, lang, forums.errors[0])

        joining = PAGES["forum join"]
        driver.get(live_server.url(f"/forums/{code}", lang=lang))
        assert_reads_right(driver, joining, lang)
        driver.find_element(By.CSS_SELECTOR, "label[for='gender']").click()
        rj.press_button(driver, join)  # an answer about you, without agreeing
        assert_error_page(driver, joining, lang, joining.errors[0])
        driver.find_element(By.CSS_SELECTOR, "label[for='consent']").click()
        rj.press_button(driver, join)

        joined = PAGES["forum joined"]
        harness.wait_for(driver, "#add-input")
        assert_reads_right(driver, joined, lang)
        rj.press_button(driver, add)  # no agenda item, no text
        assert_error_page(driver, joined, lang, joined.errors[0])

        driver.get(live_server.url(f"/forums/{code}/board", lang=lang))
        assert_reads_right(driver, PAGES["forum board"], lang)


# ---------------------------------------------------------------------------------------------
# the outline rule itself (no browser needed)


def _h(level: int, name: str, *ancestors: str) -> AXNode:
    return AXNode(role="heading", name=name, level=level, ancestors=ancestors)


@pytest.mark.parametrize(
    ("levels", "problems"),
    [
        pytest.param([_h(1, "a"), _h(2, "b"), _h(3, "c"), _h(2, "d")], [], id="an outline"),
        pytest.param(
            [_h(2, "Ada masalah", "main", "alert"), _h(1, "a")], [], id="error summary first"
        ),
        pytest.param(
            [_h(2, "saved", "main"), _h(1, "a")], ["level 2 after level 0"], id="h2 first"
        ),
        pytest.param([_h(1, "a"), _h(3, "c")], ["level 3 after level 1"], id="skipped"),
        pytest.param([_h(1, "a"), _h(1, "b")], ["2 level-1 headings"], id="two h1"),
        pytest.param([_h(2, "b")], ["0 level-1 headings", "level 2 after level 0"], id="no h1"),
    ],
)
def test_the_outline_rule(levels: list[AXNode], problems: list[str]) -> None:
    found = axtree.outline_problems(levels)
    assert [p.split(":")[0] for p in found] == problems
