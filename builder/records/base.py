"""Records as committed at the base the working tree is compared with: a record closed there
may not change or disappear (rule record-closed-rewritten), even when someone closes it again."""
from __future__ import annotations

from pathlib import Path

from builder.cache import parse_cache
from builder.records.loader import RECORD_FOLDERS, parse_record
from builder.records.model import CycleRecord
from builder.revisions.git_source import GitSource


def closed_at_base(root: Path, commit: str | None) -> dict[str, CycleRecord]:
    """Record id → the record as committed at `commit`, for records closed there. Two git
    processes whatever the number of records; unchanged blobs come from the parse cache."""
    if not commit:
        return {}
    source = GitSource(root)
    if not source.available:
        return {}
    tree = source.tree(commit, RECORD_FOLDERS)
    missing = sorted({sha for path, sha in tree.items() if parse_cache.CACHE.get(path, sha) is None})
    contents = source.blobs(missing)
    out: dict[str, CycleRecord] = {}
    for path, sha in tree.items():
        cached = parse_cache.CACHE.get(path, sha)
        record = cached[0] if cached else (parse_record(path, contents[sha], sha)[0] if sha in contents else None)
        if record is not None and record.id and record.is_closed:
            out.setdefault(record.id, record)
    return out
