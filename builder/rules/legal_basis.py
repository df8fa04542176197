"""Legal citations: well-formed numbers, known types, registered, and still in force."""
from __future__ import annotations

from builder.findings.rule_texts import (LEGAL_NOT_REGISTERED,
                                         LEGAL_NUMBER_FORMAT, LEGAL_REPEALED,
                                         LEGAL_TEXT_NOT_REGISTERED,
                                         LEGAL_TYPE_UNKNOWN)
from builder.legal.changes import pending_change
from builder.legal.citations import cited_numbers, legal_citations
from builder.legal.register import REPEALED
from builder.rules.registry import document_rule, problem


@document_rule(LEGAL_NUMBER_FORMAT)
def numbers_well_formed(doc, catalog):
    """Numbers follow number/year/TYPE-ISSUER, number/TYPE-ISSUER or number/year/QH<term>."""
    for cited in cited_numbers(doc):
        if getattr(cited.parsed, "rule", None) is LEGAL_NUMBER_FORMAT:
            yield problem(doc.path, cited.line, value=cited.text, why=cited.parsed.why)


@document_rule(LEGAL_TYPE_UNKNOWN)
def type_abbreviation_known(doc, catalog):
    """The type abbreviation is one of Nghị định 30's (no 'CV' for công văn)."""
    for cited in cited_numbers(doc):
        if getattr(cited.parsed, "rule", None) is LEGAL_TYPE_UNKNOWN:
            yield problem(doc.path, cited.line, value=cited.text,
                          abbr=cited.parsed.abbr, hint=cited.parsed.hint)


@document_rule(LEGAL_NOT_REGISTERED)
def legal_basis_registered(doc, catalog):
    """Every legal_basis entry is in the legal register."""
    for cited in legal_citations(doc):
        if cited.in_front_matter and catalog.register.get(cited.text) is None:
            yield problem(doc.path, cited.line, value=cited.text)


@document_rule(LEGAL_TEXT_NOT_REGISTERED)
def prose_citations_registered(doc, catalog):
    """Numbers cited in the text are in the register, so their changes are followed."""
    for cited in legal_citations(doc):
        if not cited.in_front_matter and catalog.register.get(cited.text) is None:
            yield problem(doc.path, cited.line, value=cited.text)


@document_rule(LEGAL_REPEALED)
def no_repealed_citation(doc, catalog):
    """An effective document does not cite a document that is 'Hết hiệu lực toàn bộ'."""
    if doc.status != "effective":
        return
    reported = set()
    for cited in legal_citations(doc):
        legal = catalog.register.get(cited.text)
        if legal is None or legal.status != REPEALED or (cited.text, cited.line) in reported:
            continue
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
        yield problem(doc.path, cited.line, value=cited.text, replacement=replacement)
