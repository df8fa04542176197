"""The catalog: every document, the organisation and the legal register, loaded once."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from builder.cache import parse_cache
from builder.cache.folder import committed_cache_files
from builder.documents.loader import load_documents
from builder.documents.model import Document
from builder.duties.yearly import Activities, load_activities
from builder.legal.register import LegalRegister
from builder.legal.register_file import load_register
from builder.organisation.config_file import load_organisation
from builder.organisation.model import Organisation
from builder.revisions.history import Base, History, load_git


@dataclass
class Catalog:
    root: Path
    documents: list[Document]
    organisation: Organisation
    register: LegalRegister
    today: date
    load_findings: list = field(default_factory=list)
    history: History = field(default_factory=History)
    base: Base | None = None
    activities: Activities = field(default_factory=Activities)
    committed_cache: list[str] = field(default_factory=list)   # .qms-cache files git tracks

    def __post_init__(self):
        self.by_code: dict[str, Document] = {}
        for doc in self.documents:
            self.by_code.setdefault(doc.code, doc)

    def memo(self, key: str, compute):
        """Compute once per catalog what several rules need (an index, the legal changes)."""
        if not hasattr(self, "_memo"):
            self._memo = {}
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def get(self, code: str) -> Document | None:
        return self.by_code.get(code)

    def of_kind(self, kind: str) -> list[Document]:
        return [d for d in self.documents if d.kind == kind]


def load_catalog(root: Path, today: date | None = None, base_ref: str | None = "HEAD",
                 merge_base: bool = False, with_git: bool = True) -> Catalog:
    """Load configuration, documents and (when in git) their history and the base snapshot;
    loading problems are kept as findings."""
    root = Path(root)
    organisation, org_findings = load_organisation(root)
    register, reg_findings = load_register(root)
    committed_cache = committed_cache_files(root)
    parse_cache.CACHE.attach(root, trusted=not committed_cache)
    documents, doc_findings = load_documents(root)
    activities, act_findings = load_activities(root)
    history, base = load_git(root, base_ref, merge_base) if with_git else (History(), None)
    parse_cache.CACHE.save(root)
    return Catalog(root, documents, organisation, register, today or date.today(),
                   org_findings + reg_findings + act_findings + doc_findings, history, base, activities,
                   committed_cache)
