"""Template rules that hold for every page."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from gesi_app.web.templating import STATIC_DIR, TEMPLATE_DIR

PAGES = sorted(
    p
    for p in TEMPLATE_DIR.rglob("*.html")
    if not p.name.startswith("_") and p.parent.name not in ("layouts", "components")
)


def _extends_base(source: str) -> bool:
    """True when the template extends base.html, directly or through another layout."""
    match = re.search(r'{% extends "(layouts/[a-z_]+\.html)" %}', source)
    if match is None:
        return False
    if match.group(1) == "layouts/base.html":
        return True
    return _extends_base((TEMPLATE_DIR / match.group(1)).read_text())


HTMX_SHA256 = "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(TEMPLATE_DIR)))
def test_every_page_template_fills_the_title_block(page: Path) -> None:
    source = page.read_text()
    assert _extends_base(source), "a page extends layouts/base.html, directly or through a layout"
    match = re.search(r"{% block title %}(.*?){% endblock %}", source, re.S)
    assert match and match.group(1).strip(), "a page needs a non-empty title block"


def test_there_are_page_templates() -> None:
    assert len(PAGES) >= 4


@pytest.mark.parametrize("path", sorted(TEMPLATE_DIR.rglob("*.html")), ids=lambda p: p.name)
def test_no_inline_styles_scripts_or_hardcoded_required(path: Path) -> None:
    source = path.read_text()
    assert " style=" not in source and "<style" not in source
    assert re.search(r"<script(?![^>]*src=)", source) is None
    assert " maxlength=" not in source and " required" not in source
    assert "hx-boost" not in source


def test_vendored_htmx_is_2_0_11_and_unmodified() -> None:
    data = (STATIC_DIR / "vendor" / "htmx-2.0.11.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() == HTMX_SHA256
    assert b'version:"2.0.11"' in data


def test_css_budget() -> None:
    import gzip

    css = (STATIC_DIR / "css" / "suara.css").read_bytes()
    assert len(gzip.compress(css, 9)) <= 10 * 1024
