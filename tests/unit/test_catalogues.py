"""The message catalogues are fresh, complete in every language, and compiled."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "gesi_app" / "locales"


def _load_messages_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "messages_script", ROOT / "scripts" / "messages.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ids(path: Path, locale: str | None = None) -> set[str | tuple[str, ...]]:
    with path.open("rb") as fh:
        return {
            m.id if isinstance(m.id, str) else tuple(m.id)
            for m in read_po(fh, locale=locale)
            if m.id
        }


def test_committed_pot_matches_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    _load_messages_script().extract(fresh)
    committed, extracted = _ids(LOCALES / "messages.pot"), _ids(fresh)
    assert extracted - committed == set(), "new strings: run make messages"
    assert committed - extracted == set(), "stale strings: run make messages"


@pytest.mark.parametrize("locale", ["id", "en"])
def test_every_language_has_every_string(locale: str) -> None:
    po = LOCALES / locale / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    pot_ids = _ids(LOCALES / "messages.pot")
    assert _ids(po, locale) >= pot_ids, f"{locale}: run make messages"
    untranslated = [
        m.id
        for m in catalog
        if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string]))
    ]
    assert untranslated == []


def test_indonesian_has_one_plural_form() -> None:
    text = (LOCALES / "id" / "LC_MESSAGES" / "messages.po").read_text()
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text


@pytest.mark.parametrize("locale", ["id", "en"])
def test_catalogues_are_compiled(locale: str) -> None:
    po = LOCALES / locale / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime, "run make compile"
