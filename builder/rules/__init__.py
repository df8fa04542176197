"""The rule registry: one small function per rule id, run over the catalog.

Rules found while loading files (encoding, YAML, field types) are reported by the loader;
`LOADER_RULES` names them so that every rule of messages.RULES is accounted for.
"""
from __future__ import annotations

from typing import Callable, Iterable

RULE_FUNCTIONS: dict[str, Callable] = {}

LOADER_RULES = {
    "file-encoding", "file-empty", "file-binary", "front-matter-missing", "yaml-syntax",
    "front-matter-not-mapping", "duplicate-key", "unknown-key", "required-field", "field-type",
    "invalid-value", "invalid-date", "revision-number", "config-invalid", "register-invalid",
    "pdf-render",  # reported by the print build (builder/pdf), not by `qms check`
}


def catalog_rule(rule_id: str):
    """Register a rule that looks at the whole catalog: fn(catalog) -> findings."""
    def register(fn):
        RULE_FUNCTIONS[rule_id] = fn
        fn.rule_id = rule_id
        return fn
    return register


def document_rule(rule_id: str):
    """Register a rule that looks at one document at a time: fn(doc, catalog) -> findings."""
    def register(fn):
        def over_catalog(catalog) -> Iterable:
            for doc in catalog.documents:
                yield from fn(doc, catalog)
        over_catalog.__doc__ = fn.__doc__
        over_catalog.rule_id = rule_id
        RULE_FUNCTIONS[rule_id] = over_catalog
        return fn
    return register


def load_all() -> dict[str, Callable]:
    """Import every rule module so that its rules register themselves."""
    from . import codes, changes, signoffs, forms, units, legal_rules, review, placeholders, revisions, legal_deadline, duties, safe_html, distribution, cache  # noqa: F401
    return RULE_FUNCTIONS
