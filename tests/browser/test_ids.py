"""The id-reference check and axe's duplicate-id-aria can fail: a page whose radio is
described by a hint id that two elements carry (issue 12's /report/type) is refused."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import harness, ids
from tests.browser.test_harness import page

pytestmark = pytest.mark.browser

SHARED_HINT = (
    '<fieldset aria-describedby="type-hint"><legend>Type</legend>'
    '<p id="type-hint">Pick one.</p>'
    '<input type="radio" id="type" name="type" aria-describedby="type-hint">'
    '<label for="type">Complaint</label><p id="type-hint">A service is broken.</p></fieldset>'
)


def test_a_shared_hint_id_is_named_with_each_reference(driver: WebDriver) -> None:
    driver.get(page(SHARED_HINT + '<label for="nowhere">Lost</label>'))
    assert ids.reference_problems(driver) == [
        '<label> for names "nowhere", which is on no element',
        '<fieldset> aria-describedby names "type-hint", which is on 2 elements',
        '<input id="type" name="type"> aria-describedby names "type-hint", which is on 2 elements',
    ]
    with pytest.raises(AssertionError, match="id references on"):
        harness.check_page(driver, page(SHARED_HINT))


def test_axe_duplicate_id_aria_counts_as_a_violation(driver: WebDriver) -> None:
    driver.get(page(SHARED_HINT))
    found = {violation["id"] for violation in harness.run_axe(driver)}
    assert "duplicate-id-aria" in found


def test_unique_references_pass(driver: WebDriver) -> None:
    fine = SHARED_HINT.replace('<p id="type-hint">A service', '<p id="type-c-hint">A service')
    harness.check_page(driver, page(fine))
