"""Collective reports in real Chromium with axe-core and the Nu checker: a group
representative's whole collective submission with the keyboard alone, JavaScript off and on;
the collective questions empty and with errors, the public report with its group and the
co-sign form, the group's page, the staff queue's filter and the statistics, both languages."""

from __future__ import annotations

import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user
from gesi_app.db.base import utcnow
from gesi_app.groups import service
from gesi_app.groups.models import GroupKind, GroupState
from gesi_app.groups.service import GroupData, Members, Representative
from gesi_app.reports.collective import Collective
from tests import factories
from tests.browser import harness, keyboard
from tests.browser import report_journey as rj
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_report_keyboard import answer_radios, choose, go_on, skip_to_main
from tests.browser.test_staff import new_staff
from tests.browser.test_staff import sign_in as staff_sign_in

pytestmark = pytest.mark.browser
PASSWORD = "browser test password"
MEMBERS = Members(120, 70, 40, 30)


def group_with_rep(
    server: LiveServer, state: GroupState = GroupState.APPROVED
) -> tuple[int, str, str]:
    """A new group (unique name) and its representative: (group id, slug, username)."""
    tag = uuid.uuid4().hex[:6]
    username = f"wakil.{tag}"
    data = GroupData(
        name=f"Himpunan Wanita Disabilitas {tag}",
        kind=GroupKind.DISABILITY,
        region_code="36.03.01.2003",
        speaks_for="Perempuan penyandang disabilitas di Balaraja",
        members=MEMBERS,
        representative=Representative("Wakil", "wakil@example.org", None),
    )

    async def work(session: AsyncSession) -> tuple[int, str]:
        group = await service.new_group(session, data, state, utcnow())
        user = await create_user(
            session,
            username=username,
            full_name="Wakil Kelompok",
            role=Role.GROUP_REP,
            password=PASSWORD,
            password_hash=factories.HASHER.hash(PASSWORD),
        )
        user.group_id = group.id
        return group.id, group.slug

    group_id, slug = factories.run(server.database_url, work)
    return group_id, slug, username


def rep_sign_in(driver: WebDriver, server: LiveServer, username: str) -> None:
    driver.get(server.url("/staff/login"))
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    rj.press_button(driver)
    assert "/staff/login" not in driver.current_url, driver.current_url


def type_into(driver: WebDriver, field_id: str, text: str) -> None:
    """Tab to the box (Tab selects what is in it, so typing replaces it) and type."""
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == field_id)
    keyboard.press(driver, text)


@pytest.mark.parametrize("mode", [Mode(js=False), Mode(js=True)], ids=str)
def test_collective_submission_with_the_keyboard_alone(
    driver: WebDriver, live_server: LiveServer, mode: Mode
) -> None:
    group_id, _slug, username = group_with_rep(live_server)
    rep_sign_in(driver, live_server, username)
    with rj.in_mode(driver, mode) as load:
        harness.apply_mode(driver, mode)
        driver.get(live_server.url("/report/type", lang="id"))
        skip_to_main(driver)
        answer_radios(driver, "type")

        rj.assert_on_step(driver, "on-behalf")
        choose(driver, "on_behalf", "yes")
        go_on(driver)

        rj.assert_on_step(driver, "on-behalf-count")
        type_into(driver, "behalf_total", "121")  # more than the group's members
        go_on(driver, skip=False)
        summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
        assert keyboard.active(driver) == summary
        link = keyboard.tab_to(driver, lambda e: e.tag_name == "a", max_tabs=1)
        assert link.get_attribute("hash") == "#behalf_total"
        keyboard.press(driver, Keys.ENTER)
        assert keyboard.active(driver).get_attribute("id") == "behalf_total"
        assert keyboard.active(driver).get_attribute("value") == "121"  # kept
        keyboard.press(driver, Keys.END)
        keyboard.press(driver, Keys.BACKSPACE, times=3)
        keyboard.press(driver, "85")
        for field, value in (
            ("behalf_women", "50"),
            ("behalf_youth", "20"),
            ("behalf_disability", "12"),
            ("behalf_signed", "60"),
        ):
            type_into(driver, field, value)
        go_on(driver)

        for slug in ("topic", "subtopic"):
            answer_radios(driver, slug)
        rj.assert_on_step(driver, "title")
        type_into(driver, "title", "Trotoar tanpa jalur pemandu")
        go_on(driver)
        rj.assert_on_step(driver, "details")
        type_into(driver, "details", "Trotoar di depan pasar tidak punya jalur pemandu.")
        go_on(driver)
        rj.assert_on_step(driver, "when")
        choose(driver, "when_kind", "ongoing")
        go_on(driver)
        rj.assert_on_step(driver, "where")
        type_into(driver, "kecamatan", "Balaraja")
        go_on(driver)
        answer_radios(driver, "village")
        rj.assert_on_step(driver, "landmark")
        go_on(driver)
        rj.assert_on_step(driver, "evidence")
        go_on(driver)
        answer_radios(driver, "confidential")  # no "hide your name", no "about you"
        rj.assert_on_step(driver, "contact")
        go_on(driver)

        rj.assert_on_step(driver, "check")
        text = driver.find_element(By.CSS_SELECTOR, ".summary").text
        assert "Atas nama kelompok Anda" in text and "85" in text
        load(lambda: go_on(driver, "Kirim laporan", skip=False))
        code = rj.tracking_code_on_page(driver)

    stored = rj.stored_report(live_server, code)
    assert stored["title"] == "Trotoar tanpa jalur pemandu"

    async def weight(session: AsyncSession) -> tuple[int | None, int]:
        from sqlalchemy import select

        from gesi_app.reports.models import Report

        row = (
            await session.execute(
                select(Report.group_id, Report.weight).where(Report.tracking_code == code)
            )
        ).one()
        return row[0], row[1]

    assert factories.run(live_server.database_url, weight) == (group_id, 85)


