"""Reading rendered PDFs back in tests: text, fonts, page images (pypdfium2), QR codes (zxing-cpp)."""
from __future__ import annotations

import io
import re
import struct
import unicodedata
import zlib
from pathlib import Path

import pypdfium2
from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def flat(text: str) -> str:
    """NFC, single spaces: how a sentence of the source compares with text extracted from a PDF."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def page_texts(pdf: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in reader(pdf).pages]


def all_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page (stamps included) → whether its font program is embedded."""
    found: dict[str, bool] = {}

    def visit(resources):
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = (target.get("/FontDescriptor") or {}).get_object() if target.get("/FontDescriptor") else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader(pdf).pages:
        visit(page.get("/Resources"))
    return found


def render_gray(pdf: bytes, index: int = 0, scale: float = 3.0):
    """A page as an 8-bit grayscale image: (width, height, bytes)."""
    document = pypdfium2.PdfDocument(pdf)
    bitmap = document[index].render(scale=scale, grayscale=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    raw = bytes(bitmap.buffer)
    rows = b"".join(raw[y * stride: y * stride + width] for y in range(height))
    return width, height, rows


def decode_qr(pdf: bytes, index: int = 0) -> list[str]:
    import zxingcpp

    width, height, rows = render_gray(pdf, index)
    image = memoryview(rows).cast("B", (height, width))
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def save_png(pdf: bytes, path: Path, index: int = 0, scale: float = 1.5) -> Path:
    """A page as a colour PNG, written with zlib alone (no imaging library needed)."""
    bitmap = pypdfium2.PdfDocument(pdf)[index].render(scale=scale, rev_byteorder=True)
    width, height, stride, channels = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
    raw = bytes(bitmap.buffer)
    lines = b"".join(b"\x00" + raw[y * stride: y * stride + width * channels] for y in range(height))
    color_type = {1: 0, 3: 2, 4: 6}[channels]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(lines, 9)) + chunk(b"IEND", b""))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(png)
    return Path(path)
