"""The minutes (berita acara) laid out on A4 by WeasyPrint, in a worker process.

WeasyPrint lays a page out in Python for most of its time, so in a thread it would hold the
GIL and slow every other request; ``minutes_pdf`` sends ``to_pdf`` to a worker process
(``offload.run_in_process``). This module imports nothing else of the app, so a new worker
starts quickly.

The PDF is tagged PDF/UA-1: a structure tree in reading order, table headers, the document's
title shown as its name and its language, fonts embedded, so a screen reader reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

from weasyprint import CSS, HTML  # type: ignore[import-untyped]  # ships no type hints

STYLES = Path(__file__).resolve().parent.parent / "static" / "css" / "minutes-pdf.css"


def footer_css(before: str, between: str, after: str) -> str:
    """The page footer, "Halaman 1 dari 4": words from the catalogue around the counters."""
    words = [json.dumps(w) for w in (before, between, after)]  # CSS strings, quotes escaped
    counters = f"{words[0]} counter(page) {words[1]} counter(pages) {words[2]}"
    return f"@page {{ @bottom-center {{ content: {counters}; }} }}"


def to_pdf(html: str, base_url: str, footer: str = "") -> bytes:
    """Lay the page out on A4; its styles are read from the package, not fetched."""
    sheets = [CSS(filename=str(STYLES))]
    if footer:
        sheets.append(CSS(string=footer))
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=sheets, pdf_variant="pdf/ua-1"
    )
    return pdf