def test_the_collective_questions_empty_and_with_errors(
    driver: WebDriver, live_server: LiveServer
) -> None:
    _group_id, _slug, username = group_with_rep(live_server)
    rep_sign_in(driver, live_server, username)
    driver.get(live_server.url("/report/type", lang="id"))
    rj.fill(driver, {"type": "pengaduan"})
    rj.press_button(driver)
    harness.check_page_languages(driver, live_server.url("/report/on-behalf"))
    for lang in ("id", "en"):
        driver.get(live_server.url("/report/on-behalf", lang=lang))
        rj.press_button(driver)
        harness.check_current_page(driver)
        rj.assert_error_shown(driver, lang, ["on_behalf"])
    rj.fill(driver, {"on_behalf": "yes"})
    rj.press_button(driver)
    harness.check_page_languages(driver, live_server.url("/report/on-behalf-count"))
    for mode in (Mode(width=320), Mode(text_zoom=200)):
        harness.check_page(
            driver,
            live_server.url("/report/on-behalf-count"),
            width=mode.width,
            text_zoom=mode.text_zoom,
        )
    for lang in ("id", "en"):
        driver.get(live_server.url("/report/on-behalf-count", lang=lang))
        rj.fill(driver, {"behalf_total": "121", "behalf_women": "x"})
        rj.press_button(driver)
        harness.check_current_page(driver)
        rj.assert_error_shown(
            driver, lang, ["behalf_total", "behalf_women", "behalf_youth", "behalf_disability"]
        )


def test_pages_that_show_a_collective_report(driver: WebDriver, live_server: LiveServer) -> None:
    group_id, slug, _username = group_with_rep(live_server)

    async def work(session: AsyncSession) -> str:
        submitted = await factories.add_published_report(
            session, collective=Collective(group_id, 85, 50, 20, 12)
        )
        return submitted.report.tracking_code

    code = factories.run(live_server.database_url, work)
    harness.check_page_languages(driver, live_server.url(f"/reports/{code}"))
    harness.check_page_languages(driver, live_server.url(f"/groups/{slug}"))
    harness.check_page_languages(driver, live_server.url("/stats"))
    # A citizen co-signs by keyboard; then another group's representative makes an error.
    driver.get(live_server.url(f"/reports/{code}", lang="en"))
    keyboard.tab_to(driver, lambda e: e.tag_name == "button" and "Co-sign" in e.text, max_tabs=80)
    rj.submit_focused(driver)
    assert "You co-signed this report" in driver.find_element(By.ID, "main").text
    harness.check_current_page(driver)
    driver.delete_all_cookies()
    _other, _other_slug, other_rep = group_with_rep(live_server)
    rep_sign_in(driver, live_server, other_rep)
    harness.check_page_languages(driver, live_server.url(f"/reports/{code}"))
    for lang in ("id", "en"):
        driver.get(live_server.url(f"/reports/{code}", lang=lang))
        rj.fill(driver, {"people": "500"})
        rj.press_button(driver, "#cosign ~ form button[type=submit]")
        harness.check_current_page(driver)
        rj.assert_error_shown(driver, lang, ["people"])
    driver.delete_all_cookies()
    staff_sign_in(driver, live_server, new_staff(live_server))
    harness.check_page_languages(driver, live_server.url("/staff/queue?status=all&collective=yes"))
    harness.check_page_languages(driver, live_server.url(f"/staff/reports/{code}"))
