"""Every page of the report journey with axe-core, in Indonesian and English: each question
empty and with its errors, the evidence list after an upload, check your answers with its
error, and the confirmation. One pass with JavaScript on and one with it off."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import report_journey as rj
from tests.browser.harness import LANGUAGES, Mode
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

SUBMIT = "main form button[type=submit]"
UPLOAD = "main form button[value=upload]"


@dataclass(frozen=True)
class Mistake:
    """A way to send a question wrongly, and the fields its error summary links to."""

    fields: list[str]
    values: rj.Values = field(default_factory=dict)
    forged: dict[str, str] = field(default_factory=dict)  # a value no control offers
    button: str = SUBMIT
    upload: str | None = None  # name of a file in the test's folder to choose


def _nothing_chosen(slug: str) -> list[Mistake]:
    return [Mistake([next(iter(rj.ANSWERS[slug]))])]


MISTAKES: dict[str, list[Mistake]] = {
    **{slug: _nothing_chosen(slug) for slug in rj.ALL_STEPS if rj.ANSWERS[slug]},
    "title": [Mistake(["title"], {"title": ""})],
    "details": [Mistake(["details"], {"details": ""})],
    "when": [
        Mistake(["when_kind"]),
        Mistake(
            ["when_day"],
            {"when_kind": "date", "when_day": "31", "when_month": "2", "when_year": "2026"},
        ),
    ],
    "where": [Mistake(["kecamatan"], {"kecamatan": ""})],
    "landmark": [Mistake(["landmark"], {"landmark": "Depan pasar " * 20})],
    "evidence": [
        Mistake(["evidence_file"], button=UPLOAD),
        Mistake(
            ["evidence_file"], {"evidence_description": "Surat"}, button=UPLOAD, upload="surat.jpg"
        ),
    ],
    "disability-kind": [Mistake(["disability_kinds"], forged={"disability_kinds": "lainnya"})],
    "contact": [
        Mistake(
            ["contact_email", "contact_phone"], {"contact_email": "siti@", "contact_phone": "123"}
        )
    ],
}

_FORGE = """
const [name, value] = [arguments[0], arguments[1]];
const control = document.getElementsByName(name)[0];
if (control.tagName === 'SELECT') {
  control.add(new Option(value, value)); control.value = value;
} else {
  control.value = value; if ('checked' in control) control.checked = true;
}
"""


def make(driver: WebDriver, mistake: Mistake, folder: Path) -> None:
    rj.fill(driver, mistake.values)
    for name, value in mistake.forged.items():
        driver.execute_script(_FORGE, name, value)
    if mistake.upload:
        chooser = driver.find_element(By.ID, "evidence_file")
        chooser.send_keys(str(folder / mistake.upload))
    rj.press_button(driver, mistake.button)


def evidence_files(folder: Path) -> None:
    """A real photo, and a text file named like a photo (refused by its content)."""
    Image.new("RGB", (16, 12), (120, 90, 60)).save(folder / "jalan.jpg", "JPEG")
    (folder / "surat.jpg").write_text("Ini surat, bukan foto.\n")


# Scripts change these pages only through the character count, so the pass with JavaScript
# on looks at every page and at the errors of the question that has a count.
PASSES = [
    pytest.param(Mode(js=False), MISTAKES, id="JavaScript off, every error"),
    pytest.param(Mode(js=True), {"details": MISTAKES["details"]}, id="JavaScript on"),
]


@pytest.mark.parametrize(("mode", "mistakes"), PASSES)
def test_every_page_in_both_languages(
    driver: WebDriver,
    live_server: LiveServer,
    mode: Mode,
    mistakes: dict[str, list[Mistake]],
    tmp_path: Path,
) -> None:
    evidence_files(tmp_path)
    with rj.in_mode(driver, mode) as load:
        for lang in LANGUAGES:
            load(lambda lang=lang: driver.get(live_server.url("/report", lang=lang)))
        driver.get(live_server.url("/report/type"))
        for slug in rj.ALL_STEPS:
            for lang in LANGUAGES:
                load(lambda lang=lang: rj.switch_language(driver, lang))
                rj.assert_on_step(driver, slug)
                for mistake in mistakes.get(slug, []):
                    load(lambda m=mistake: make(driver, m, tmp_path))
                    rj.assert_error_shown(driver, lang, mistake.fields)
                if slug == "details":
                    counts = driver.find_elements(By.CSS_SELECTOR, ".char-count")
                    assert [c.is_displayed() for c in counts] == ([True] if mode.js else [])
            if slug == "evidence":
                # The list of added files, with its Remove button, in both languages.
                photo = Mistake(
                    [], {"evidence_description": "Lubang"}, button=UPLOAD, upload="jalan.jpg"
                )
                load(lambda m=photo: make(driver, m, tmp_path))
                for lang in reversed(LANGUAGES):
                    if lang != LANGUAGES[-1]:
                        load(lambda lang=lang: rj.switch_language(driver, lang))
                    listed = driver.find_element(By.CSS_SELECTOR, ".file-list li")
                    assert "jalan.jpg: Lubang" in listed.text
                    assert listed.find_element(By.CSS_SELECTOR, "button[value^='remove:']")
            rj.answer(driver, slug)

        rj.assert_on_step(driver, "check")
        for lang in LANGUAGES:
            load(lambda lang=lang: rj.switch_language(driver, lang))
            assert "jalan.jpg" in driver.find_element(By.CSS_SELECTOR, ".summary").text
            if mode.js:
                continue
            robot = Mistake([], forged={"website": "http://spam.example"})
            load(lambda m=robot: make(driver, m, tmp_path))
            rj.assert_error_shown(driver, lang, [])

        rj.press_button(driver)
        code = rj.tracking_code_on_page(driver)
        for lang in LANGUAGES:
            load(lambda lang=lang: rj.switch_language(driver, lang))
            assert rj.tracking_code_on_page(driver) == code
    stored = rj.stored_report(live_server, code)
    assert stored["attachments"] == ["jalan.jpg"]
    assert stored["disability_kinds"] == ["sensorik_netra"]
