"""The record model: one record of the yearly cycle, typed, with the line of each key."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from builder.documents.model import SignOff


@dataclass
class CycleRecord:
    path: str                      # relative to the repository root, posix
    id: str
    kind: str
    title: str
    unit: str                      # the unit that keeps it
    date: dt.date | None
    status: str                    # open | closed
    form_code: str
    form_revision: int | None
    procedure: str
    body: str
    body_line: int
    closed: SignOff | None = None
    references: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)          # the kind's own fields, converted (kinds.BY_KIND)
    front_matter: dict = field(default_factory=dict)  # raw text values, as written
    lines: object = None                              # yamlsrc.Located
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self):
        """Stored parses keep the closing fingerprint (it depends on the file alone) and drop the
        rest of the derived data."""
        kept = {k: v for k, v in self.cache.items() if k == "fingerprint"}
        return {**self.__dict__, "cache": kept}

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    def line(self, *keys) -> int:
        return self.lines.line(*keys) if self.lines is not None else 1

    def items(self, key: str) -> list[dict]:
        """A list field of the kind (findings, inputs, recommendations...), never None."""
        return [item for item in self.data.get(key) or [] if item]

    def get(self, key: str, default=None):
        value = self.data.get(key)
        return default if value is None else value

    def body_lines(self):
        for offset, text in enumerate(self.body.split("\n")):
            yield self.body_line + offset, text


@dataclass
class Records:
    """Every record of the repository, with indexes the rules and pages share."""
    items: list[CycleRecord] = field(default_factory=list)

    def __post_init__(self):
        self.cache: dict = {}            # indexes computed once (records/queries.py)
        self.by_id: dict[str, CycleRecord] = {}
        for record in self.items:
            self.by_id.setdefault(record.id, record)

    def get(self, record_id: str | None) -> CycleRecord | None:
        return self.by_id.get(record_id or "")

    def of_kind(self, kind: str, year: int | None = None) -> list[CycleRecord]:
        return [r for r in self.items if r.kind == kind and (year is None or r.year == year)]

    def years(self) -> list[int]:
        return sorted({r.year for r in self.items if r.year}, reverse=True)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)
