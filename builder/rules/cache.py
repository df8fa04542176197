"""The build cache is never part of the repository (see builder/cache_guard.py)."""
from __future__ import annotations

from ..cache_guard import CACHE_DIR
from ..messages import finding
from . import catalog_rule


@catalog_rule("cache-committed")
def cache_not_committed(catalog):
    """Parses and PDFs in a committed cache would be trusted without being made here."""
    if catalog.committed_cache:
        yield finding("cache-committed", CACHE_DIR, 1, count=len(catalog.committed_cache),
                      example=catalog.committed_cache[0], folder=CACHE_DIR)
