"""Forms and their procedures, references by code, and codes mentioned in the text."""
from __future__ import annotations

import re
from functools import lru_cache

from builder.documents.field_types import is_placeholder
from builder.documents.schema import FORM_PARENT_KINDS, KINDS
from builder.findings.rule_texts import (CODE_IN_TEXT, FORM_ATTACHMENT_MISSING,
                                         FORM_MISSING, FORM_PARENT,
                                         FORM_PARENT_MISMATCH, FORM_UNLISTED,
                                         REFERENCE_UNRESOLVED)
from builder.rules.registry import catalog_rule, document_rule, problem


@document_rule(FORM_MISSING)
def listed_forms_exist(doc, catalog):
    """Every code in a procedure's `forms` is a form document."""
    for index, code in enumerate(doc.forms):
        target = catalog.get(code)
        if target is None:
            why = "không có tài liệu nào mang mã hiệu này"
        elif target.kind != "form":
            why = f"'{code}' là {KINDS.get(target.kind, target.kind).lower()}, không phải biểu mẫu"
        else:
            continue
        yield problem(doc.path, doc.line("forms", index), code=code, why=why)


@document_rule(FORM_PARENT_MISMATCH)
def listed_forms_name_this_parent(doc, catalog):
    """A form listed by a procedure names that procedure as its parent."""
    for index, code in enumerate(doc.forms):
        target = catalog.get(code)
        if target is not None and target.kind == "form" and target.procedure and target.procedure != doc.code:
            yield problem(doc.path, doc.line("forms", index), code=code,
                          actual=target.procedure, expected=doc.code)


@document_rule(FORM_PARENT)
def form_has_parent(doc, catalog):
    """Every form belongs to an existing procedure or guide."""
    if doc.kind != "form" or not doc.procedure:
        return
    parent = catalog.get(doc.procedure)
    if parent is None:
        yield problem(doc.path, doc.line("procedure"), parent=doc.procedure)
    elif parent.kind not in FORM_PARENT_KINDS:
        yield problem(doc.path, doc.line("procedure"), "kind", parent=doc.procedure,
                      kind=KINDS.get(parent.kind, parent.kind).lower())


@catalog_rule(FORM_UNLISTED)
def forms_listed_by_parent(catalog):
    """A procedure lists every effective form that names it as parent (drafts wait for the
    procedure's next issue)."""
    for doc in catalog.documents:
        if doc.kind != "form" or not doc.procedure or doc.status != "effective":
            continue
        parent = catalog.get(doc.procedure)
        if parent is not None and parent.kind in FORM_PARENT_KINDS and doc.code not in parent.forms:
            yield problem(doc.path, doc.line("procedure"), code=doc.code,
                          parent=parent.code)


@document_rule(REFERENCE_UNRESOLVED)
def references_resolve(doc, catalog):
    """Codes in `references` name existing documents."""
    for index, code in enumerate(doc.references):
        if catalog.get(code) is None:
            yield problem(doc.path, doc.line("references", index), code=code)


def code_regex(organisation) -> re.Pattern | None:
    """One regex finding any code of any kind in prose."""
    inner = [p.regex.pattern[1:-1].replace("(?P<n>", "(?:") for p in organisation.codes.values()]
    if not inner:
        return None
    return re.compile(r"(?<![\w.])(?:" + "|".join(inner) + r")(?![\w]|\.\w)")


@catalog_rule(CODE_IN_TEXT)
def codes_in_text_exist(catalog):
    """Codes mentioned in the body name existing documents."""
    pattern = code_regex(catalog.organisation)
    if pattern is None:
        return
    for doc in catalog.documents:
        for line, code in codes_in(pattern, doc.body, doc.body_line):
            if catalog.get(code) is None:
                yield problem(doc.path, line, code=code)


@lru_cache(maxsize=8192)
def codes_in(pattern: re.Pattern, body: str, first_line: int) -> tuple[tuple[int, str], ...]:
    """(line, code) of every code written in a body; remembered by text, as the preview checks
    again after every save and only the saved body is new."""
    return tuple((first_line + i, m.group(0)) for i, text in enumerate(body.split("\n"))
                 for m in pattern.finditer(text))


@document_rule(FORM_ATTACHMENT_MISSING)
def attachment_exists(doc, catalog):
    """The original Word file a form offers for download is in the repository."""
    value = doc.front_matter.get("attachment") if doc.kind == "form" else None
    if not isinstance(value, str) or not value.strip() or is_placeholder(value):
        return
    where = doc.attachment
    if where is None or not (catalog.root / where).is_file():
        yield problem(doc.path, doc.line("attachment"), value=value.strip(),
                      where=where or value.strip())
