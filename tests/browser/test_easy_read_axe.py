"""Easy-read pages pass axe in Indonesian and English: the start page (also at 320 px), a
journey question with its choices' pictures, a form with an error, the tracking code page and
the forums page. The pictures are decorative (empty alt) and the easy words are on the page."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from gesi_app import i18n
from gesi_app.app import easy_read_registry
from gesi_app.web.preferences import PREFS_COOKIE
from tests.browser import harness
from tests.browser.server import LiveServer, with_query

pytestmark = pytest.mark.browser

# path, a standard message on it whose easy words must show, and the width to check at
PAGES = (
    ("/", "Send a complaint, an idea or a question. It takes about 5 minutes.", 320),
    ("/report/type", "A public service is bad, broken or missing.", None),
    ("/forums?code=K7M", "Enter the 6 letters and numbers of the join code, like K7M 2PQ", None),
    ("/track", "You got it when you sent your report, for example SRA-7K4Q-2M.", None),
)


def easy_words(msgid: str, lang: str) -> str:
    return str(i18n.translations(lang).gettext(easy_read_registry().text(msgid)))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_easy_read_pages_pass_axe(driver: WebDriver, live_server: LiveServer, lang: str) -> None:
    driver.get(live_server.url("/"))
    driver.add_cookie({"name": PREFS_COOKIE, "value": "easy:1", "path": "/"})
    for path, message, width in PAGES:
        harness.check_page(driver, with_query(live_server.url(path), lang=lang), width=width)
        assert "easy-read" in (
            driver.find_element(By.TAG_NAME, "html").get_attribute("class") or ""
        )
        text = " ".join(driver.find_element(By.TAG_NAME, "main").text.split())
        assert easy_words(message, lang) in text, path
        pictures = driver.find_elements(By.CSS_SELECTOR, "img.pictogram")
        assert pictures, f"{path}: no pictures"
        assert {p.get_attribute("alt") for p in pictures} == {""}, path
