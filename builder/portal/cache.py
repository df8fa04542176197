"""The last good copy of each agency's files, kept between runs in the portal's cache folder:
`.portal-cache/<id>/status.json`, `manifest.json` (the bytes as collected) and `collected.json`
(the day, the addresses and a hash of each file, written last).

A copy is used when a later collection fails, and by `qms portal --offline`. Each file is written
atomically; a copy whose files do not match the hashes of collected.json (a run stopped between
two writes) is not used, and one checked against other schemas (an older portal) is checked again
(1,000 copies read back in a few seconds instead of ten). The folder is named by the agency's id from
portal.yml, checked again here, and must resolve inside the cache folder: nothing an agency
sends ever becomes part of a path.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from builder.portal.config import valid_agency_id
from builder.portal.model import AgencyEntry
from builder.portal.problem import Problem
from builder.portal.validation import (read_manifest, read_status,
                                       schemas_fingerprint)
from builder.storage.atomic import atomic_write_bytes, atomic_write_text

STATUS, MANIFEST, COLLECTED = "status.json", "manifest.json", "collected.json"
_SCHEMAS = schemas_fingerprint()


@dataclass
class Copy:
    """A last good copy, read back and validated again."""
    status: dict
    manifest: dict
    fetched: date


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def agency_folder(cache_dir: Path, agency_id: str) -> Path | None:
    """The agency's folder inside the cache, or None when the id could name anything else (a
    path, '..', a symlink leading out): then nothing is read or written for it."""
    if not valid_agency_id(agency_id):
        return None
    root = Path(cache_dir).resolve()
    folder = root / agency_id
    return folder if folder.resolve().parent == root else None


def save(cache_dir: Path, entry: AgencyEntry, status: bytes, manifest: bytes, day: date) -> bool:
    """Keep these files as the agency's last good copy (files unchanged since the last run are not
    written again). False when the agency's id has no safe folder."""
    folder = agency_folder(cache_dir, entry.id)
    if folder is None:
        return False
    previous = _record(folder)
    hashes = {STATUS: _sha256(status), MANIFEST: _sha256(manifest)}
    for name, data in ((STATUS, status), (MANIFEST, manifest)):
        if previous.get(name) != hashes[name] or not (folder / name).is_file():
            atomic_write_bytes(folder / name, data, durable=False)
    record = {"fetched": day.isoformat(), "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "status_url": entry.status_url, "manifest_url": entry.manifest_url, "sha256": hashes,
              "schemas": _SCHEMAS}
    atomic_write_text(folder / COLLECTED, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return True


def _record(folder: Path) -> dict:
    """name -> hash of the files collected.json vouches for, 'fetched' and 'schemas' (empty when
    missing or damaged)."""
    try:
        record = json.loads((folder / COLLECTED).read_text(encoding="utf-8"))
        hashes = record.get("sha256")
        return {k: v for k, v in hashes.items() if isinstance(v, str)} | {
            "fetched": str(record["fetched"]), "schemas": str(record.get("schemas"))}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def load(cache_dir: Path, agency_id: str) -> Copy | None:
    """The agency's last good copy, or None when there is none it can vouch for."""
    folder = agency_folder(cache_dir, agency_id)
    record = _record(folder) if folder is not None else {}
    try:
        fetched = date.fromisoformat(record["fetched"])
        status, manifest = (folder / STATUS).read_bytes(), (folder / MANIFEST).read_bytes()
    except (KeyError, ValueError, OSError):
        return None
    if record.get(STATUS) != _sha256(status) or record.get(MANIFEST) != _sha256(manifest):
        return None
    checked = record.get("schemas") == _SCHEMAS      # checked with today's schemas when saved
    try:
        return Copy(read_status(status, checked), read_manifest(manifest, checked), fetched)
    except (Problem, KeyError, TypeError, AttributeError):
        return None         # checked with other schemas and failing these, or changed by hand
