"""Legal citations: well-formed numbers, known types, registered, and still in force."""
from __future__ import annotations

from dataclasses import dataclass

from ..legal import REPEALED, Citation, find_in_text, parse_number
from ..messages import finding
from . import document_rule


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


@document_rule("legal-number-format")
def numbers_well_formed(doc, catalog):
    """Numbers follow number/year/TYPE-ISSUER, number/TYPE-ISSUER or number/year/QH<term>."""
    for cited in cited_numbers(doc):
        if getattr(cited.parsed, "rule", None) == "legal-number-format":
            yield finding("legal-number-format", doc.path, cited.line, value=cited.text, why=cited.parsed.why)


@document_rule("legal-type-unknown")
def type_abbreviation_known(doc, catalog):
    """The type abbreviation is one of Nghị định 30's (no 'CV' for công văn)."""
    for cited in cited_numbers(doc):
        if getattr(cited.parsed, "rule", None) == "legal-type-unknown":
            yield finding("legal-type-unknown", doc.path, cited.line, value=cited.text,
                          abbr=cited.parsed.abbr, hint=cited.parsed.hint)


@document_rule("legal-not-registered")
def legal_basis_registered(doc, catalog):
    """Every legal_basis entry is in the legal register."""
    for cited in legal_citations(doc):
        if cited.in_front_matter and catalog.register.get(cited.text) is None:
            yield finding("legal-not-registered", doc.path, cited.line, value=cited.text)


@document_rule("legal-text-not-registered")
def prose_citations_registered(doc, catalog):
    """Numbers cited in the text are in the register, so their changes are followed."""
    for cited in legal_citations(doc):
        if not cited.in_front_matter and catalog.register.get(cited.text) is None:
            yield finding("legal-text-not-registered", doc.path, cited.line, value=cited.text)


@document_rule("legal-repealed")
def no_repealed_citation(doc, catalog):
    """An effective document does not cite a document that is 'Hết hiệu lực toàn bộ'."""
    if doc.status != "effective":
        return
    reported = set()
    for cited in legal_citations(doc):
        legal = catalog.register.get(cited.text)
        if legal is None or legal.status != REPEALED or (cited.text, cited.line) in reported:
            continue
        from ..legal_changes import pending_change  # builds on this module
        if pending_change(catalog, doc, cited.text) is not None:
            continue  # within or past the update deadline: legal-update-due/-overdue report it
        reported.add((cited.text, cited.line))
        replacements = catalog.register.replacement_of(cited.text)
        replacement = ""
        if replacements:
            names = ", ".join(f"{r.label} ({r.title})" for r in replacements)
            replacement = f" Văn bản thay thế: {names}."
        elif legal.replaced_by:
            replacement = f" Văn bản thay thế: {', '.join(legal.replaced_by)}."
        yield finding("legal-repealed", doc.path, cited.line, value=cited.text, replacement=replacement)
