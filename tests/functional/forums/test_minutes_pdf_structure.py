"""The minutes PDF is tagged PDF/UA-1: a structure tree in reading order with headings, lists and
tables with header cells, the logo as a figure with a text alternative, its language and title
(shown as the window's title), and every font embedded."""

from __future__ import annotations

import io
from collections import Counter

import pikepdf
import pytest
from starlette.testclient import TestClient

from tests.forums_support import forum_team, post
from tests.minutes_document_support import LETTERHEAD, busy_forum, photo_with_exif
from tests.staff_support import sign_in, token


def tags(node: object, found: list[pikepdf.Dictionary]) -> list[pikepdf.Dictionary]:
    """Every structure element under ``node``, depth first (the reading order)."""
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append(node)
        if "/K" in node:
            tags(node.K, found)
    elif isinstance(node, pikepdf.Array):
        for child in node:
            tags(child, found)
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_minutes_pdf_is_tagged_for_assistive_technology(
    client: TestClient, database_url: str, lang: str
) -> None:
    team = forum_team(database_url)
    code = busy_forum(database_url, team, title="FKP Layanan Puskesmas")
    sign_in(client, "admin")
    post(
        client,
        "/staff/minutes-letterhead",
        token(client),
        LETTERHEAD,
        files={"logo": ("logo.jpg", photo_with_exif())},
    )
    client.cookies.clear()
    sign_in(client, "fasilitator")
    pdf = pikepdf.open(
        io.BytesIO(client.get(f"/staff/forums/{code}/minutes.pdf?lang={lang}").content)
    )

    root = pdf.Root
    assert str(root.Lang) == lang
    assert root.MarkInfo.Marked is True
    assert root.ViewerPreferences.DisplayDocTitle is True
    title = {"id": "Berita acara", "en": "Minutes"}[lang] + ": FKP Layanan Puskesmas"
    assert str(pdf.docinfo.Title) == title
    with pdf.open_metadata() as meta:
        assert meta["dc:title"] == title
        assert meta["pdfuaid:part"] == "1"

    elements = tags(root.StructTreeRoot.K, [])
    kinds = [str(e.S) for e in elements]
    counts = Counter(kinds)
    assert kinds[0] == "/Document"
    assert counts["/H1"] == 1 and counts["/H2"] >= 5
    # Tables: the gauge, the dot vote, the attendance list; each with header cells in a head.
    assert counts["/Table"] >= 3 and counts["/THead"] == counts["/Table"]
    assert counts["/TH"] >= 3 * counts["/Table"]
    # Reading order: the title before the attendance list's table at the end.
    assert kinds.index("/H1") < len(kinds) - 1 - kinds[::-1].index("/Table")
    [figure] = [e for e in elements if str(e.S) == "/Figure"]
    alternative = {
        "id": "Logo Pemerintah Kabupaten Contoh",
        "en": "Logo of Pemerintah Kabupaten Contoh",
    }
    assert str(figure.Alt) == alternative[lang]

    fonts = [font for page in pdf.pages for font in page.Resources.Font.values()]
    assert fonts
    for font in fonts:
        described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
        descriptor = described.FontDescriptor
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
            font.BaseFont
        )
