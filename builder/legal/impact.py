"""`qms impact NUMBER`: the legal document, its relations, and every document citing it
(or a document it replaced, amended or repealed), with where the citation stands."""
from __future__ import annotations

from dataclasses import dataclass, field

from builder.catalog import Catalog
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.schema import STATUSES
from builder.legal.changes import RELATIONS, citation_index
from builder.legal.register import LegalDocument

RELATION_LABELS = {"replaces": "Thay thế", "replaced_by": "Bị thay thế bởi", "amends": "Sửa đổi, bổ sung",
                   "amended_by": "Được sửa đổi, bổ sung bởi", "repeals": "Bãi bỏ", "repealed_by": "Bị bãi bỏ bởi",
                   "guides": "Hướng dẫn"}


@dataclass(frozen=True)
class CitingDocument:
    number: str          # the number actually cited (the asked one, or one it changed)
    code: str
    title: str
    revision: int | None
    status: str
    path: str
    line: int
    where: str           # "front matter" or "nội dung"


@dataclass
class ImpactReport:
    number: str
    legal: LegalDocument | None
    relations: dict[str, list[str]] = field(default_factory=dict)
    citing: list[CitingDocument] = field(default_factory=list)


def related_numbers(legal: LegalDocument | None) -> list[str]:
    """Documents this one replaced, amended or repealed: citing them is affected too."""
    if legal is None:
        return []
    return [n for _, on_new, _ in RELATIONS.values() for n in getattr(legal, on_new)]


def impact_report(catalog: Catalog, number: str) -> ImpactReport:
    legal = catalog.register.get(number)
    report = ImpactReport(number, legal)
    if legal is not None:
        report.relations = {k: getattr(legal, k) for k in RELATION_LABELS if getattr(legal, k)}
    index = citation_index(catalog)
    for cited_number in [number] + related_numbers(legal):
        for doc, cited in index.get(cited_number, []):
            report.citing.append(CitingDocument(
                cited_number, doc.code, doc.title, doc.revision, doc.status, doc.path, cited.line,
                "phần khai báo (legal_basis)" if cited.in_front_matter else "nội dung"))
    report.citing.sort(key=lambda c: (c.number != number, c.code, c.line))
    return report


def as_text(report: ImpactReport) -> str:
    legal = report.legal
    out = []
    if legal is None:
        out.append(f"{report.number}: chưa có trong sổ văn bản pháp luật (site_config/legal_register.yml).")
    else:
        out += [f"{legal.label}: {legal.title}",
                f"  Cơ quan ban hành: {legal.issuer}; ngày ban hành {vn_date(legal.issued)}; "
                f"hiệu lực {vn_date(legal.effective)}",
                f"  Tình trạng: {legal.status}"]
        for key, numbers in report.relations.items():
            out.append(f"  {RELATION_LABELS[key]}: {', '.join(numbers)}")
    if not report.citing:
        out.append("Không có tài liệu nào viện dẫn văn bản này.")
        return "\n".join(out)
    out.append(f"Tài liệu viện dẫn ({len({c.code for c in report.citing})}):")
    for c in report.citing:
        via = "" if c.number == report.number else f" [viện dẫn {c.number}]"
        out.append(f"  {c.code} lần {revision_label(c.revision)} ({STATUSES.get(c.status, c.status)}) "
                   f"{c.title}: {c.path}:{c.line}, {c.where}{via}")
    return "\n".join(out)


def as_dict(report: ImpactReport) -> dict:
    legal = report.legal
    return {
        "number": report.number,
        "legal": None if legal is None else {
            "type": legal.type, "title": legal.title, "issuer": legal.issuer, "status": legal.status,
            "issued": legal.issued.isoformat() if legal.issued else None,
            "effective": legal.effective.isoformat() if legal.effective else None},
        "relations": report.relations,
        "citing": [c.__dict__ for c in report.citing],
    }
