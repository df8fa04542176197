"""The catalog: every document, the organisation and the legal register, loaded once."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from builder.cache import parse_cache
from builder.cache.folder import committed_cache_files
from builder.documents.loader import DOCUMENT_FOLDERS, load_documents
from builder.documents.model import Document
from builder.duties.yearly import Activities, load_activities
from builder.legal.register import LegalRegister
from builder.legal.register_file import load_register
from builder.organisation.config_file import load_organisation
from builder.organisation.model import Organisation
from builder.records.base import closed_at_base
from builder.records.iso18091 import IndicatorSet, load_indicator_set
from builder.records.loader import load_records
from builder.records.model import CycleRecord, Records
from builder.records.settings import RecordSettings, load_settings
from builder.revisions.history import Base, History, load_git
from builder.signing.secrets import Secret, find_secrets

# Every folder the catalog is read from: a change in any of them changes what is published.
SOURCE_FOLDERS = (*DOCUMENT_FOLDERS, "records", "site_config", "registers", "signatures")


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
    pending: dict[str, Document] = field(default_factory=dict)  # published view: approved issues not yet in force
    secrets: list[Secret] = field(default_factory=list)   # private keys found outside tests/
    records: Records = field(default_factory=Records)     # records of the yearly cycle (records/)
    record_settings: RecordSettings = field(default_factory=RecordSettings)
    closed_base: dict[str, CycleRecord] = field(default_factory=dict)  # records closed at the base commit
    indicator_set: IndicatorSet | None = None   # site_config/iso18091.yml (None: self-assessment unused)

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


YEARLY_KINDS = ("plan", "objectives")


def year_of(doc: Document) -> int | None:
    """The year a yearly plan or objectives document is for (its `year`, else its issue's year)."""
    return doc.year or (doc.effective.year if doc.effective else None)


def is_archived(doc: Document, today: date) -> bool:
    """A plan or objectives of a past year: a record of that year, kept and shown, but no longer
    due for review, for legal updates, or on today's to-do list."""
    return doc.kind in YEARLY_KINDS and (year_of(doc) or today.year) < today.year


def is_pending(doc: Document, today: date) -> bool:
    """Approved, but its effective date is still ahead: agencies approve a revision days or
    weeks early so that copies can be printed and handed out before the day."""
    return doc.status == "effective" and doc.effective is not None and doc.effective > today


def published_view(catalog: Catalog) -> Catalog:
    """The catalog as staff see it today. A pending issue does not replace the issue in force
    (read from git history) until its effective date: the page, the PDF, the manifest and the
    recall list follow the issue in force, and `pending` holds the coming issue for its notice
    and preview. A first issue with nothing before it is shown as pending only. The checks
    always run on the files themselves, never on this view."""
    pending, documents = {}, []
    for doc in catalog.documents:
        if not doc.code or not is_pending(doc, catalog.today):
            documents.append(doc)
            continue
        pending[doc.code] = doc
        version = catalog.history.issues(doc.code).get(doc.revision - 1) if (doc.revision or 0) > 1 else None
        previous = version.document if version is not None else None
        documents.append(replace(previous, path=doc.path) if previous is not None else replace(doc, status="pending"))
    if not pending:
        return catalog
    view = replace(catalog, documents=documents, pending=pending)
    return view


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
    records, rec_findings = load_records(root)
    settings, set_findings = load_settings(root)
    activities, act_findings = load_activities(root)
    indicator_set, iso_findings = load_indicator_set(root)
    history, base = load_git(root, base_ref, merge_base) if with_git else (History(), None)
    closed_base = closed_at_base(root, base.commit) if base is not None else {}
    parse_cache.CACHE.save(root)
    return Catalog(root, documents, organisation, register, today or date.today(),
                   org_findings + reg_findings + set_findings + act_findings + iso_findings + doc_findings
                   + rec_findings, history, base, activities, committed_cache, secrets=find_secrets(root),
                   records=records, record_settings=settings, closed_base=closed_base, indicator_set=indicator_set)
