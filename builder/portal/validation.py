"""Reading a collected file: JSON first, then the schema of what the portal reads.

status.json must follow the versioned schema every agency build writes against
(builder/reporting/schemas/status-1.schema.json), checked with the jsonschema package;
manifest.json must hold what the portal reads (schemas/manifest-1.schema.json: documents with code
and title, site-relative addresses), checked by the small reader of that schema in
schema_subset.py (jsonschema takes 30 ms for a manifest of 300 documents, 30 s for 1,000
agencies). What fails is a Problem with a detail written here (the place in the file and the kind
of fault), never the offending text, which may be hostile.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache

import jsonschema

from builder.portal.problem import Problem
from builder.portal.schema_subset import SubsetValidator
from builder.reporting.status import SCHEMA_FILE, status_schema

MANIFEST_SCHEMA_FILE = SCHEMA_FILE.with_name("manifest-1.schema.json")
# What the portal keeps of each document of a manifest (its table, search and agency pages);
# the rest (records, sources, legal basis) is dropped, so 1,000 agencies fit in memory.
DOCUMENT_FIELDS = ("code", "title", "kind", "status", "revision", "effective", "unit", "unit_name",
                   "url", "pdf", "docx")
FAULTS = {
    "required": "thiếu trường", "type": "sai kiểu", "maxLength": "quá dài", "minLength": "rỗng",
    "pattern": "sai dạng", "additionalProperties": "có trường không cho phép", "const": "sai phiên bản",
    "enum": "giá trị không cho phép", "minimum": "ngoài khoảng cho phép", "maximum": "ngoài khoảng cho phép",
    "maxItems": "quá nhiều phần tử", "propertyNames": "tên trường sai dạng",
}
_SAFE = re.compile(r"[^A-Za-z0-9_.\-\[\]]")


@lru_cache(maxsize=1)
def manifest_schema() -> dict:
    return json.loads(MANIFEST_SCHEMA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _status_validator() -> jsonschema.Draft202012Validator:
    """Compiled once and shared by the collecting threads (checking does not change it)."""
    return jsonschema.Draft202012Validator(status_schema())


@lru_cache(maxsize=1)
def _manifest_validator() -> SubsetValidator:
    return SubsetValidator(manifest_schema())


def _no_constant(name: str):
    raise ValueError(f"{name} không phải số JSON")


def parse_json(data: bytes, name: str):
    """The JSON value of `data`: UTF-8 (a BOM is tolerated), no NaN or Infinity; a file nested
    too deep for the parser is refused like any other non-JSON."""
    try:
        return json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise Problem("not_json", f"{name}: không phải UTF-8") from None
    except json.JSONDecodeError as exc:
        raise Problem("not_json", f"{name}: lỗi ở dòng {exc.lineno}") from None
    except (ValueError, RecursionError):
        raise Problem("not_json", f"{name}: giá trị hoặc độ lồng nhau không đọc được") from None


def fault_detail(name: str, path, keyword: str, missing: str = "") -> str:
    """'status.json: agency.name quá dài': where and what, keys cut to safe characters (a key
    of the file may be hostile; `missing` is a name from the schema)."""
    where = ""
    for part in [*path, *([missing] if missing else [])]:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    where = _SAFE.sub("?", where)[:80] or "gốc"
    return f"{name}: {where} {FAULTS.get(keyword, 'không hợp lệ')}"


def _status_fault(value) -> str | None:
    try:
        error = next(iter(_status_validator().iter_errors(value)), None)
    except RecursionError:
        return "status.json: lồng nhau quá sâu"
    if error is None:
        return None
    missing = ""
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = next((k for k in error.validator_value if k not in error.instance), "")
    return fault_detail("status.json", error.absolute_path, error.validator, missing)


def schemas_fingerprint() -> str:
    """Names the two schemas a copy was checked against: a copy checked with these very schemas
    need not be checked again when read back (cache.py), one checked with others must."""
    digest = hashlib.sha256(SCHEMA_FILE.read_bytes() + b"\0" + MANIFEST_SCHEMA_FILE.read_bytes())
    return digest.hexdigest()


def read_status(data: bytes, checked: bool = False) -> dict:
    """A valid status.json, or Problem. `checked`: these bytes already passed this schema."""
    value = parse_json(data, "status.json")
    fault = None if checked else _status_fault(value)
    if fault is not None:
        raise Problem("invalid", fault)
    return value


def read_manifest(data: bytes, checked: bool = False) -> dict:
    """What the portal keeps of a valid manifest.json, or Problem."""
    value = parse_json(data, "manifest.json")
    fault = None if checked else _manifest_validator().first_fault(value)
    if fault is not None:
        raise Problem("invalid_manifest", fault_detail("manifest.json", fault.path, fault.keyword, fault.missing))
    return {"agency": value["agency"], "generated": value["generated"],
            "documents": [{k: d.get(k) for k in DOCUMENT_FIELDS} for d in value["documents"]]}
