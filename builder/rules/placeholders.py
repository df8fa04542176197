"""Placeholders left by `qms new` or `qms import` must be filled before a document is used."""
from __future__ import annotations

from builder.documents.placeholders import MARK, marked_values
from builder.findings.rule_texts import PLACEHOLDER
from builder.rules.registry import document_rule, problem


@document_rule(PLACEHOLDER)
def no_placeholders(doc, catalog):
    """No 'CẦN ĐIỀN' mark is left in the front matter or the body."""
    for keys, text in marked_values(doc.front_matter):
        yield problem(doc.path, doc.line(*keys), value=f"'{'.'.join(map(str, keys))}'")
    for line, text in doc.body_lines():
        if MARK in text:
            yield problem(doc.path, line, value=f"dòng nội dung '{text.strip()[:60]}'")
