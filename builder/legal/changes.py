"""Legal changes and their impact: which documents cite a replaced, amended or repealed
legal document, and by when they must be reissued (Quyết định 19/2014/QĐ-TTg, Article 4(4))."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from builder.catalog import Catalog, is_archived
from builder.documents.dates import add_months
from builder.documents.model import Document
from builder.legal.citations import CitedNumber, legal_citations
from builder.legal.register import LegalDocument, LegalRegister

RELATIONS = {  # relation on the old document, relation on the new one, Vietnamese verb
    "replaced": ("replaced_by", "replaces", "thay thế"),
    "amended": ("amended_by", "amends", "sửa đổi, bổ sung"),
    "repealed": ("repealed_by", "repeals", "bãi bỏ"),
}


@dataclass(frozen=True)
class LegalChange:
    old: LegalDocument
    new: LegalDocument
    relation: str          # replaced | amended | repealed

    @property
    def date(self) -> date | None:
        """The change happens when the new document takes effect."""
        return self.new.effective

    @property
    def verb(self) -> str:
        return RELATIONS[self.relation][2]

    def describe(self) -> str:
        return f"{self.old.label} bị {self.verb} bởi {self.new.label}"


@dataclass(frozen=True)
class Impact:
    change: LegalChange
    document: Document
    citation: CitedNumber
    due: date
    state: str             # updated | due | overdue
    days_left: int


def legal_changes(register: LegalRegister) -> list[LegalChange]:
    """Every change recorded in the register, from either side of the relation. A change
    counts only once the changing document is itself in the register with an effective date:
    adding it is what starts the clock."""
    found = {}
    for doc in register.documents.values():
        for relation, (on_old, on_new, _) in RELATIONS.items():
            for number in getattr(doc, on_old):
                new = register.get(number)
                if new is not None:
                    found[(doc.number, new.number, relation)] = LegalChange(doc, new, relation)
            for number in getattr(doc, on_new):
                old = register.get(number)
                if old is not None:
                    found[(old.number, doc.number, relation)] = LegalChange(old, doc, relation)
    return sorted((c for c in found.values() if c.date is not None),
                  key=lambda c: (c.date, c.old.number, c.new.number))


def citation_index(catalog: Catalog) -> dict[str, list[tuple[Document, CitedNumber]]]:
    """Legal number → (document, citation) for every citation, front matter and text. One pass."""
    index: dict[str, list] = {}
    for doc in catalog.documents:
        for cited in legal_citations(doc):
            index.setdefault(cited.text, []).append((doc, cited))
    return index


def impacts(catalog: Catalog) -> list[Impact]:
    """Effective documents citing a changed legal document, once the change has taken effect."""
    return catalog.memo("impacts", lambda: _impacts(catalog))


def changes_of(catalog: Catalog) -> list[LegalChange]:
    return catalog.memo("legal_changes", lambda: legal_changes(catalog.register))


def _impacts(catalog: Catalog) -> list[Impact]:
    months = catalog.organisation.legal_update_months
    index = catalog.memo("citations", lambda: citation_index(catalog))
    out = []
    for change in changes_of(catalog):
        if change.date > catalog.today:
            continue  # not in force yet: nothing to do
        due = add_months(change.date, months)
        seen = set()
        for doc, cited in index.get(change.old.number, []):
            if doc.status != "effective" or doc.code in seen or is_archived(doc, catalog.today):
                continue
            seen.add(doc.code)
            if doc.effective and doc.effective >= change.date:
                state = "updated"
            else:
                state = "overdue" if catalog.today > due else "due"
            out.append(Impact(change, doc, cited, due, state, (due - catalog.today).days))
    return out


def pending_change(catalog: Catalog, doc: Document, number: str) -> LegalChange | None:
    """A dated change of `number` that `doc` has not caught up with yet (the deadline rule
    handles such a citation instead of an immediate error)."""
    for change in changes_of(catalog):
        if change.old.number == number and change.date <= catalog.today and (
                doc.effective is None or doc.effective < change.date):
            return change
    return None
