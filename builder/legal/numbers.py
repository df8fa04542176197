"""Vietnamese document numbers ('số, ký hiệu') and the register of legal documents.

Forms recognised (DOMAIN.md):
- legal documents        19/2014/QĐ-TTg, 30/2020/NĐ-CP, 03/2014/TTLT-BKHCN-BNV
- laws, NA resolutions   64/2025/QH15 (also UBTVQH<term>)
- administrative docs    646/KH-UBND, 101/QĐ-BKHCN
- official letters       208/SKHCN-CCTĐC (công văn: issuer then drafting unit, no type)"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from builder.documents.text import fold
from builder.findings.rule_texts import (LEGAL_NUMBER_FORMAT,
                                         LEGAL_TYPE_UNKNOWN, RuleText)

# Type abbreviations of Nghị định 30/2020, Appendix III, plus the copy types.
ND30_TYPES = {
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS", "SL",
}
# Types of legal documents (văn bản quy phạm pháp luật) that carry a year.
LEGAL_TYPES = {"NĐ", "TT", "TTLT", "NQLT", "NQ", "QĐ", "CT", "L", "PL", "LCT"}
KNOWN_TYPES = ND30_TYPES | LEGAL_TYPES
MIXED_CASE = {"TTg", "QyĐ", "CTr", "TTr", "TrS"}
# Common mistakes with a specific hint.
MISTAKES = {
    "CV": " Công văn không có viết tắt loại: viết số/CƠQUAN-ĐƠNVỊ, ví dụ 208/SKHCN-CCTĐC.",
}


_TOKEN = r"[A-Za-zĐđ][A-Za-zĐđ0-9]*"
# A candidate in prose: number / [year /] symbol with at least one '-' (or a QH symbol).
CANDIDATE = re.compile(
    rf"(?<![\w/])[0-9]{{1,5}} ?/ ?(?:[0-9]{{4}} ?/ ?)?"
    rf"(?:(?:UBTV)?QH[0-9]+(?![\w-])|[A-ZĐ][A-Za-zĐđ0-9]*(?: ?- ?{_TOKEN})+)(?![\w])"
)


@dataclass(frozen=True)
class Citation:
    text: str               # canonical text, as written when well-formed
    number: int
    year: int | None
    type: str | None        # None for laws (QH) and official letters
    issuer: str


@dataclass(frozen=True)
class CitationProblem:
    rule: RuleText          # LEGAL_NUMBER_FORMAT or LEGAL_TYPE_UNKNOWN
    text: str
    why: str = ""
    abbr: str = ""
    hint: str = ""


@lru_cache(maxsize=65536)
def parse_number(text: str) -> Citation | CitationProblem:
    """Parse one 'số, ký hiệu'; say precisely what is wrong when it is malformed."""
    raw = text
    text = text.strip()
    if re.search(r"\s", text):
        return CitationProblem(LEGAL_NUMBER_FORMAT, raw, "không được có dấu cách trong số ký hiệu")
    parts = text.split("/")
    if len(parts) not in (2, 3) or not all(parts):
        return CitationProblem(LEGAL_NUMBER_FORMAT, raw,
                               "phải có dạng số/năm/KÝHIỆU hoặc số/KÝHIỆU, ngăn cách bằng '/'")
    number, symbol = parts[0], parts[-1]
    year = parts[1] if len(parts) == 3 else None
    if not number.isdigit() or int(number) == 0:
        return CitationProblem(LEGAL_NUMBER_FORMAT, raw, f"số '{number}' phải là số nguyên dương")
    if int(number) < 10 and len(number) < 2:
        return CitationProblem(LEGAL_NUMBER_FORMAT, raw,
                               f"số nhỏ hơn 10 phải có số 0 đứng trước ({int(number):02d})")
    if year is not None and not re.fullmatch(r"(19|20)[0-9][0-9]", year):
        return CitationProblem(LEGAL_NUMBER_FORMAT, raw, f"năm '{year}' phải gồm 4 chữ số")
    tokens = symbol.split("-")
    if not all(tokens):
        return CitationProblem(LEGAL_NUMBER_FORMAT, raw, "ký hiệu có dấu '-' thừa")
    for token in tokens:
        if not re.fullmatch(r"[A-ZĐ0-9]+", token) and token not in MIXED_CASE:
            return CitationProblem(LEGAL_NUMBER_FORMAT, raw,
                                   f"'{token}' phải viết hoa (trừ TTg, QyĐ, CTr, TTr, TrS)")
    if re.fullmatch(r"(UBTV)?QH[0-9]+", symbol):
        if year is None:
            return CitationProblem(LEGAL_NUMBER_FORMAT, raw, "luật, nghị quyết của Quốc hội phải có năm")
        return Citation(text, int(number), int(year), None, symbol)
    if len(tokens) < 2:
        return CitationProblem(LEGAL_NUMBER_FORMAT, raw,
                               "ký hiệu phải gồm loại văn bản và cơ quan ban hành, ví dụ QĐ-UBND")
    head = tokens[0]
    if head in KNOWN_TYPES:
        return Citation(text, int(number), int(year) if year else None, head, "-".join(tokens[1:]))
    if head in MISTAKES or year is not None or fold(head) in {fold(t) for t in KNOWN_TYPES}:
        return CitationProblem(LEGAL_TYPE_UNKNOWN, raw, abbr=head, hint=_type_hint(head))
    # number/ISSUER-UNIT: an official letter (công văn), which has no type abbreviation.
    return Citation(text, int(number), None, None, symbol)


def _type_hint(abbr: str) -> str:
    if abbr in MISTAKES:
        return MISTAKES[abbr]
    close = [t for t in sorted(KNOWN_TYPES) if fold(t).upper() == fold(abbr).upper()]
    if close:
        return f" Có phải ý bạn là '{close[0]}'?"
    return " Xem danh sách viết tắt tại Phụ lục III Nghị định 30/2020/NĐ-CP."


def find_in_text(text: str):
    """Yield (column, candidate text) for every document number written in prose."""
    for m in CANDIDATE.finditer(text):
        yield m.start(), m.group(0)
