"""The rule registry: one small function per rule, run over the catalog.

A rule function is registered with its rule's texts (`@document_rule(CODE_PATTERN)`) and yields
`problem(path, line, **values)`: the registry turns each problem into a finding of that rule, so
the rule's id is written in one place only (see builder/findings/rule_texts.py). Rules found while
loading files (encoding, YAML, field types) or printing are reported there (their `stage`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from builder.findings.finding import Severity
from builder.findings.rule_texts import RuleText

RULE_FUNCTIONS: dict[str, Callable] = {}


@dataclass(frozen=True)
class Problem:
    """What a rule function found: where, which wording (variant) and the values of the message."""
    path: str
    line: int
    variant: str | None = None
    values: dict = field(default_factory=dict)
    severity: Severity | None = None   # set only where configuration softens a rule (a warning)


def problem(path: str, line: int, variant: str | None = None, **values) -> Problem:
    return Problem(path, line, variant, values)


def softened(found: Problem, severity: Severity) -> Problem:
    """The problem reported with another severity (organisation.yml: signatures: warning)."""
    return replace(found, severity=severity)


def _register(rule: RuleText, over_catalog: Callable, fn: Callable) -> None:
    """Keep the rule's function under its id; each problem it yields becomes a finding of it."""
    def findings(catalog) -> Iterable:
        for p in over_catalog(catalog):
            found = rule.finding(p.path, p.line, p.variant, **p.values)
            yield replace(found, severity=p.severity) if p.severity else found
    findings.__doc__ = fn.__doc__
    findings.rule = rule
    if rule.id in RULE_FUNCTIONS:
        raise ValueError(f"rule {rule.id} registered twice")
    RULE_FUNCTIONS[rule.id] = findings


def catalog_rule(rule: RuleText):
    """Register a rule that looks at the whole catalog: fn(catalog) -> problems."""
    def register(fn):
        _register(rule, fn, fn)
        return fn
    return register


def document_rule(rule: RuleText):
    """Register a rule that looks at one document at a time: fn(doc, catalog) -> problems."""
    def register(fn):
        def over_catalog(catalog) -> Iterable:
            for doc in catalog.documents:
                yield from fn(doc, catalog)
        _register(rule, over_catalog, fn)
        return fn
    return register


def record_rule(rule: RuleText):
    """Register a rule that looks at one record of the yearly cycle at a time: fn(record, catalog)."""
    def register(fn):
        def over_catalog(catalog) -> Iterable:
            for record in catalog.records:
                yield from fn(record, catalog)
        _register(rule, over_catalog, fn)
        return fn
    return register


def body_rule(rule: RuleText):
    """Register a rule on a Markdown body, run over every document and every record alike:
    fn(item, catalog) with item.path, item.body, item.body_line and item.status."""
    def register(fn):
        def over_catalog(catalog) -> Iterable:
            for item in [*catalog.documents, *catalog.records]:
                yield from fn(item, catalog)
        _register(rule, over_catalog, fn)
        return fn
    return register
