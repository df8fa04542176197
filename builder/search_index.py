"""The search index as staff download it.

Material writes search_index.json with every Vietnamese letter escaped ("trình" becomes
"tr\\u00ecnh", six bytes instead of two); written as UTF-8 the same index is about a third
smaller, which is what staff on a slow intranet link (often served without compression) wait for.
"""
from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def compact_search_index(site_dir: Path) -> None:
    """Rewrite the index as compact UTF-8 JSON; the data is unchanged. No index, nothing to do."""
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
