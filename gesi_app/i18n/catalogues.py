"""The compiled catalogues (``.mo``) the app reads, checked against their sources (``.po``).

Without a compiled catalogue gettext falls back to the msgid, so a page says
``<html lang="id">`` in English. ``gesi-app serve`` therefore checks them before it starts:
from a checkout it compiles what is missing or out of date, as ``make compile`` would; an
installed package carries its catalogues compiled by its build (setup.py), and without them it
refuses to start.

A ``.mo`` older than its ``.po`` is out of date only when its content differs from what the
``.po`` compiles to: unpacking a package may write the ``.mo`` a moment before its ``.po``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from gesi_app.settings import LOCALES

DOMAIN = "messages"


class CataloguesMissing(Exception):
    """The catalogues are missing or out of date and cannot be compiled here."""


@dataclass(frozen=True)
class Catalogue:
    locale: str
    po: Path
    mo: Path


def catalogues(locale_dir: Path) -> list[Catalogue]:
    return [
        Catalogue(
            locale,
            locale_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po",
            locale_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.mo",
        )
        for locale in LOCALES
    ]


def compiled(po: Path, locale: str) -> bytes:
    """What ``pybabel compile`` writes for ``po``: fuzzy entries left out."""
    with po.open("rb") as source:
        catalog = read_po(source, locale)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def is_current(catalogue: Catalogue) -> bool:
    if not catalogue.mo.is_file():
        return False
    if not catalogue.po.is_file():
        return True  # installed without sources: the build compiled it
    if catalogue.mo.stat().st_mtime >= catalogue.po.stat().st_mtime:
        return True
    return catalogue.mo.read_bytes() == compiled(catalogue.po, catalogue.locale)


def out_of_date(locale_dir: Path) -> list[Catalogue]:
    return [catalogue for catalogue in catalogues(locale_dir) if not is_current(catalogue)]


def from_checkout(locale_dir: Path) -> bool:
    """The package runs from its source tree (pyproject.toml beside it), not installed."""
    return (locale_dir.parent.parent / "pyproject.toml").is_file()


def ensure_compiled(locale_dir: Path) -> list[str]:
    """Compile what is out of date in a checkout; the locales compiled, in order.

    Raises CataloguesMissing, whose text is the one line to show, when a catalogue is out of
    date in an installed package, has no source, or cannot be written.
    """
    stale = out_of_date(locale_dir)
    names = ", ".join(catalogue.locale for catalogue in stale)
    if not stale:
        return []
    if not from_checkout(locale_dir) or not all(c.po.is_file() for c in stale):
        raise CataloguesMissing(
            f"the language catalogues ({names}) are not compiled in this installed package: "
            "reinstall it from a wheel or sdist, whose build compiles them"
        )
    try:
        for catalogue in stale:
            data = compiled(catalogue.po, catalogue.locale)
            catalogue.mo.write_bytes(data)
    except OSError as exc:
        raise CataloguesMissing(
            f"the language catalogues ({names}) are out of date and cannot be written here "
            f"({exc.__class__.__name__}): run make compile"
        ) from None
    return [catalogue.locale for catalogue in stale]
