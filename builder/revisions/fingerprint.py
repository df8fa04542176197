"""The approval fingerprint: a hash of a document's controlled content.

Controlled content is the body plus the front-matter fields that say what the document
requires (title, legal basis, forms, records, targets, tasks...). Sign-offs, the issue number,
dates, status and the owning unit are control data about the document, not its content; plan
task progress and measured objective results are records kept during the year.

Normalised so that how a checkout stores the text does not matter: NFC, LF line ends, no
trailing spaces, no leading or trailing blank lines.

Two schemes, told apart by their prefix: 'sha256v2:' (what `qms approve` records) also covers the
current issue's row of the change table (what this issue changed, in whose words); 'sha256:'
approvals recorded before keep being checked with the content they covered. Past rows are
protected against git history (rule change-row-rewritten).
"""
from __future__ import annotations

import hashlib
import json

from builder.documents.model import Document
from builder.documents.text import nfc

CONTROLLED_KEYS = ("title", "kind", "legal_basis", "references", "forms", "records", "procedure",
                   "year", "targets", "tasks")
RECORD_KEYS = {"tasks": ("status", "completed"), "targets": ("results",)}
PREFIX = "sha256:"          # first scheme: body and controlled fields
PREFIX_V2 = "sha256v2:"     # also the current issue's row of `changes`


def normalised_value(value):
    """Text in NFC without surrounding spaces, through lists and mappings."""
    if isinstance(value, dict):
        return {k: normalised_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalised_value(v) for v in value]
    if isinstance(value, str):
        return nfc(value).strip()
    return value


def _without_records(key: str, value):
    """Drop the fields that are records (task progress, measured results) from list items."""
    dropped = RECORD_KEYS.get(key)
    if not dropped or not isinstance(value, list):
        return value
    return [{k: v for k, v in item.items() if k not in dropped} if isinstance(item, dict) else item
            for item in value]


def normalised_body(body: str) -> str:
    text = nfc(body).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def controlled_content(doc: Document) -> str:
    fields = {k: _without_records(k, normalised_value(doc.front_matter[k]))
              for k in CONTROLLED_KEYS if k in doc.front_matter}
    return json.dumps(fields, ensure_ascii=False, sort_keys=True) + "\n\n" + normalised_body(doc.body)


def current_change(doc: Document) -> dict:
    """The row of `changes` for the document's own issue, as written."""
    for row in doc.changes:
        if row.revision == doc.revision:
            return {"revision": row.revision, "date": str(row.date or ""), "section": nfc(row.section or "").strip(),
                    "description": nfc(row.description or "").strip()}
    return {}


def scheme_of(recorded: str) -> str:
    return PREFIX_V2 if recorded.startswith(PREFIX_V2) else PREFIX


def fingerprint(doc: Document, scheme: str = PREFIX_V2) -> str:
    """Computed once per parsed document and scheme: several rules and pages ask for it."""
    key = f"fingerprint:{scheme}"
    if key not in doc.cache:
        content = controlled_content(doc)
        if scheme == PREFIX_V2:
            content = json.dumps(current_change(doc), ensure_ascii=False, sort_keys=True) + "\n" + content
        doc.cache[key] = scheme + hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    return doc.cache[key]
