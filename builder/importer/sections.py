"""Numbered sections (1 Mục đích ... 7 Hồ sơ cần lưu) turned into Markdown headings.

Word files mark sections three ways: heading styles, bold or capitalised paragraphs ('1. MỤC
ĐÍCH'), or one-item numbered lists ('MỤC ĐÍCH' numbered 1 by Word). Each becomes a pandoc
Header: level 2 for 'N.', level 3 for 'N.M.', and so on, with the number written 'N.' and a
title typed in capitals put in sentence case, as in the sample documents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.importer.ast import NO_ATTR, blocks_text, inline_text
from builder.importer.words import (is_upper, norm, sentence_case,
                                    starts_with_any)

SECTION_NAMES = {
    "purpose": ("muc dich",),
    "scope": ("pham vi",),
    "references": ("tai lieu vien dan", "can cu", "tai lieu tham chieu", "tai lieu lien quan",
                   "van ban phap ly", "co so phap ly"),
    "definitions": ("dinh nghia", "thuat ngu", "tu viet tat", "chu viet tat", "cac tu viet tat",
                    "giai thich tu ngu", "cac dinh nghia"),
    "content": ("noi dung quy trinh", "noi dung", "trinh tu", "quy trinh thuc hien", "luu do",
                "mo ta quy trinh", "cach thuc thuc hien", "dien giai"),
    "forms": ("bieu mau", "cac bieu mau", "danh muc bieu mau", "danh muc cac bieu mau"),
    "records": ("ho so can luu", "ho so", "luu ho so", "luu tru ho so", "quan ly ho so"),
}
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?\)?\s+(?P<title>\S.*)$")
_ROMAN = re.compile(r"^(?P<roman>[IVX]{1,4})[.)]\s+(?P<title>\S.*)$")
ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}
MAX_HEADING = 120


@dataclass
class Section:
    key: str | None     # purpose, scope, references, definitions, content, forms, records
    number: int
    title: str
    start: int          # index of the heading block
    end: int = 0        # index after the last block of the section


def roman_value(numeral: str) -> int:
    """'IX' → 9 (numerals of a document's parts stay small)."""
    values = [ROMAN_DIGITS[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def section_key(title: str) -> str | None:
    folded = norm(title)
    for key, phrases in SECTION_NAMES.items():
        if starts_with_any(folded, phrases):
            return key
    return None


def emphasised(inlines) -> bool:
    """Whole paragraph bold (or italic bold), the usual hand-made heading."""
    meaningful = [i for i in inlines if i.get("t") not in ("Space", "SoftBreak", "LineBreak")]
    return bool(meaningful) and all(i.get("t") in ("Strong", "Emph", "Underline") for i in meaningful)


def _candidate(block) -> tuple[str, bool, int | None] | None:
    """(text, looks like a heading by style, list number) of a block that may be a heading."""
    kind, content = block.get("t"), block.get("c")
    if kind == "Header":
        return inline_text(content[2]).strip(), True, None
    if kind in ("Para", "Plain"):
        text = inline_text(content).strip()
        if "\n" in text:
            return None
        return text, emphasised(content) or is_upper(text), None
    if kind == "OrderedList" and len(content[1]) == 1 and len(content[1][0]) == 1:
        inner = content[1][0][0]
        if inner.get("t") in ("Para", "Plain"):
            return inline_text(inner["c"]).strip(), emphasised(inner["c"]) or is_upper(blocks_text([inner])), \
                content[0][0]
    return None


def _title(text: str) -> str:
    """'MỤC ĐÍCH:' → 'Mục đích'."""
    return sentence_case(text.strip().rstrip(":：").strip())


def _header(level: int, text: str) -> dict:
    """A pandoc Header block with plain text."""
    words = text.split(" ")
    inlines = []
    for i, word in enumerate(words):
        if i:
            inlines.append({"t": "Space"})
        inlines.append({"t": "Str", "c": word})
    return {"t": "Header", "c": [level, NO_ATTR, inlines]}


def _roman_parts(blocks: list) -> bool:
    """Whether the document is divided in parts numbered I., II., III. (plans, reports): then
    those are the top headings, written as they are, and '1.', '2.' number the sections inside
    each part, one level below."""
    count = 0
    for block in blocks:
        found = _candidate(block)
        if found and found[0] and len(found[0]) <= MAX_HEADING and _ROMAN.match(found[0]) \
                and (found[1] or block.get("t") == "Header"):
            count += 1
    return count >= 2


def _roman_heading(found, block, top: int):
    """In a document of Roman parts: 'I. MỤC ĐÍCH, YÊU CẦU' opens a top section at level 2, as
    written (numeral and capitals kept); '1. Mục đích' is level 3, '1.1.' level 4.
    Returns (level, heading text, (number, title) when it opens a top section) or None."""
    text, styled, _ = found
    if not (styled or block.get("t") == "Header"):
        return None
    roman = _ROMAN.match(text)
    if roman:
        return 2, text.strip().rstrip(":：").strip(), (roman_value(roman.group("roman")),
                                                       roman.group("title").rstrip(":：").strip())
    m = _NUMBERED.match(text)
    if m and top:
        parts = tuple(int(p) for p in m.group("num").split("."))
        return min(len(parts) + 2, 6), f"{'.'.join(map(str, parts))}. {_title(m.group('title'))}", None
    return None


def _arabic_heading(found, block, top: int):
    """Numbered sections (the common case), in the same form as _roman_heading."""
    heading = _as_heading(found, block, top)
    if heading is None:
        return None
    level, number, title = heading
    if number is None:
        return level, title, None
    label = f"{'.'.join(map(str, number)) if isinstance(number, tuple) else number}. {title}"
    return level, label, (number, title) if level == 2 else None


def structure(blocks: list) -> tuple[list, list[Section]]:
    """Blocks with headings normalised, and the top-level sections found."""
    classify = _roman_heading if _roman_parts(blocks) else _arabic_heading
    out, sections = [], []
    top = 0
    for block in blocks:
        found = _candidate(block)
        heading = classify(found, block, top) if found and found[0] and len(found[0]) <= MAX_HEADING else None
        if heading is None:
            out.append(block)
            continue
        level, label, opens = heading
        if opens:
            top, title = opens
            if sections:
                sections[-1].end = len(out)
            sections.append(Section(section_key(title), top, title, len(out)))
        out.append(_header(level, label))
    if sections:
        sections[-1].end = len(out)
    return out, sections


def _as_heading(found, block, top: int):
    """(level, number, title) when the block is a section heading, else None."""
    text, styled, list_number = found
    is_header = block.get("t") == "Header"
    m = _NUMBERED.match(text)
    roman = _ROMAN.match(text)
    if list_number is not None and not m:
        title = _title(text)
        return (2, list_number, title) if section_key(text) else None
    if roman and section_key(roman.group("title")):
        return 2, roman_value(roman.group("roman")), _title(roman.group("title"))
    if m:
        parts = tuple(int(p) for p in m.group("num").split("."))
        title = _title(m.group("title"))
        if len(parts) == 1:
            known = section_key(m.group("title"))
            if known or ((styled or is_header) and parts[0] == top + 1):
                return 2, parts[0], title
            return None
        if (styled or is_header) and parts[0] == top:
            return min(len(parts) + 1, 6), parts, title
        return None
    if is_header:
        if section_key(text) and len(text) < 60:
            return 2, top + 1, _title(text)
        return max(2, min(block["c"][0] + 1, 6)), None, _title(text)
    if styled and section_key(text) and len(text) < 60 and norm(text) in _all_names():
        return 2, top + 1, _title(text)
    return None


def _all_names() -> set[str]:
    return {p for phrases in SECTION_NAMES.values() for p in phrases} | {"ho so can luu", "noi dung quy trinh"}
