"""Document codes: pattern per kind, uniqueness, and the folder a kind lives in."""
from __future__ import annotations

from builder.addresses import page_url
from builder.documents.schema import KINDS
from builder.findings.rule_texts import (CODE_PATTERN, CODE_UNIQUE,
                                         KIND_FOLDER, PAGE_COLLISION)
from builder.rules.registry import catalog_rule, document_rule, problem


@document_rule(CODE_PATTERN)
def code_matches_pattern(doc, catalog):
    """The code follows the organisation's template for its kind (QT.{n:2} → QT.01)."""
    pattern = catalog.organisation.code_pattern(doc.kind)
    if not doc.code or pattern is None or pattern.regex.match(doc.code):
        return
    example = pattern.make(1, doc.year or catalog.today.year, doc.unit or "VP")
    yield problem(doc.path, doc.line("code"), code=doc.code, pattern=pattern.template,
                  kind=KINDS[doc.kind], example=example)


@catalog_rule(PAGE_COLLISION)
def one_page_per_document(catalog):
    """Different codes that fold to one page URL (case, diacritics, look-alikes) would overwrite
    each other's page and print files: each is reported, naming the other file."""
    by_url: dict[str, list] = {}
    for doc in catalog.documents:
        if doc.code:
            by_url.setdefault(page_url(doc), []).append(doc)
    for url, docs in by_url.items():
        if len({d.code for d in docs}) < 2:
            continue
        for doc in docs:
            other = next(d for d in docs if d.code != doc.code)
            yield problem(doc.path, doc.line("code"), code=doc.code, url=url, other_code=other.code, other=other.path)


@catalog_rule(CODE_UNIQUE)
def code_is_unique(catalog):
    """A code names exactly one document: every file sharing a code is reported, naming the others."""
    by_code: dict[str, list] = {}
    for doc in catalog.documents:
        if doc.code:
            by_code.setdefault(doc.code, []).append(doc)
    for code, docs in by_code.items():
        for doc in docs if len(docs) > 1 else ():
            others = ", ".join(d.path for d in docs if d is not doc)
            yield problem(doc.path, doc.line("code"), code=code, other=others)


@document_rule(KIND_FOLDER)
def kind_in_its_folder(doc, catalog):
    """Forms live in forms/, every other kind in procedures/."""
    if doc.kind not in KINDS:
        return
    folder = "forms" if doc.kind == "form" else "procedures"
    if doc.path.split("/", 1)[0] != folder:
        yield problem(doc.path, doc.line("kind"), kind=KINDS[doc.kind], folder=folder)
