"""Placeholders left by `qms new` or `qms import` must be filled before a document is used."""
from __future__ import annotations

from builder.documents.placeholders import MARK
from builder.findings.rule_texts import PLACEHOLDER
from builder.rules.registry import document_rule, problem


def _walk(value, keys=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, keys + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, keys + (i,))
    elif isinstance(value, str):
        yield keys, value


@document_rule(PLACEHOLDER)
def no_placeholders(doc, catalog):
    """No 'CẦN ĐIỀN' mark is left in the front matter or the body."""
    for keys, text in _walk(doc.front_matter):
        if MARK in text:
            yield problem(doc.path, doc.line(*keys), value=f"'{'.'.join(map(str, keys))}'")
    for line, text in doc.body_lines():
        if MARK in text:
            yield problem(doc.path, line, value=f"dòng nội dung '{text.strip()[:60]}'")
