"""Nothing identifying left in stored photos and PDFs.

A phone photo carries EXIF (the camera's make, model and serial number, the time it was taken,
often the GPS position and the owner's name), XMP and IPTC packets, comments and an ICC profile
(whose description can name the device). A PDF carries its Info dictionary (author, the
program that made it, dates) and XMP packets, on the document, its pages and its images.
Agency officers download evidence, so none of that is kept:

- Photos are decoded and written again with no metadata at all. The EXIF orientation is
  applied to the pixels first, so a photo taken sideways still shows the right way up. The ICC
  colour profile goes too: evidence is about what the photo shows, and a wide-gamut photo
  looking slightly duller matters less than a profile that names the phone. JPEG keeps its
  own compression tables ("keep"), so the picture is not degraded; only transparency survives
  from the file's extra data.
- A PDF keeps its pages only: they are copied into a new document with no Info dictionary,
  no XMP (``/Metadata``) and no ``/PieceInfo`` on any object; the document's attachments,
  scripts and outline, which hang off the catalogue rather than the pages, are left behind.

Before anything is decoded, the image's size is read from its header: a small file can
describe a huge picture (a 466 KB PNG of 120 megapixels), and decoding it stalls the worker.
These functions are blocking and CPU-heavy: callers run them through ``offload.run_blocking``.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject

MAX_PIXELS = 40_000_000  # a 108-megapixel phone photo is about 12,000 x 9,000: 40 MP is ample
# Pillow's own guard warns above this size and refuses at twice it. Ours refuses first (from
# the header, see photo_size), so Pillow's is only a second line: both become PhotoTooLarge.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

PDF_METADATA_KEYS = ("/Metadata", "/PieceInfo")


class PhotoTooLarge(ValueError):
    """The picture has more pixels than MAX_PIXELS (a decompression bomb, not a photo)."""


class CannotOpen(ValueError):
    """The file is damaged or is not what its first bytes say."""


class PdfLocked(ValueError):
    """The PDF needs a password to open, so its metadata cannot be removed."""


def _open(data: bytes) -> Image.Image:
    """The image with only its header read; refuses one larger than MAX_PIXELS.

    Where warnings are errors (the test suite), Pillow's DecompressionBombWarning arrives as
    an exception; elsewhere it is only logged and the size check below refuses the picture.
    (warnings.catch_warnings would change process-wide state from a worker thread.)"""
    try:
        image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoTooLarge from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise CannotOpen from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise PhotoTooLarge
    return image


def photo_size(data: bytes) -> tuple[int, int]:
    """Width and height from the header alone (nothing is decoded)."""
    with _open(data) as image:
        return image.size


def strip_photo(data: bytes, format_name: str) -> bytes:
    """The photo, turned upright, written again in its own format with no metadata.

    ``format_name`` is Pillow's name for the format the bytes were sniffed as (JPEG, PNG,
    WEBP). Raises PhotoTooLarge or CannotOpen."""
    with _open(data) as image:
        try:
            ImageOps.exif_transpose(image, in_place=True)  # decodes; orientation into pixels
            # Nothing from the file's extra data is carried over, except transparency.
            image.info = {k: v for k, v in image.info.items() if k == "transparency"}
            out = io.BytesIO()
            # No optimize=True: Pillow then holds the GIL for the whole encoding (0.7 s for
            # a 12-megapixel JPEG), stalling the event loop although we are in a worker.
            if format_name == "JPEG":
                image.save(out, "JPEG", quality="keep")
            elif format_name == "PNG":
                image.save(out, "PNG")
            else:
                image.save(out, "WEBP", quality=90)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            raise CannotOpen from None
        return out.getvalue()


def _copy_pages(data: bytes, *, drop_keys: bool) -> bytes:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise PdfLocked
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    if drop_keys:
        for obj in writer._objects:  # every copied object: pages, images, fonts, forms
            if isinstance(obj, DictionaryObject):
                for key in PDF_METADATA_KEYS:
                    obj.pop(key, None)
    writer.metadata = None  # no Info dictionary (not even pypdf's "Producer")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def strip_pdf(data: bytes) -> bytes:
    """The PDF's pages in a new document with no Info dictionary and no XMP anywhere.

    Two passes: the first drops the metadata keys from every object reachable from the pages;
    the second copies again, so the metadata streams those keys pointed to (now reachable
    from nothing) are left out of the file. Raises PdfLocked or CannotOpen."""
    try:
        return _copy_pages(_copy_pages(data, drop_keys=True), drop_keys=False)
    except PdfLocked:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError):  # fmt: skip
        raise CannotOpen from None
