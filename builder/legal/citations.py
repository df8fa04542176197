"""Legal citations of a document: from its front matter (legal_basis) and from its text, with lines."""
from __future__ import annotations

from dataclasses import dataclass

from builder.legal.numbers import Citation, find_in_text, parse_number


@dataclass(frozen=True)
class CitedNumber:
    text: str
    line: int
    in_front_matter: bool
    parsed: object  # Citation | CitationProblem


def cited_numbers(doc) -> list:
    """Every document number a document writes (computed once per document)."""
    if "cited" not in doc.cache:
        doc.cache["cited"] = list(_cited_numbers(doc))
    return doc.cache["cited"]


def _cited_numbers(doc):
    """legal_basis, the approval decision, then the body."""
    for index, text in enumerate(doc.legal_basis):
        yield CitedNumber(text, doc.line("legal_basis", index), True, parse_number(text))
    approved = doc.signoffs.get("approved")
    if approved and approved.decision:
        yield CitedNumber(approved.decision, doc.line("approved", "decision"), True,
                          parse_number(approved.decision))
    for line, text in doc.body_lines():
        for _, candidate in find_in_text(text):
            yield CitedNumber(candidate, line, False, parse_number(candidate))


def legal_citations(doc):
    """Well-formed citations of legal documents (the approval decision is the agency's own)."""
    approved = doc.signoffs.get("approved")
    decision = approved.decision if approved else None
    for cited in cited_numbers(doc):
        if isinstance(cited.parsed, Citation) and not (cited.in_front_matter and cited.text == decision):
            yield cited
