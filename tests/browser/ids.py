"""Ids that names and descriptions hang on: each one a page refers to is there, exactly once.

A label's ``for``, ``aria-labelledby``, ``aria-describedby`` and the other id references give a
control its name and description. When the id they name is on two elements, browsers take the
first, and a screen reader reads the wrong hint (the first radio of /report/type once read
the question's hint). axe-core 4.14 has one rule for this, ``duplicate-id-aria``, but it only
asks for a review (``incomplete``) and its two siblings are deprecated and off; so
``harness.run_axe`` counts that rule's reviews as violations, and this check, run on every
checked page, covers every kind of reference and also a reference to an id that is missing.
"""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

# Attributes whose value is one id or a list of ids (HTML and WAI-ARIA 1.2).
ID_REFERENCES = (
    "for",
    "headers",
    "form",
    "list",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-flowto",
    "aria-details",
    "aria-errormessage",
    "aria-activedescendant",
)

_REFERENCE_PROBLEMS = """
const attributes = arguments[0];
const count = new Map();
for (const el of document.querySelectorAll('[id]')) count.set(el.id, (count.get(el.id) || 0) + 1);
const describe = (el) => '<' + el.tagName.toLowerCase()
  + (el.id ? ' id="' + el.id + '"' : '') + (el.name ? ' name="' + el.name + '"' : '') + '>';
const problems = [];
for (const attribute of attributes) {
  for (const el of document.querySelectorAll('[' + attribute + ']')) {
    for (const id of el.getAttribute(attribute).trim().split(/\\s+/).filter(Boolean)) {
      const n = count.get(id) || 0;
      if (n === 1) continue;
      problems.push(describe(el) + ' ' + attribute + ' names "' + id + '", which is on '
        + (n ? n + ' elements' : 'no element'));
    }
  }
}
return problems;
"""


def reference_problems(driver: WebDriver) -> list[str]:
    """Each id reference on the current page that names no element or several."""
    problems: list[str] = driver.execute_script(_REFERENCE_PROBLEMS, list(ID_REFERENCES))
    return problems


def assert_references_unique(driver: WebDriver, where: str) -> None:
    problems = reference_problems(driver)
    assert not problems, f"id references on {where}:\n" + "\n".join(problems)
