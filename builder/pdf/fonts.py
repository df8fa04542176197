"""Fonts: Times New Roman as Nghị định 30 asks, then metric-compatible substitutes, then the
font embedded in typst, so that every Vietnamese letter renders on any machine.

A family is used only if every face of it (regular, bold, italic, bold italic) has every
Vietnamese letter: an old Liberation Serif (1.x) lacks many of them, and typst would then take
the missing letters from the next font, mixing two typefaces inside one word; where a face has
the base letters and combining marks only, typst stacks the marks badly ('lượng' in a bold
italic heading printed as 'lu ̣ng', and read back from the PDF as 'lươợng').
"""
from __future__ import annotations

import json
import struct
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from builder.pdf.paths import FONTS_DIR

CHAIN = ("Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif", "Libertinus Serif")
# Embedded in typst, so always there; its bold italic lacks the precomposed Vietnamese letters.
LAST_RESORT = "Libertinus Serif"

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
VIETNAMESE = frozenset(
    ch for v in _VOWELS for t in _TONES for ch in
    (unicodedata.normalize("NFC", v + t), unicodedata.normalize("NFC", v.upper() + t))) | {"đ", "Đ"}


@dataclass(frozen=True)
class FontSetup:
    families: tuple[str, ...]     # the font list the template sets text in
    dirs: tuple[str, ...]         # the only folders typst loads fonts from (system fonts ignored)
    signature: tuple              # names and sizes of the font files: part of the cache key


def agency_fonts(root: Path) -> list[str]:
    """The agency may drop its licensed Times New Roman files into site_config/print/fonts/."""
    folder = Path(root) / FONTS_DIR
    return [str(folder)] if folder.is_dir() else []


def font_setup(root: Path) -> FontSetup:
    return _setup(tuple(agency_fonts(root)))


@lru_cache(maxsize=8)
def _setup(extra: tuple[str, ...]) -> FontSetup:
    """Pick the families of CHAIN that have a complete copy (see the module docstring), and the
    folder of that copy. Typst then loads only these folders, so a second, older copy of a family
    elsewhere on the system (Liberation 1.x beside 2.x) can never be picked instead."""
    import typst  # start-up cost: the native compiler (~30 ms), loaded only where PDFs are rendered

    copies: dict[tuple[str, str], list[bool]] = {}    # (family, folder) -> coverage of each face
    regular: set[tuple[str, str]] = set()
    for info in typst.Fonts(font_paths=list(extra)).fonts():
        if info.path is None:
            continue                                  # embedded in typst: the last resort
        key = (info.family.lower(), str(Path(info.path).parent))
        copies.setdefault(key, []).append(covers(info.path, info.index, VIETNAMESE))
        if info.style == "normal" and info.weight == 400:
            regular.add(key)
    complete = {}
    for (family, folder), faces in sorted(copies.items()):
        if (family, folder) in regular and all(faces):
            complete.setdefault(family, folder)
    families = [name for name in CHAIN if name.lower() in complete] or [LAST_RESORT]
    dirs = sorted({complete[f.lower()] for f in families if f.lower() in complete} | set(extra))
    files = sorted((p.name, p.stat().st_size) for d in dirs for p in Path(d).iterdir()
                   if p.suffix.lower() in (".ttf", ".otf", ".ttc"))
    return FontSetup(tuple(families), tuple(dirs), tuple(files))


def unprintable(root: Path, chars: frozenset[str]) -> frozenset[str]:
    """The characters a printed copy cannot show: typed once each into a probe document set
    like the template (its font list, then typst's fallback to the other fonts it loads) and
    read back from the PDF. Reading a font's cmap is not enough: typst falls back to other
    fonts for some characters and prints others blank (U+210B, tried)."""
    setup = font_setup(root)
    return _unprintable(setup.families, setup.dirs, frozenset(chars))


@lru_cache(maxsize=64)
def _unprintable(families: tuple[str, ...], dirs: tuple[str, ...], chars: frozenset[str]) -> frozenset[str]:
    import pypdfium2  # start-up cost: paid only when a body has uncommon characters
    import typst

    ordered = sorted(chars)
    lines = "\n".join(f"{i}: #\"{ch}\" \\" for i, ch in enumerate(ordered) if ch not in '"\\')
    fonts = "(" + "".join(json.dumps(f, ensure_ascii=False) + ", " for f in families) + ")"
    source = f"#set text(font: {fonts})\n{lines}\n"
    with tempfile.TemporaryDirectory(prefix="qms-glyphs-") as tmp:
        main = Path(tmp) / "probe.typ"
        main.write_text(source, encoding="utf-8")
        try:
            pdf = typst.compile(str(main), font_paths=list(dirs), ignore_system_fonts=True)
        except typst.TypstError:
            return frozenset()      # the print build itself reports what typst cannot do
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    shown = {}
    for line in text.splitlines():
        number, _, rest = line.partition(": ")
        if number.strip().isdigit():
            shown[int(number)] = rest.strip()
    return frozenset(ch for i, ch in enumerate(ordered) if ch not in shown.get(i, "") and ch not in '"\\')


def covers(path: str, index: int, chars) -> bool:
    """Whether the font's Unicode cmap maps every character (unreadable font: False)."""
    try:
        data = Path(path).read_bytes()
        return set(map(ord, chars)) <= _codepoints(data, _face_offset(data, index))
    except (OSError, struct.error, ValueError, IndexError):
        return False


def _face_offset(data: bytes, index: int) -> int:
    """Offset of face `index` in a collection (.ttc), 0 for a single font."""
    if data[:4] == b"ttcf":
        return struct.unpack_from(">I", data, 12 + 4 * index)[0]
    return 0


def _codepoints(data: bytes, base: int) -> set[int]:
    """Code points of the best Unicode subtable of the cmap (format 4 or 12)."""
    tables = struct.unpack_from(">H", data, base + 4)[0]
    cmap = next(struct.unpack_from(">4sIII", data, base + 12 + 16 * i)[2]
                for i in range(tables) if struct.unpack_from(">4s", data, base + 12 + 16 * i)[0] == b"cmap")
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    best = None
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        fmt = struct.unpack_from(">H", data, cmap + offset)[0]
        if (platform, fmt) in ((3, 12), (0, 12)):
            return _format12(data, cmap + offset)
        if (platform, encoding, fmt) in ((3, 1, 4), (0, 3, 4), (0, 4, 4)) and best is None:
            best = cmap + offset
    if best is None:
        raise ValueError("no Unicode cmap")
    return _format4(data, best)


def _format4(data: bytes, at: int) -> set[int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    out = set()
    for i, (start, end) in enumerate(zip(starts, ends)):
        for code in range(start, end + 1):
            if code == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                glyph = struct.unpack_from(">H", data, range_at + 2 * i + offsets[i] + 2 * (code - start))[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                out.add(code)
    return out


def _format12(data: bytes, at: int) -> set[int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    out = set()
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        out.update(range(start, end + 1) if glyph else range(start + 1, end + 1))
    return out
