"""Where, in each kind of record, the values that name something else are: units, people,
documents, other records, dates. One table, so the rules that check them and the pages that link
them read the same places. A path is a tuple of keys; '*' stands for every item of a list."""
from __future__ import annotations

from builder.records.model import CycleRecord

UNIT_FIELDS = (
    ("unit",), ("scope", "units", "*"), ("auditors", "*", "units", "*"), ("findings", "*", "unit"),
    ("responsible",), ("attendee_counts", "*", "unit"), ("units", "*"), ("confirmations", "*", "unit"),
)
PERSON_FIELDS = (
    ("closed", "by"), ("auditors", "*", "person"), ("verification", "by"), ("evaluation", "by"), ("owner",),
    ("chair",), ("attendees", "*"), ("outputs", "*", "owner"), ("confirmations", "*", "by"),
    ("council", "*"), ("scores", "*", "owner"),
)
DOCUMENT_FIELDS = (
    ("form", "code"), ("procedure",), ("scope", "procedures", "*"), ("findings", "*", "procedure"),
    ("objective", "document"), ("documents", "*", "code"),
)
# (path, whether a document code is also a valid target)
LINK_FIELDS = (
    (("source", "record"), False), (("recommendations", "*", "record"), False),
    (("references", "*"), True), (("inputs", "*", "evidence", "*"), True),
)
DATE_FIELDS = (
    ("date",), ("closed", "date"), ("dates", "from"), ("dates", "to"), ("period", "from"), ("period", "to"),
    ("verification", "date"), ("evaluation", "date"), ("letter_date",), ("recommendations", "*", "done"),
    ("confirmations", "*", "date"),
)


def view(record: CycleRecord) -> dict:
    """The record's converted values as one mapping (common keys and the kind's own)."""
    if "view" not in record.cache:
        common = {"unit": record.unit, "procedure": record.procedure, "date": record.date,
                  "form": {"code": record.form_code}, "references": record.references}
        if record.closed is not None:
            common["closed"] = {"by": record.closed.by, "date": record.closed.date}
        record.cache["view"] = {**record.data, **{k: v for k, v in common.items() if v}}
    return record.cache["view"]


def _walk(value, pattern: tuple, keys: tuple):
    if not pattern:
        if value not in (None, "", [], {}):
            yield keys, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _walk(item, rest, keys + (index,))
    elif isinstance(value, dict) and head in value:
        yield from _walk(value[head], rest, keys + (head,))


def values_at(record: CycleRecord, patterns, with_flag: bool = False):
    """(keys, value) for every value at the given paths; with_flag: patterns are (path, flag)
    pairs and each result carries the flag."""
    data = view(record)
    for entry in patterns:
        pattern, flag = entry if with_flag else (entry, None)
        if pattern[0] not in data:        # most paths belong to other kinds
            continue
        for keys, value in _walk(data, pattern, ()):
            yield (keys, value, flag) if with_flag else (keys, value)
