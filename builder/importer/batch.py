"""What the files of one import run share, and the options the command was given."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from builder.documents.text import nfc
from builder.organisation.model import Organisation


@dataclass
class Options:
    kind: str | None = None
    unit: str | None = None
    status: str = "draft"
    procedure: str | None = None
    out: str | None = None          # sub-folder inside procedures/ and forms/


@dataclass
class Batch:
    """What the files of one run share: the organisation, the codes in use, which document
    each earlier import produced (by source file name), and the codes claimed in this run."""

    organisation: Organisation
    documents: dict[str, str]                  # code → path of the existing documents
    sources: dict[str, str]                    # source file name → path of its imported document
    source_of: dict[str, str] = field(default_factory=dict)   # path → source file name
    claimed: dict[str, str] = field(default_factory=dict)     # code → source, in this run
    units: dict[str, str] = field(default_factory=dict)       # code → owning unit
    effective: set[str] = field(default_factory=set)          # paths of documents in force (never replaced)
    year: int = date.today().year

    def used(self) -> set[str]:
        return set(self.documents) | set(self.claimed)


def source_name(path: Path) -> str:
    return nfc(path.name)
