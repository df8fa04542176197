"""Reading records/<year>/... into CycleRecords: each file read once, through the same parse
cache and the same front-matter reader as documents, every problem a finding."""
from __future__ import annotations

from pathlib import Path

from builder.cache import parse_cache
from builder.documents.field_types import missing
from builder.documents.loader import (convert_by_kind, document_paths,
                                      folder_problems, load_document,
                                      read_front_matter)
from builder.documents.model import SignOff
from builder.findings.rule_texts import REQUIRED_FIELD
from builder.records.fingerprint import record_fingerprint
from builder.records.kinds import COMMON, KINDS, all_fields, fields_for
from builder.records.model import CycleRecord, Records

RECORD_FOLDERS = ("records",)
_COMMON_KEYS = {f.key for f in COMMON}


def parse_record(rel: str, raw: bytes, blob: str | None = None) -> tuple[CycleRecord | None, list]:
    """One record file's bytes to a record and its findings, cached by (path, blob) like documents."""
    record, findings = parse_cache.CACHE.parsed(rel, raw, blob, _parse)
    return record, list(findings)


def _parse(rel: str, raw: bytes) -> tuple[CycleRecord | None, list]:
    parsed = read_front_matter(rel, raw)
    if isinstance(parsed, list):
        return None, parsed
    located, body, body_line, ctx = parsed
    values = _validate(located.data, ctx)
    record = _build(rel, values, body, body_line, located)
    if record.is_closed:
        record_fingerprint(record)      # kept with the stored parse: closed records are many and unchanging
    return record, ctx.findings


def _validate(raw: dict, ctx) -> dict:
    """Convert each key by the shape its kind gives it; unknown, misplaced and missing keys."""
    kind, allowed, values = convert_by_kind(raw, ctx, fields_for, all_fields(), KINDS, "hồ sơ")
    for spec in allowed.values():
        if spec.required and missing(raw.get(spec.key)):
            ctx.report(REQUIRED_FIELD, (spec.key,) if spec.key in raw else (), key=spec.key, label=spec.label, why="")
    if values.get("status") == "closed" and missing(raw.get("closed")):
        ctx.report(REQUIRED_FIELD, ("status",), key="closed", label=allowed["closed"].label,
                   why=" (bắt buộc khi hồ sơ đã đóng: ký đóng bằng lệnh 'qms record close')")
    return values


def _build(rel: str, v: dict, body: str, body_line: int, located) -> CycleRecord:
    form = v.get("form") or {}
    closed = v.get("closed") or {}
    return CycleRecord(
        path=rel, id=v.get("id") or "", kind=v.get("kind") or "", title=v.get("title") or "",
        unit=v.get("unit") or "", date=v.get("date"), status=v.get("status") or "open",
        form_code=form.get("code") or "", form_revision=form.get("revision"), procedure=v.get("procedure") or "",
        body=body, body_line=body_line,
        closed=SignOff(closed["by"], closed.get("date"), None, closed.get("fingerprint")) if closed.get("by") else None,
        references=v.get("references") or [],
        data={k: value for k, value in v.items() if k not in _COMMON_KEYS},
        front_matter=located.data, lines=located)


def record_paths(root: Path) -> list[Path]:
    return document_paths(root, RECORD_FOLDERS)


def load_records(root: Path) -> tuple[Records, list]:
    """Every record file under records/, read once."""
    root = Path(root)
    items, findings = [], folder_problems(root, RECORD_FOLDERS)
    for path in record_paths(root):
        record, found = load_document(root, path, parse_record)
        findings += found
        if record is not None:
            items.append(record)
    return Records(items), findings
