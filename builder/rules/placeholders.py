"""Placeholders left by `qms new` or `qms import` must be filled before a document is used."""
from __future__ import annotations

from ..messages import finding
from . import document_rule

MARK = "CẦN ĐIỀN"


def _walk(value, keys=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, keys + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, keys + (i,))
    elif isinstance(value, str):
        yield keys, value


@document_rule("placeholder")
def no_placeholders(doc, catalog):
    """No 'CẦN ĐIỀN' mark is left in the front matter or the body."""
    for keys, text in _walk(doc.front_matter):
        if MARK in text:
            yield finding("placeholder", doc.path, doc.line(*keys), value=f"'{'.'.join(map(str, keys))}'")
    for line, text in doc.body_lines():
        if MARK in text:
            yield finding("placeholder", doc.path, line, value=f"dòng nội dung '{text.strip()[:60]}'")
