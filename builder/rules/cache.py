"""The build cache is never part of the repository (see builder/cache_guard.py)."""
from __future__ import annotations

from builder.cache.folder import CACHE_DIR
from builder.findings.rule_texts import CACHE_COMMITTED
from builder.rules.registry import catalog_rule, problem


@catalog_rule(CACHE_COMMITTED)
def cache_not_committed(catalog):
    """Parses and PDFs in a committed cache would be trusted without being made here."""
    if catalog.committed_cache:
        yield problem(CACHE_DIR, 1, count=len(catalog.committed_cache),
                      example=catalog.committed_cache[0], folder=CACHE_DIR)
