"""A document page does not grow with the number of documents, and the search index stays the
size plain Material makes for the same pages (bench/site_size.py measures 50 vs 1,000)."""
from __future__ import annotations

import sys

from support.repos import REPO

sys.path.insert(0, str(REPO / "bench"))

from site_size import measure  # noqa: E402

SMALL, LARGE = 30, 120  # past NAV_DOCUMENTS_LIMIT procedures and forms in the large one
CONSTANT = 2048  # bytes a page may gain from longer codes and titles


def test_document_pages_stay_flat_and_index_stays_small(tmp_path):
    small = measure(SMALL, tmp_path)
    large = measure(LARGE, tmp_path)
    assert large["page_median_bytes"] <= small["page_median_bytes"] + CONSTANT, (small, large)
    assert large["page_max_bytes"] <= small["page_max_bytes"] + CONSTANT, (small, large)
    assert large["index_ratio"] <= 1.5, large
