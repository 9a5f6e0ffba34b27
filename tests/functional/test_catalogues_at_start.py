"""``gesi-app serve`` never serves untranslated pages (gesi_app/i18n/catalogues.py).

From a checkout it compiles missing or out-of-date catalogues before it starts; installed
without them it refuses, with one line naming the fix. The checks run on copies of the real
package in temporary folders: one laid out as a checkout (pyproject.toml beside the package),
one as installed (the package alone), each without its compiled catalogues.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from babel.support import Translations

from gesi_app.i18n import LOCALE_DIR
from gesi_app.i18n.catalogues import (
    CataloguesMissing,
    catalogues,
    compiled,
    ensure_compiled,
    out_of_date,
)
from tests.serving_support import INSTALLED_LINE, QUESTION_ID, free_port, page

ROOT = Path(__file__).resolve().parents[2]


def _copy_package(into: Path, *, checkout: bool) -> Path:
    """The real package without its .mo files; with pyproject.toml beside it for a checkout."""
    into.mkdir()
    shutil.copytree(
        ROOT / "gesi_app",
        into / "gesi_app",
        ignore=shutil.ignore_patterns("__pycache__", "*.mo"),
    )
    if checkout:
        shutil.copy(ROOT / "pyproject.toml", into / "pyproject.toml")
    return into / "gesi_app" / "locales"


def _locales_only(into: Path, *, checkout: bool) -> Path:
    into.mkdir()
    shutil.copytree(
        LOCALE_DIR, into / "gesi_app" / "locales", ignore=shutil.ignore_patterns("*.mo")
    )
    if checkout:
        (into / "pyproject.toml").write_text("")
    return into / "gesi_app" / "locales"


def test_a_checkout_compiles_what_is_missing_then_nothing(tmp_path: Path) -> None:
    locales = _locales_only(tmp_path / "checkout", checkout=True)
    assert [c.locale for c in out_of_date(locales)] == ["id", "en"]
    assert ensure_compiled(locales) == ["id", "en"]
    for catalogue in catalogues(locales):
        assert catalogue.mo.read_bytes() == compiled(catalogue.po, catalogue.locale)
    assert ensure_compiled(locales) == []
    indonesian = Translations.load(str(locales), ["id"])
    assert indonesian.gettext("What kind of report is it?") != "What kind of report is it?"


def test_a_po_newer_than_its_mo_counts_only_when_its_words_changed(tmp_path: Path) -> None:
    locales = _locales_only(tmp_path / "checkout", checkout=True)
    ensure_compiled(locales)
    po = locales / "id" / "LC_MESSAGES" / "messages.po"
    later = time.time() + 10
    os.utime(po, (later, later))  # unpacked after its .mo, same words
    assert out_of_date(locales) == []
    po.write_text(po.read_text().replace(f'msgstr "{QUESTION_ID}"', 'msgstr "Jenis laporan?"'))
    os.utime(po, (later + 10, later + 10))
    assert [c.locale for c in out_of_date(locales)] == ["id"]
    assert ensure_compiled(locales) == ["id"]
    indonesian = Translations.load(str(locales), ["id"])
    assert indonesian.gettext("What kind of report is it?") == "Jenis laporan?"


def test_an_installed_package_without_catalogues_refuses(tmp_path: Path) -> None:
    locales = _locales_only(tmp_path / "site-packages", checkout=False)
    with pytest.raises(CataloguesMissing) as refused:
        ensure_compiled(locales)
    assert f"error: {refused.value}" == INSTALLED_LINE
    assert not any(c.mo.exists() for c in catalogues(locales))


def test_a_checkout_that_cannot_write_says_make_compile(tmp_path: Path) -> None:
    locales = _locales_only(tmp_path / "checkout", checkout=True)
    # A folder where the file should be: writing fails even for root.
    (locales / "en" / "LC_MESSAGES" / "messages.mo").mkdir()
    with pytest.raises(CataloguesMissing) as refused:
        ensure_compiled(locales)
    assert str(refused.value) == (
        "the language catalogues (id, en) are out of date and cannot be written here "
        "(IsADirectoryError): run make compile"
    )


def _serve(
    package_root: Path, tmp_path: Path, sqlite_url: str
) -> tuple[subprocess.Popen[str], int]:
    env = {
        **os.environ,
        # the copy first, so that it is the gesi_app imported
        "PYTHONPATH": os.pathsep.join([str(package_root), *sys.path]),
        "GESI_DATA_DIR": str(tmp_path / "data"),
        "GESI_DATABASE_URL": sqlite_url,
        "GESI_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "GESI_JOBS_INTERVAL_MINUTES": "0",
    }
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gesi_app.cli", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return server, port


def test_serve_from_a_checkout_without_catalogues_answers_in_indonesian(
    tmp_path: Path, sqlite_url: str
) -> None:
    locales = _copy_package(tmp_path / "checkout", checkout=True)
    server, port = _serve(tmp_path / "checkout", tmp_path, sqlite_url)
    try:
        html = page(server, port, "/report/type")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert '<html lang="id"' in html and QUESTION_ID in html, output
    assert "catalogues compiled: id, en" in output
    assert all(c.mo.is_file() for c in catalogues(locales))


def test_serve_installed_without_catalogues_refuses_with_one_line(
    tmp_path: Path, sqlite_url: str
) -> None:
    _copy_package(tmp_path / "site-packages", checkout=False)
    server, _port = _serve(tmp_path / "site-packages", tmp_path, sqlite_url)
    output, _ = server.communicate(timeout=60)
    assert server.returncode == 2
    assert output == INSTALLED_LINE + "\n"


def test_serve_runs_on_httptools_and_uvloop(tmp_path: Path, sqlite_url: str) -> None:
    """uvicorn[standard]: the C HTTP parser and event loop, loaded in the serving process."""
    server, port = _serve(ROOT, tmp_path, sqlite_url)
    try:
        html = page(server, port, "/report/type")
        loaded = Path(f"/proc/{server.pid}/maps").read_text()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert QUESTION_ID in html
    assert output.startswith("serving with httptools and uvloop\n"), output
    assert "/uvloop/loop." in loaded and "/httptools/parser/parser." in loaded
