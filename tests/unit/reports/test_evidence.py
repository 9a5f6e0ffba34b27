"""Evidence files: the real type from the bytes, the size cap, and no metadata left in them."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from gesi_app.i18n import set_locale
from gesi_app.reports import evidence
from tests.file_metadata_support import locked_pdf, pdf, png_bomb

GPS = {1: "S", 2: (6.0, 10.0, 30.0), 3: "E", 4: (106.0, 49.0, 10.0)}


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def test_fixture_really_has_gps() -> None:
    with Image.open(io.BytesIO(jpeg_with_gps())) as image:
        assert image.getexif().get_ifd(0x8825)


def test_jpeg_is_stored_without_any_exif_and_stays_a_picture() -> None:
    kind, stored = evidence.check_upload("jalan.jpg", jpeg_with_gps(), "Lubang di jalan")
    assert kind is evidence.JPEG
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif()
        assert "exif" not in image.info
        assert image.size == (64, 48)
    assert b"PhoneMaker" not in stored and b"Exif" not in stored


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xff\xd8\xff\xe0rest", evidence.JPEG),
        (b"\x89PNG\r\n\x1a\nrest", evidence.PNG),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", evidence.WEBP),
        (b"%PDF-1.7\n", evidence.PDF),
        (b"MZ\x90\x00", None),  # a Windows program named photo.jpg
        (b"<html><script>", None),
        (b"", None),
    ],
)
def test_sniff_by_magic_bytes(data: bytes, kind: evidence.FileKind | None) -> None:
    assert evidence.sniff(data) is kind


@pytest.mark.parametrize(
    ("filename", "data", "description", "field", "indonesian", "english"),
    [
        (
            "a.jpg",
            b"",
            "x",
            "evidence_file",
            "Pilih berkas untuk diunggah",
            "Choose a file to upload",
        ),
        (
            "a.exe",
            b"MZ\x90\x00" * 10,
            "x",
            "evidence_file",
            "Berkas harus berupa foto (JPG, PNG, atau WebP) atau PDF",
            "The file must be a photo (JPG, PNG or WebP) or a PDF",
        ),
        (
            "a.pdf",
            b"%PDF-" + b"0" * evidence.MAX_BYTES,
            "",
            "evidence_file",
            "Berkas harus lebih kecil dari 10 MB",
            "The file must be smaller than 10 MB",
        ),
        (
            "a.jpg",
            None,
            "",
            "evidence_description",
            "Jelaskan isi foto",
            "Describe what the photo shows",
        ),
        (
            "a.jpg",
            None,
            "x" * 301,
            "evidence_description",
            "Tulis keterangan paling banyak 300 karakter",
            "Write a description of 300 characters or fewer",
        ),
        (
            "a.jpg",
            b"\xff\xd8\xff\xe0 broken",
            "foto",
            "evidence_file",
            "Foto tidak bisa dibuka. Coba berkas lain",
            "The photo cannot be opened. Try another file",
        ),
        (
            "bom.png",
            png_bomb(),
            "foto",
            "evidence_file",
            "Foto terlalu besar untuk dibuka: lebih dari 40 megapiksel. Pilih foto yang lebih kecil",
            "The photo is too large to open: it has more than 40 megapixels. "
            "Choose a smaller photo",
        ),
        (
            "surat.pdf",
            b"%PDF-1.4 not really a PDF",
            "",
            "evidence_file",
            "PDF tidak bisa dibuka. Coba berkas lain",
            "The PDF cannot be opened. Try another file",
        ),
        (
            "surat.pdf",
            locked_pdf(),
            "",
            "evidence_file",
            "PDF dikunci dengan kata sandi. Kirim PDF tanpa kata sandi",
            "The PDF is locked with a password. Send it without a password",
        ),
    ],
)
def test_rejections(
    filename: str, data: bytes | None, description: str, field: str, indonesian: str, english: str
) -> None:
    for locale, message in (("id", indonesian), ("en", english)):
        set_locale(locale)
        with pytest.raises(evidence.EvidenceError) as info:
            evidence.check_upload(filename, jpeg_with_gps() if data is None else data, description)
        assert (info.value.field, info.value.message) == (field, message)
    set_locale("id")


def test_a_pdf_needs_no_description() -> None:
    kind, stored = evidence.check_upload("surat.pdf", pdf(identifying=False), "")
    assert kind is evidence.PDF
    assert stored.startswith(b"%PDF-")
