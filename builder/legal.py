"""Vietnamese document numbers ('số, ký hiệu') and the register of legal documents.

Forms recognised (DOMAIN.md):
- legal documents        19/2014/QĐ-TTg, 30/2020/NĐ-CP, 03/2014/TTLT-BKHCN-BNV
- laws, NA resolutions   64/2025/QH15 (also UBTVQH<term>)
- administrative docs    646/KH-UBND, 101/QĐ-BKHCN
- official letters       208/SKHCN-CCTĐC (công văn: issuer then drafting unit, no type)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .text import fold

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
LEGAL_STATUSES = ("Còn hiệu lực", "Hết hiệu lực một phần", "Hết hiệu lực toàn bộ",
                  "Chưa có hiệu lực", "Ngưng hiệu lực")
REPEALED = "Hết hiệu lực toàn bộ"

_TOKEN = r"[A-Za-zĐđ][A-Za-zĐđ0-9]*"
# A candidate in prose: number / [year /] symbol with at least one '-' (or a QH symbol).
CANDIDATE = re.compile(
    rf"(?<![\w/])\d{{1,5}} ?/ ?(?:\d{{4}} ?/ ?)?"
    rf"(?:(?:UBTV)?QH\d+(?![\w-])|[A-ZĐ][A-Za-zĐđ0-9]*(?: ?- ?{_TOKEN})+)(?![\w])"
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
    rule: str               # legal-number-format or legal-type-unknown
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
        return CitationProblem("legal-number-format", raw, "không được có dấu cách trong số ký hiệu")
    parts = text.split("/")
    if len(parts) not in (2, 3) or not all(parts):
        return CitationProblem("legal-number-format", raw,
                               "phải có dạng số/năm/KÝHIỆU hoặc số/KÝHIỆU, ngăn cách bằng '/'")
    number, symbol = parts[0], parts[-1]
    year = parts[1] if len(parts) == 3 else None
    if not number.isdigit() or int(number) == 0:
        return CitationProblem("legal-number-format", raw, f"số '{number}' phải là số nguyên dương")
    if int(number) < 10 and len(number) < 2:
        return CitationProblem("legal-number-format", raw,
                               f"số nhỏ hơn 10 phải có số 0 đứng trước ({int(number):02d})")
    if year is not None and not re.fullmatch(r"(19|20)\d\d", year):
        return CitationProblem("legal-number-format", raw, f"năm '{year}' phải gồm 4 chữ số")
    tokens = symbol.split("-")
    if not all(tokens):
        return CitationProblem("legal-number-format", raw, "ký hiệu có dấu '-' thừa")
    for token in tokens:
        if not re.fullmatch(r"[A-ZĐ0-9]+", token) and token not in MIXED_CASE:
            return CitationProblem("legal-number-format", raw,
                                   f"'{token}' phải viết hoa (trừ TTg, QyĐ, CTr, TTr, TrS)")
    if re.fullmatch(r"(UBTV)?QH\d+", symbol):
        if year is None:
            return CitationProblem("legal-number-format", raw, "luật, nghị quyết của Quốc hội phải có năm")
        return Citation(text, int(number), int(year), None, symbol)
    if len(tokens) < 2:
        return CitationProblem("legal-number-format", raw,
                               "ký hiệu phải gồm loại văn bản và cơ quan ban hành, ví dụ QĐ-UBND")
    head = tokens[0]
    if head in KNOWN_TYPES:
        return Citation(text, int(number), int(year) if year else None, head, "-".join(tokens[1:]))
    if head in MISTAKES or year is not None or fold(head) in {fold(t) for t in KNOWN_TYPES}:
        return CitationProblem("legal-type-unknown", raw, abbr=head, hint=_type_hint(head))
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


@dataclass
class LegalDocument:
    number: str
    type: str
    title: str
    issuer: str
    issued: date | None
    effective: date | None
    status: str
    replaces: list[str] = field(default_factory=list)
    replaced_by: list[str] = field(default_factory=list)
    amends: list[str] = field(default_factory=list)
    amended_by: list[str] = field(default_factory=list)
    guides: list[str] = field(default_factory=list)
    repeals: list[str] = field(default_factory=list)
    repealed_by: list[str] = field(default_factory=list)
    line: int = 1

    @property
    def label(self) -> str:
        """'Nghị định số 30/2020/NĐ-CP' as it reads in prose."""
        return f"{self.type} số {self.number}"


@dataclass
class LegalRegister:
    documents: dict[str, LegalDocument] = field(default_factory=dict)
    path: str = "site_config/legal_register.yml"

    def get(self, number: str) -> LegalDocument | None:
        return self.documents.get(number)

    def replacement_of(self, number: str) -> list[LegalDocument]:
        """Documents recorded as replacing `number`, from either side of the relation."""
        doc = self.get(number)
        numbers = set(doc.replaced_by) if doc else set()
        numbers |= {d.number for d in self.documents.values() if number in d.replaces}
        return [self.documents[n] for n in sorted(numbers) if n in self.documents]
