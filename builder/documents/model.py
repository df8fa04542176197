"""The controlled-document model: typed, normalised, with the line of each front-matter key."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SignOff:
    by: str
    date: date | None
    decision: str | None = None
    fingerprint: str | None = None


@dataclass(frozen=True)
class ChangeRow:
    revision: int | None
    date: date | None
    section: str | None
    description: str | None


@dataclass(frozen=True)
class Record:
    name: str
    keeper: str
    retention: str
    form: str | None = None


@dataclass(frozen=True)
class Result:
    period: str
    value: float


@dataclass(frozen=True)
class Target:
    id: str
    name: str
    op: str
    target: float
    measure: str = ""
    unit: str | None = None
    results: tuple[Result, ...] = ()

    def met(self, value: float) -> bool:
        """Whether a measured value reaches the target."""
        if self.op == ">=":
            return value >= self.target
        if self.op == "<=":
            return value <= self.target
        return value == self.target


@dataclass(frozen=True)
class Task:
    content: str
    period: str
    units: tuple[str, ...]          # one or several units in charge ("VP" or [VP, KHTC])
    status: str
    due: date | None = None
    completed: date | None = None
    type: str | None = None


@dataclass
class Document:
    path: str                      # relative to the repository root, posix
    code: str
    kind: str
    title: str
    unit: str
    revision: int | None
    status: str
    body: str
    body_line: int                 # file line where the body starts
    effective: date | None = None
    withdrawn: date | None = None
    review_months: int | None = None
    signoffs: dict[str, SignOff] = field(default_factory=dict)  # prepared / reviewed / approved
    legal_basis: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    changes: list[ChangeRow] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    procedure: str | None = None   # parent of a form
    tthc: list[str] = field(default_factory=list)  # administrative procedures a procedure carries out
    year: int | None = None
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    front_matter: dict = field(default_factory=dict)  # raw text values, as written
    lines: object = None            # yamlsrc.Located, for line lookups
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # derived data, computed once

    def __getstate__(self):
        """Stored parses (parse_cache) leave out derived data: it is recomputed on demand."""
        return {**self.__dict__, "cache": {}}

    def line(self, *keys) -> int:
        """File line of a front-matter key path (falls back to its nearest parent)."""
        return self.lines.line(*keys) if self.lines is not None else 1

    @property
    def attachment(self) -> str | None:
        """Repository path of a form's original Word file ('attachment', written relative to the
        form's own file), or None; a path that leaves the repository counts as none."""
        value = self.front_matter.get("attachment") if self.kind == "form" else None
        if not isinstance(value, str) or not value.strip():
            return None
        where = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), value.strip()))
        return None if where.startswith("..") or posixpath.isabs(where) else where

    @property
    def in_force(self) -> bool:
        """Effective now, or effective once (withdrawn): such documents need full sign-offs."""
        return self.status in ("effective", "withdrawn")

    def body_lines(self):
        """(file line number, text) for every body line."""
        for offset, text in enumerate(self.body.split("\n")):
            yield self.body_line + offset, text
