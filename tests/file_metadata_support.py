"""Photos and PDFs as people send them: full of EXIF, XMP, comments, colour profiles and
document properties that name the person, the device, the time and the place."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageCms, PngImagePlugin
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

OWNER = "Budi Santoso"
SERIAL = "SN-4471-0092"
TAKEN = "2026:11:20 07:15:00"
MAKE = "PhoneMaker"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Budi Santoso XMP</dc:creator>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)
GPS = {1: "S", 2: (6.0, 10.0, 30.0), 3: "E", 4: (106.0, 49.0, 10.0)}
IDENTIFYING = (OWNER, SERIAL, TAKEN, MAKE, "Budi", "Exif", "adobe:ns:meta", "acsp")
RED, BLUE = (220, 20, 20), (20, 20, 220)


def identifying_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = OWNER  # Artist
    exif[0x010F] = MAKE  # Make
    exif[0x0112] = orientation  # Orientation
    exif[0x8769] = {0x9003: TAKEN, 0xA431: SERIAL}  # DateTimeOriginal, BodySerialNumber
    exif[0x8825] = GPS
    return exif


def two_halves(size: tuple[int, int] = (64, 48)) -> Image.Image:
    """Red on the left, blue on the right: shows which way the picture was turned."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    return image


def srgb_profile() -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def identifying_photo(format_name: str, *, orientation: int = 1) -> bytes:
    """A JPEG, PNG or WebP with EXIF (owner, make, serial number, time taken, GPS), XMP, an
    ICC profile and, where the format has them, a comment or text chunks."""
    image = two_halves()
    out = io.BytesIO()
    extra: dict[str, object] = {
        "exif": identifying_exif(orientation).tobytes(),
        "icc_profile": srgb_profile(),
        "xmp": XMP.encode(),
    }
    if format_name == "JPEG":
        image.save(out, "JPEG", quality=95, comment=f"{OWNER} comment".encode(), **extra)
    elif format_name == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", OWNER)
        text.add_text("Comment", f"{OWNER} zTXt", zip=True)
        text.add_itxt("Description", f"{OWNER} iTXt", lang="id")
        image.save(out, "PNG", pnginfo=text, **extra)
    else:
        image.save(out, "WEBP", quality=90, **extra)
    return out.getvalue()


def png_bomb(width: int = 12_000, height: int = 10_000) -> bytes:
    """A small PNG (under 20 KB) that describes 120 megapixels of black, 1 bit per pixel:
    decoding it takes seconds and over 100 MB."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def pdf(*, identifying: bool = True, pages: int = 1) -> bytes:
    """A real PDF; with ``identifying``, an Info dictionary (author, creator, producer, dates)
    and XMP on the document and on its first page."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    if identifying:
        writer.add_metadata(
            {
                "/Author": OWNER,
                "/Creator": f"{MAKE} Scanner",
                "/Producer": f"{MAKE} PDF {SERIAL}",
                "/CreationDate": "D:20261120071500+07'00'",
                "/Title": "Surat untuk Budi",
            }
        )
        for owner in (writer._root_object, writer.pages[0]):
            stream = DecodedStreamObject()
            stream.set_data(XMP.encode())
            stream[NameObject("/Type")] = NameObject("/Metadata")
            stream[NameObject("/Subtype")] = NameObject("/XML")
            owner[NameObject("/Metadata")] = writer._add_object(stream)
    else:
        writer.metadata = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def locked_pdf() -> bytes:
    """A PDF that opens only with a password."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(identifying=False))))
    writer.encrypt(user_password="rahasia", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
