"""Time the history index of a repository in a fresh process, the way a build meets it.

    python bench/history_probe.py ROOT standalone   # nothing parsed yet, no stored parses
    python bench/history_probe.py ROOT first-build  # working tree parsed (as the build does
                                                    # before the history), no stored parses
    python bench/history_probe.py ROOT rebuild      # stored parses of the last build present

Prints JSON: seconds, versions. Loading the stored parses counts toward the time.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from builder.cache import parse_cache  # noqa: E402
from builder.documents.loader import load_documents  # noqa: E402
from builder.revisions.git_source import GitSource  # noqa: E402
from builder.revisions.history import build_history  # noqa: E402


def main():
    root, mode = Path(sys.argv[1]), sys.argv[2]
    store = root / parse_cache.STORE
    if mode in ("standalone", "first-build"):
        store.unlink(missing_ok=True)
    if mode == "first-build":
        load_documents(root)
    start = time.perf_counter()
    if mode == "rebuild":
        parse_cache.CACHE.attach(root)
    history = build_history(GitSource(root))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "versions": sum(len(v) for v in history.versions.values()),
                      "parsed": parse_cache.CACHE.parses}))


if __name__ == "__main__":
    main()
