"""Community groups in real Chromium with axe-core and the Nu checker: the directory (filled,
filtered, nothing found), a group's page, every registration page empty and with errors,
check your answers and the confirmation, in both languages; the whole registration with the
keyboard alone and JavaScript off."""

from __future__ import annotations

import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.db.base import utcnow
from gesi_app.groups import service
from gesi_app.groups.models import GroupKind, GroupState
from gesi_app.groups.service import GroupData, Members, Representative
from tests import factories
from tests.browser import harness, keyboard
from tests.browser import report_journey as rj
from tests.browser.harness import Mode
from tests.browser.server import LiveServer
from tests.browser.test_staff import new_staff, sign_in

pytestmark = pytest.mark.browser
LAYOUTS = [Mode(width=320), Mode(text_zoom=200)]
KECAMATAN = "36.03.01"  # Balaraja
DESA = "36.03.01.2003"  # Cangkudu


def approved_group(server: LiveServer, name: str, kind: GroupKind, members: Members) -> str:
    data = GroupData(
        name=name,
        kind=kind,
        region_code=DESA,
        speaks_for="Orang Tuli dan keluarganya di Balaraja",
        members=members,
        representative=Representative("Kanari Wahyu", "kanari@example.org", None),
    )

    async def go(session: AsyncSession) -> str:
        group = await service.new_group(session, data, GroupState.APPROVED, utcnow())
        return group.slug

    slug: str = factories.run(server.database_url, go)
    return slug


def test_the_directory_and_a_group_page(driver: WebDriver, live_server: LiveServer) -> None:
    word = uuid.uuid4().hex[:6]
    slug = approved_group(
        live_server, f"Gerkatin Balaraja {word}", GroupKind.DISABILITY, Members(42, 20, 3, 40)
    )
    approved_group(live_server, f"Karang Taruna {word}", GroupKind.YOUTH, Members(8, 4, 8, 0))
    for url in (
        live_server.url("/groups"),
        live_server.url("/groups", kind="disability", area=KECAMATAN),
        live_server.url("/groups", kind="other", area="36.03.02"),  # nothing found
        live_server.url(f"/groups/{slug}"),
        live_server.url("/groups/no-such-group"),
    ):
        harness.check_page_languages(driver, url)
    for mode in LAYOUTS:
        for path in ("/groups", f"/groups/{slug}"):
            harness.check_page(
                driver, live_server.url(path), width=mode.width, text_zoom=mode.text_zoom
            )


def fill(driver: WebDriver, slug: str) -> None:
    """Answer the question on the page with the mouse, as a sighted person would."""
    if slug == "name":
        driver.find_element(By.ID, "name").send_keys("Persatuan Tuna Netra Balaraja")
    elif slug == "kind":
        driver.find_element(By.CSS_SELECTOR, "label[for='kind']").click()
    elif slug == "area":
        Select(driver.find_element(By.ID, "kecamatan")).select_by_value(KECAMATAN)
    elif slug == "village":
        driver.find_element(By.CSS_SELECTOR, f"input[value='{DESA}']").click()
    elif slug == "members":
        for field, value in (
            ("members_total", "25"),
            ("members_women", "12"),
            ("members_youth", "6"),
            ("members_disability", "25"),
        ):
            driver.find_element(By.ID, field).send_keys(value)
    elif slug == "speaks-for":
        driver.find_element(By.ID, "speaks_for").send_keys("Orang buta dan keluarganya")
    else:
        driver.find_element(By.ID, "rep_name").send_keys("Kanari Sari")
        driver.find_element(By.ID, "rep_phone").send_keys("0812 3456 7890")


def send(driver: WebDriver) -> None:
    """Press the form's button and wait until the next page has replaced this one (waiting for
    `main` alone could find the old page's, before the answer came back)."""
    rj.press_button(driver)


STEPS = ("name", "kind", "area", "village", "members", "speaks-for", "representative")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_registration_page_empty_and_with_errors(
    driver: WebDriver, live_server: LiveServer, lang: str
) -> None:
    harness.check_page_languages(driver, live_server.url("/groups/register"), languages=(lang,))
    for slug in STEPS:
        url = live_server.url(f"/groups/register/{slug}")
        harness.check_page_languages(driver, url, languages=(lang,))  # empty, or the answer given
        if slug in ("members", "representative") and lang == "id":
            for mode in LAYOUTS:  # several fields on one page: still fits at 320 px and 200%
                harness.check_page(driver, url, width=mode.width, text_zoom=mode.text_zoom)
        driver.get(live_server.url(f"/groups/register/{slug}", lang=lang))
        send(driver)  # nothing chosen or typed
        assert driver.find_elements(By.CSS_SELECTOR, ".error-summary"), slug
        prefix = "Kesalahan: " if lang == "id" else "Error: "
        assert driver.title.startswith(prefix)
        harness.check_current_page(driver)
        fill(driver, slug)
        send(driver)
    assert "/groups/register/check" in driver.current_url
    harness.check_page_languages(
        driver, live_server.url("/groups/register/check"), languages=(lang,)
    )
    for mode in LAYOUTS:
        harness.check_page(
            driver,
            live_server.url("/groups/register/check"),
            width=mode.width,
            text_zoom=mode.text_zoom,
        )
    driver.get(live_server.url("/groups/register/check", lang=lang))
    send(driver)
    harness.wait_for_url(driver, "/groups/register/done")
    assert driver.find_element(By.CSS_SELECTOR, ".tracking-code").text.startswith("KLP-")
    harness.check_page_languages(
        driver, live_server.url("/groups/register/done"), languages=(lang,)
    )


