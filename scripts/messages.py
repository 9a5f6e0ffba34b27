"""Extract, update and compile the message catalogues (``make messages``).

English is the source language of our msgids; its catalogue is filled with the msgids so
that every language has every string, and a test can insist on that.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "gesi_app" / "locales"
POT = LOCALES / "messages.pot"
PLURALS = {
    "id": r'"Plural-Forms: nplurals=1; plural=0;\\n"',
    "en": r'"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
}
KEYWORDS = ["-k", "lazy_gettext", "-k", "_l", "-k", "ngettext:1,2", "-k", "pgettext:1c,2"]


def run(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def extract(output: Path) -> None:
    run(
        "extract",
        "-F",
        "babel.cfg",
        *KEYWORDS,
        "--no-location",
        "--sort-output",
        "--omit-header",
        "--project",
        "Suara",
        "-o",
        str(output),
        ".",
    )


def fill_english() -> None:
    path = LOCALES / "en" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh, locale="en")
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
        # A plural's string is a tuple of empty strings, which is truthy: fill it too.
        if isinstance(message.id, tuple | list) and not all(message.string):
            message.string = tuple(message.id)
        if message.id and message.fuzzy:
            message.flags.discard("fuzzy")
            message.string = message.id
    with path.open("wb") as fh:
        write_po(fh, catalog, omit_header=False, sort_output=True, no_location=True, width=100)


def fix_headers(locale: str) -> None:
    """Indonesian has one plural form; Babel's default header says two."""
    path = LOCALES / locale / "LC_MESSAGES" / "messages.po"
    text = path.read_text()
    text = re.sub(r'"Plural-Forms: [^"]*"', PLURALS[locale], text, count=1)
    text = text.replace("PROJECT VERSION", "Suara").replace("for PROJECT.", "for Suara.")
    path.write_text(text)


def apply_pending_translations() -> None:
    """Merge scripts/i18n/*.id.json (msgid -> Indonesian) into the Indonesian catalogue.

    Each feature may carry its new strings' translations in its own JSON file, so that work
    on several features at once never edits the same catalogue lines.
    """
    path = LOCALES / "id" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh, locale="id")
    changed = False
    for source in sorted((ROOT / "scripts" / "i18n").glob("*.id.json")):
        for msgid, msgstr in json.loads(source.read_text()).items():
            key = tuple(msgid) if isinstance(msgid, list) else msgid
            message = catalog.get(key)
            if message is None:
                continue
            message.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
            message.flags.discard("fuzzy")
            changed = True
    if changed:
        with path.open("wb") as fh:
            write_po(fh, catalog, sort_output=True, no_location=True, width=100)


def main() -> None:
    extract(POT)
    for locale in ("id", "en"):
        po = LOCALES / locale / "LC_MESSAGES" / "messages.po"
        if po.exists():
            run(
                "update",
                "-i",
                str(POT),
                "-o",
                str(po),
                "-l",
                locale,
                "--no-fuzzy-matching",
                "--ignore-obsolete",
                "--width",
                "100",
            )
        else:
            run("init", "-i", str(POT), "-o", str(po), "-l", locale)
        fix_headers(locale)
    apply_pending_translations()
    fill_english()
    compile_all()


def compile_all() -> None:
    run("compile", "-d", str(LOCALES), "-D", "messages", "--statistics")


if __name__ == "__main__":
    if sys.argv[1:] == ["compile"]:
        compile_all()
    else:
        main()
