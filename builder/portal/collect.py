"""Collecting every agency's status.json and manifest.json, many at once.

Each agency is fetched, parsed and validated on its own (a thread pool: the work is waiting on
the network, and 1,000 agencies must collect in well under a minute); a good pair of files
becomes the agency's last good copy, a failure falls back to that copy, marked `stale_copy` with
the problems recorded. Nothing one agency does (no answer, a slow answer, a huge or hostile file)
can stop the others or the portal.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import date
from typing import Callable

from builder.portal import cache
from builder.portal.config import PortalConfig
from builder.portal.fetch import Limits, fetch
from builder.portal.model import AgencyEntry, Collected
from builder.portal.problem import Problem
from builder.portal.validation import read_manifest, read_status

# Agencies collected at once: each mostly waits on its server, and 64 keep 100 silent agencies
# (10-second timeout each) to about 15 seconds.
MAX_WORKERS = 64

Progress = Callable[[int, int, Collected], None]     # (done, total, the agency just finished)


def collect(config: PortalConfig, today: date, offline: bool = False,
            progress: Progress | None = None) -> list[Collected]:
    """One Collected per agency of the configuration, in its order. `offline`: fetch nothing,
    use the last good copies."""
    agencies = config.agencies
    work = (lambda entry: from_cache(config, entry)) if offline else (lambda entry: collect_one(config, entry, today))
    results: dict[str, Collected] = {}
    with ThreadPoolExecutor(max_workers=max(1, min(MAX_WORKERS, len(agencies)))) as pool:
        futures = {pool.submit(work, entry): entry for entry in agencies}
        for done, future in enumerate(as_completed(futures), 1):
            entry = futures[future]
            results[entry.id] = future.result()
            if progress is not None:
                progress(done, len(agencies), results[entry.id])
    return [results[entry.id] for entry in agencies]


def from_cache(config: PortalConfig, entry: AgencyEntry) -> Collected:
    """The agency as its last good copy has it (offline build), or never collected."""
    copy = cache.load(config.cache_dir, entry.id)
    if copy is None:
        return Collected(entry)
    return Collected(entry, copy.status, copy.manifest, copy.fetched)


def collect_one(config: PortalConfig, entry: AgencyEntry, today: date) -> Collected:
    """Fetch and check both files; keep them as the last good copy, or fall back to that copy."""
    limits = Limits(config.timeout_seconds, config.max_bytes)
    problems, files = [], {}
    for name, url, read in (("status.json", entry.status_url, read_status),
                            ("manifest.json", entry.manifest_url, read_manifest)):
        try:
            raw = fetch(url, config.folder, limits, name)
            files[name] = (raw, read(raw))
        except Problem as problem:
            problems.append(problem.text)
        except Exception as exc:            # a fault of ours must not stop the other agencies
            problems.append(f"unreachable:{name}: lỗi không lường trước ({type(exc).__name__})")
        if problems:
            break       # the pair is kept or dropped together: no need to wait on the second file
    if not problems:
        (status_raw, status), (manifest_raw, manifest) = files["status.json"], files["manifest.json"]
        cache.save(config.cache_dir, entry, status_raw, manifest_raw, today)
        return Collected(entry, status, manifest, today)
    copy = cache.load(config.cache_dir, entry.id)
    if copy is None:
        return Collected(entry, problems=problems)
    return Collected(entry, copy.status, copy.manifest, copy.fetched, stale_copy=True, problems=problems)
