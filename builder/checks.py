"""Running every rule over the catalog."""
from __future__ import annotations

from .catalog import Catalog
from .rules import load_all


def run_checks(catalog: Catalog, only: set[str] | None = None) -> list:
    """All findings: loading problems first, then each rule; sorted by file and line."""
    findings = list(catalog.load_findings)
    for rule_id, fn in load_all().items():
        if only is None or rule_id in only:
            findings.extend(fn(catalog))
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.rule, f.message))
