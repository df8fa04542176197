"""The legal register: the legal documents an agency relies on, their validity and relations."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

LEGAL_STATUSES = ("Còn hiệu lực", "Hết hiệu lực một phần", "Hết hiệu lực toàn bộ",
                  "Chưa có hiệu lực", "Ngưng hiệu lực")
REPEALED = "Hết hiệu lực toàn bộ"


@dataclass
class LegalDocument:
    number: str
    type: str
    title: str
    issuer: str
    issued: date | None
    effective: date | None
    status: str
    replaces: list[str] = field(default_factory=list)
    replaced_by: list[str] = field(default_factory=list)
    amends: list[str] = field(default_factory=list)
    amended_by: list[str] = field(default_factory=list)
    guides: list[str] = field(default_factory=list)
    repeals: list[str] = field(default_factory=list)
    repealed_by: list[str] = field(default_factory=list)
    line: int = 1

    @property
    def label(self) -> str:
        """'Nghị định số 30/2020/NĐ-CP' as it reads in prose."""
        return f"{self.type} số {self.number}"


@dataclass
class LegalRegister:
    documents: dict[str, LegalDocument] = field(default_factory=dict)
    path: str = "site_config/legal_register.yml"

    def get(self, number: str) -> LegalDocument | None:
        return self.documents.get(number)

    def replacement_of(self, number: str) -> list[LegalDocument]:
        """Documents recorded as replacing `number`, from either side of the relation."""
        doc = self.get(number)
        numbers = set(doc.replaced_by) if doc else set()
        numbers |= {d.number for d in self.documents.values() if number in d.replaces}
        return [self.documents[n] for n in sorted(numbers) if n in self.documents]