def go_on(driver: WebDriver, label: str) -> None:
    keyboard.tab_to(driver, lambda e: e.tag_name == "button" and e.text.strip() == label)
    rj.submit_focused(driver)


def type_into(driver: WebDriver, field_id: str, text: str) -> None:
    keyboard.tab_to(driver, lambda e: e.get_attribute("id") == field_id, max_tabs=60)
    keyboard.press(driver, text)


def choose_first(driver: WebDriver, name: str) -> None:
    keyboard.tab_to(driver, lambda e: e.get_attribute("name") == name, max_tabs=60)
    keyboard.press(driver, Keys.SPACE)
    assert keyboard.active(driver).is_selected()


def test_registration_with_the_keyboard_alone_and_javascript_off(
    driver: WebDriver, live_server: LiveServer
) -> None:
    with harness.mode_applied(driver, Mode(js=False)):
        driver.get(live_server.url("/groups", lang="id"))
        keyboard.tab_to(
            driver,
            lambda e: e.tag_name == "a" and e.text.strip() == "Daftarkan kelompok Anda",
            max_tabs=60,
        )
        rj.submit_focused(driver)
        keyboard.tab_to(
            driver, lambda e: e.tag_name == "a" and e.text.strip() == "Mulai sekarang", max_tabs=60
        )
        rj.submit_focused(driver)
        assert driver.current_url.endswith("/groups/register/name")
        # Sent empty: the error summary takes the focus and its link leads to the field.
        go_on(driver, "Lanjutkan")
        summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
        assert keyboard.active(driver) == summary
        link = keyboard.tab_to(driver, lambda e: e.tag_name == "a", max_tabs=1)
        assert link.get_attribute("hash") == "#name"
        keyboard.press(driver, Keys.ENTER)
        assert keyboard.active(driver).get_attribute("id") == "name"
        keyboard.press(driver, "Persatuan Tuli Balaraja")
        go_on(driver, "Lanjutkan")
        choose_first(driver, "kind")
        go_on(driver, "Lanjutkan")
        type_into(driver, "kecamatan", "Balaraja")  # type-ahead in the closed list
        assert Select(keyboard.active(driver)).first_selected_option.get_attribute("value") == (
            KECAMATAN
        )
        go_on(driver, "Lanjutkan")
        choose_first(driver, "desa")
        go_on(driver, "Lanjutkan")
        for field, value in (
            ("members_total", "30"),
            ("members_women", "14"),
            ("members_youth", "9"),
            ("members_disability", "30"),
        ):
            type_into(driver, field, value)
        go_on(driver, "Lanjutkan")
        type_into(driver, "speaks_for", "Orang Tuli di Balaraja dan keluarganya")
        go_on(driver, "Lanjutkan")
        type_into(driver, "rep_name", "Kanari Dewi")
        type_into(driver, "rep_email", "dewi@example.org")
        go_on(driver, "Lanjutkan")
        assert driver.current_url.endswith("/groups/register/check")
        assert "Persatuan Tuli Balaraja" in driver.page_source
        go_on(driver, "Kirim pendaftaran")
        assert driver.current_url.endswith("/groups/register/done")
        assert "Kelompok Anda sudah terdaftar" in driver.page_source
        assert not driver.execute_script(
            "return document.documentElement.classList.contains('js-enabled')"
        )


def pending_group_id(server: LiveServer) -> int:
    data = GroupData(
        name=f"Kelompok Lansia {uuid.uuid4().hex[:6]}",
        kind=GroupKind.OTHER,
        region_code=KECAMATAN,
        speaks_for="Orang lanjut usia di Balaraja",
        members=Members(12, 7, 0, 3),
        representative=Representative("Kanari Budi", None, "+6281234567890"),
    )

    async def go(session: AsyncSession) -> int:
        group = await service.register(session, data)
        return group.id

    group_id: int = factories.run(server.database_url, go)
    return group_id


def test_the_admins_group_pages(driver: WebDriver, live_server: LiveServer) -> None:
    sign_in(driver, live_server, new_staff(live_server))
    group_id = pending_group_id(live_server)
    # A change of member counts, through the form, so the history has an old -> new row.
    driver.get(live_server.url(f"/staff/groups/{group_id}/edit", lang="en"))
    total = driver.find_element(By.ID, "members_total")
    total.clear()
    total.send_keys("15")
    send(driver)
    harness.wait_for_url(driver, "saved=1")
    for path in (
        "/staff/groups",
        "/staff/groups/new",
        f"/staff/groups/{group_id}",
        f"/staff/groups/{group_id}/edit",
        f"/staff/groups/{group_id}/review",
    ):
        harness.check_page_languages(driver, live_server.url(path))
    driver.get(live_server.url(f"/staff/groups/{group_id}", lang="en"))
    assert "All members: 12 → 15" in driver.page_source
    for lang in ("id", "en"):
        driver.get(live_server.url(f"/staff/groups/{group_id}/review", lang=lang))
        driver.find_element(By.CSS_SELECTOR, "label[for='decision-2']").click()  # reject
        send(driver)  # without a reason
        assert driver.find_elements(By.CSS_SELECTOR, ".error-summary")
        harness.check_current_page(driver)
        driver.get(live_server.url("/staff/groups/new", lang=lang))
        driver.find_element(By.ID, "members_total").send_keys("abc")
        send(driver)
        assert driver.find_elements(By.CSS_SELECTOR, ".error-summary")
        harness.check_current_page(driver)
    harness.check_page(driver, live_server.url(f"/staff/groups/{group_id}", lang="id"), width=320)
    harness.check_page(driver, live_server.url("/staff/groups/new", lang="en"), width=320)
