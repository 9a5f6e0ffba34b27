"""Merge translations into a catalogue: ``python scripts/translate.py id file.json``.

The JSON file maps msgid to msgstr (for plural entries, to a list of strings). Used when a
change adds strings; `make messages` must run before it so the msgids exist in the catalogue.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALES = Path(__file__).resolve().parent.parent / "gesi_app" / "locales"


def main(locale: str, source: str) -> None:
    translations: dict[str, str | list[str]] = json.loads(Path(source).read_text())
    path = LOCALES / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    missing = []
    for msgid, msgstr in translations.items():
        message = catalog.get(msgid)
        if message is None:
            missing.append(msgid)
            continue
        message.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
        message.flags.discard("fuzzy")
    with path.open("wb") as fh:
        write_po(fh, catalog, sort_output=True, no_location=True, width=100)
    for msgid in missing:
        print(f"not in catalogue (run make messages first): {msgid!r}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
