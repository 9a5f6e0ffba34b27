"""The pytest side of the Nu check (``tests.browser.nu``): one folder of pages a session, one
run of vnu.jar at its end, in the controller, which fails the session on any error.

Registered from ``tests/conftest.py`` (``pytest_plugins``), so the controller of an xdist run,
which collects no tests and so never loads ``tests/browser/conftest.py``, has these hooks too.
The controller makes the folder and hands it to each worker (``workerinput``); without xdist
the one process does both.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from scripts import vnu_jar
from tests.browser import nu

_DIR = pytest.StashKey[Path]()
_RESULT = pytest.StashKey[nu.NuResult]()
_WORKER_KEY = "nu_pages_dir"


@pytest.hookimpl(trylast=True)  # after the tmp_path plugin has made its factory
def pytest_configure(config: pytest.Config) -> None:
    workerinput: dict[str, Any] | None = getattr(config, "workerinput", None)
    if workerinput is not None:
        directory = Path(workerinput[_WORKER_KEY])
    else:
        directory = _session_folder(config)
        config.stash[_DIR] = directory
    nu.set_pages_dir(directory)


def _session_folder(config: pytest.Config) -> Path:
    """In the session's temporary folder, which pytest itself prunes (last three sessions)."""
    factory = getattr(config, "_tmp_path_factory", None)  # the tmp_path plugin's, made first
    if isinstance(factory, pytest.TempPathFactory):
        return factory.mktemp("nu-pages", numbered=True)
    return Path(tempfile.mkdtemp(prefix="nu-pages-"))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist: every worker saves its pages into the controller's folder."""
    node.workerinput[_WORKER_KEY] = str(node.config.stash[_DIR])


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if _DIR not in config.stash:  # a worker: the controller checks
        return
    directory = config.stash[_DIR]
    result = nu.run_checker(directory)
    config.stash[_RESULT] = result
    failed = bool(result.errors) or (bool(result.problem) and nu.IN_CI)
    if failed and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if failed:
        return  # the pages stay for a look; the report names the folder
    shutil.rmtree(directory, ignore_errors=True)
    nu.set_pages_dir(None)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    result = config.stash.get(_RESULT, None)
    if result is None or not result.pages:
        return
    if result.ok:
        terminalreporter.write_line(
            f"Nu Html Checker {vnu_jar.VERSION}: no errors in {result.pages} page(s)"
            f" ({result.places} page visits)",
            green=True,
        )
        return
    failing = bool(result.errors) or nu.IN_CI
    terminalreporter.write_sep("=", "Nu Html Checker", red=failing, yellow=not failing)
    terminalreporter.write_line(nu.format_report(result))
    if failing:
        terminalreporter.write_line(f"(pages kept in {config.stash[_DIR]})")
