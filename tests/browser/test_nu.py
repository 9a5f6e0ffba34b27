"""The Nu check itself can fail: a page with a known error is reported by its address, mode
and error, and a test session that saved such a page ends with a failing exit status (with
xdist too). No browser here: pages are saved as the harness saves them."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import vnu_jar
from tests.browser import nu

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
VALID = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fine</title></head>'
    "<body><main><h1>Fine</h1></main></body></html>"
)
# The bug of issue 12: a choice's hint with the question's hint id; and an htmx attribute.
INVALID = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Type</title></head>'
    '<body><main><p id="type-hint">Pick one.</p><p id="type-hint">A complaint.</p>'
    '<form hx-post="/x"></form></main></body></html>'
)


@pytest.fixture
def checker() -> None:
    """java and the pinned vnu.jar; with CI=true their absence fails instead of skipping."""
    missing = [
        what
        for what, there in (("java", nu.find_java()), ("vnu.jar (make vnu)", vnu_jar.is_current()))
        if not there
    ]
    if missing and nu.IN_CI:
        pytest.fail(f"the Nu check needs {', '.join(missing)} in CI", pytrace=False)
    if missing:
        pytest.skip(f"missing {', '.join(missing)}")


def test_a_page_with_errors_is_reported_by_address_mode_and_error(
    checker: None, tmp_path: Path
) -> None:
    url = "http://127.0.0.1:8123/report/type?lang=en"
    nu.save_page(tmp_path, VALID, url="http://127.0.0.1:8123/", mode="JavaScript on", kind="DOM")
    nu.save_page(tmp_path, INVALID, url=url, mode="JavaScript off", kind="as served")
    nu.save_page(tmp_path, INVALID, url=url, mode="JavaScript on", kind="as served")
    result = nu.run_checker(tmp_path)
    assert (result.pages, result.places) == (2, 3)
    assert not result.ok and not result.problem
    report = nu.format_report(result)
    assert "2 error(s) in 1 of 2 page(s) (3 page visits)" in report
    # The page once, with its first visit and how many more there were.
    assert "/report/type?lang=en (JavaScript off; as served)" in report
    assert "(+1 more visit(s)), line 1" in report
    assert "Duplicate ID “type-hint”." in report
    assert "Attribute “hx-post” not allowed on element “form” at this point." in report
    assert "127.0.0.1:8123/ (" not in report  # the valid page is not named


def test_without_java_the_check_says_so(tmp_path: Path) -> None:
    nu.save_page(tmp_path, VALID, url="http://127.0.0.1:1/", mode="JavaScript on", kind="DOM")
    result = nu.run_checker(tmp_path, java=None, jar=tmp_path / "no-such.jar")
    if result.problem.startswith("java"):  # no java on this machine
        return
    assert "no-such.jar" in result.problem
    assert not result.ok


SESSION_TEST = """
from tests.browser import nu

def test_visits_a_page():
    nu.save_page(nu.pages_dir(), {html!r}, url="http://127.0.0.1:1/report/type?lang=id",
                 mode="JavaScript off", kind="as served")
"""


@pytest.mark.parametrize("workers", [[], ["-n", "1"]], ids=["one process", "xdist"])
def test_a_session_that_saw_an_invalid_page_fails_at_its_end(
    checker: None, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, workers: list[str]
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(test_bad=SESSION_TEST.format(html=INVALID))
    result = pytester.runpytest_subprocess("-p", "tests.browser.nu_plugin", *workers)
    result.assert_outcomes(passed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    out = result.stdout.str()
    assert (
        "/report/type?lang=id (JavaScript off; as served) in test_bad.py::test_visits_a_page" in out
    )
    assert "Duplicate ID “type-hint”." in out


def test_a_session_of_valid_pages_passes(
    checker: None, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(test_good=SESSION_TEST.format(html=VALID))
    result = pytester.runpytest_subprocess("-p", "tests.browser.nu_plugin", "-n", "1")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [f"Nu Html Checker {vnu_jar.VERSION}: no errors in 1 page(s) (1 page visits)"]
    )


@pytest.mark.parametrize(
    ("ci", "exit_code"), [("true", pytest.ExitCode.TESTS_FAILED), ("", pytest.ExitCode.OK)]
)
def test_without_java_a_session_fails_in_ci_and_says_so_elsewhere(
    pytester: pytest.Pytester,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    ci: str,
    exit_code: pytest.ExitCode,
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("CI", ci)
    monkeypatch.setenv("PATH", str(tmp_path))  # no java there; pytest starts by full path
    pytester.makepyfile(test_good=SESSION_TEST.format(html=VALID))
    result = pytester.runpytest_subprocess("-p", "tests.browser.nu_plugin")
    result.assert_outcomes(passed=1)
    assert result.ret == exit_code
    assert "did not run over 1 page(s): java is not installed" in result.stdout.str()
