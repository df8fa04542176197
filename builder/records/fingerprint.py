"""The closing fingerprint of a record: a hash of everything it says, taken when it is signed
closed. Any later change without a new closing is an error (rule record-closed-changed), the
way an approved document's content is protected by its approval fingerprint."""
from __future__ import annotations

import hashlib
import json

from builder.records.model import CycleRecord
from builder.revisions.fingerprint import normalised_body, normalised_value

PREFIX = "sha256:"
# Control data about the closing itself, not what the record says.
NOT_CONTENT = ("status", "closed")


def record_content(record: CycleRecord) -> str:
    fields = {k: normalised_value(v) for k, v in record.front_matter.items() if k not in NOT_CONTENT}
    return json.dumps(fields, ensure_ascii=False, sort_keys=True) + "\n\n" + normalised_body(record.body)


def record_fingerprint(record: CycleRecord) -> str:
    if "fingerprint" not in record.cache:
        digest = hashlib.sha256(record_content(record).encode("utf-8")).hexdigest()[:16]
        record.cache["fingerprint"] = PREFIX + digest
    return record.cache["fingerprint"]
