"""Running every rule over the catalog.

Importing the topic modules registers their rules; this is the one place that lists them.
"""
from __future__ import annotations

from typing import Callable

from builder.catalog import Catalog
from builder.rules import (cache, changes, codes, cycle, distribution, duties,
                           forms, iso18091, legal_basis, legal_deadline,
                           markdown_body, placeholders, records, review,
                           revisions, safe_html, signatures, signoffs, units)
from builder.rules.registry import RULE_FUNCTIONS

# Each topic module registers its rules when imported (see registry.py).
TOPICS = (codes, changes, signoffs, signatures, forms, units, legal_basis, review, placeholders, revisions, legal_deadline,
          duties, safe_html, markdown_body, distribution, cache, records, cycle, iso18091)


def registered_rules() -> dict[str, Callable]:
    """Every rule function by rule id."""
    return RULE_FUNCTIONS


def run_checks(catalog: Catalog, only: set[str] | None = None) -> list:
    """All findings: loading problems first, then each rule; sorted by file and line."""
    findings = list(catalog.load_findings)
    for rule_id, fn in RULE_FUNCTIONS.items():
        if only is None or rule_id in only:
            findings.extend(fn(catalog))
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.rule, f.message))
