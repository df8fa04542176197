"""The pull-request gate: what a branch changes relative to a base, and its review summary."""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.labels import revision_label
from builder.documents.model import Document
from builder.findings.finding import Severity
from builder.findings.report import _cell, summary_line
from builder.findings.rule_texts import (CACHE_COMMITTED, CODE_UNIQUE,
                                         CONFIG_INVALID, DOCUMENT_DELETED,
                                         FORM_MISSING, FORM_PARENT,
                                         FORM_PARENT_MISMATCH, FORM_UNLISTED,
                                         HISTORY_SHALLOW,
                                         RECORD_CLOSED_REWRITTEN, RECORD_ID,
                                         RECORD_LINK, REFERENCE_UNRESOLVED,
                                         REGISTER_INVALID,
                                         WITHDRAWN_CODE_REUSED)
from builder.revisions.git_source import ORGANISATION, RECORDS
from builder.signing.signoff import FOLDER as SIGNATURES
from builder.signing.status import describe, verdict

# Rules about the repository as a whole: reported even for files the branch did not touch.
REPOSITORY_WIDE = {rule.id for rule in (
    CODE_UNIQUE, FORM_MISSING, FORM_PARENT_MISMATCH, FORM_PARENT, FORM_UNLISTED, REFERENCE_UNRESOLVED,
    DOCUMENT_DELETED, WITHDRAWN_CODE_REUSED, HISTORY_SHALLOW, CONFIG_INVALID, REGISTER_INVALID, CACHE_COMMITTED,
    RECORD_CLOSED_REWRITTEN, RECORD_LINK, RECORD_ID)}
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


@dataclass
class ChangedDocument:
    current: Document | None
    base: Document | None

    @property
    def code(self) -> str:
        return (self.current or self.base).code

    @property
    def title(self) -> str:
        return (self.current or self.base).title

    @property
    def path(self) -> str:
        return (self.current or self.base).path


def changed_documents(catalog: Catalog) -> list[ChangedDocument]:
    """Documents whose file (or a form's original Word file) differs from the base, plus
    documents that disappeared."""
    if catalog.base is None:
        return []
    changed = catalog.base.changed_paths
    signed = {path.split("/")[1] for path in changed if path.startswith(SIGNATURES + "/") and path.count("/") >= 2}
    out = [ChangedDocument(d, catalog.base.documents.get(d.code)) for d in catalog.documents
           if d.path in changed or d.attachment in changed or d.code in signed]
    out += [ChangedDocument(None, b) for code, b in catalog.base.documents.items() if catalog.get(code) is None]
    return sorted(out, key=lambda c: c.code)


def gate_findings(findings, catalog: Catalog) -> list:
    """Findings of the changed documents and records, of the configuration, and repository-wide
    consistency."""
    if catalog.base is None:
        return list(findings)
    paths = {c.path for c in changed_documents(catalog)}
    paths |= {p for p in catalog.base.changed_paths if p.startswith(RECORDS + "/")}
    return [f for f in findings
            if f.path in paths or f.rule in REPOSITORY_WIDE or f.path.startswith("site_config/")]


def sections(body: str) -> dict[str, str]:
    """Body text by heading ('' for text before the first heading)."""
    out, heading, lines = {}, "", []
    for line in body.split("\n"):
        m = _HEADING.match(line)
        if m:
            out[heading] = "\n".join(lines).strip()
            heading, lines = m.group(2), []
        else:
            lines.append(line.rstrip())
    out[heading] = "\n".join(lines).strip()
    return out


def changed_sections(old: Document | None, new: Document | None) -> list[str]:
    """Headings whose text was added, removed or changed."""
    if old is None or new is None:
        return ["(toàn bộ)"]
    a, b = sections(old.body), sections(new.body)
    names = [h for h in b if a.get(h) != b[h]] + [h for h in a if h not in b]
    return [h or "(phần mở đầu)" for h in names]


def signature_summary(catalog: Catalog, docs: list[Document]) -> list[str]:
    """Who signed each sign-off of the changed documents, and whether the signature verifies."""
    org = catalog.organisation
    keys_changed = catalog.base is not None and ORGANISATION in catalog.base.changed_paths
    if org.signatures == "off" or not (docs or keys_changed):
        return []
    out = ["", f"### {L.DIGITAL_SIGNATURE}", ""]
    if catalog.base is not None and ORGANISATION in catalog.base.changed_paths:
        out += [L.KEYS_CHANGED, ""]
    out += ["| Mã hiệu | Lần ký | Người ký | Kiểm tra chữ ký |", "|---|---|---|---|"]
    for doc in docs:
        for key, role in L.SIGNOFF_COLUMNS.items():
            if key in doc.signoffs:
                found = verdict(doc, key, catalog)
                out.append(f"| {_cell(doc.code)} | {role} | {_cell(org.person_name(doc.signoffs[key].by))} | "
                           f"{_cell(describe(found))} |")
    return out


def review_summary(catalog: Catalog, findings) -> str:
    """Markdown for a pull-request comment: the changed documents and the procedures whose forms changed."""
    changed = changed_documents(catalog)
    org = catalog.organisation
    base = catalog.base
    out = [f"## Kiểm tra tài liệu so với `{base.ref}` ({base.commit[:8]})", "", summary_line(findings), ""]
    out += ["### Tài liệu thay đổi", ""]
    if not changed:
        out.append("Không có tài liệu nào thay đổi.")
    else:
        out += ["| Mã hiệu | Tên tài liệu | Lần ban hành | Mục thay đổi | Phê duyệt | Vấn đề |",
                "|---|---|---|---|---|---|"]
        for c in changed:
            old = revision_label(c.base.revision) if c.base else "mới"
            new = revision_label(c.current.revision) if c.current else "đã xóa"
            approved = c.current.signoffs.get("approved") if c.current else None
            approver = org.person_name(approved.by) if approved else "—"
            mine = [f for f in findings if f.path == c.path]
            errors = sum(f.severity is Severity.ERROR for f in mine)
            problems = (f"{errors} lỗi, {len(mine) - errors} cảnh báo" if mine else "không có")
            out.append(f"| {_cell(c.code)} | {_cell(c.title)} | {old} → {new} | "
                       f"{_cell(', '.join(changed_sections(c.base, c.current)) or '—')} | {_cell(approver)} | "
                       f"{problems} |")
    out += signature_summary(catalog, [c.current for c in changed if c.current])
    forms = [c for c in changed if (c.current or c.base).kind == "form"]
    parents = sorted({(c.current or c.base).procedure for c in forms if (c.current or c.base).procedure})
    if parents:
        out += ["", "### Quy trình có biểu mẫu thay đổi", ""]
        for code in parents:
            parent = catalog.get(code)
            codes = ", ".join(c.code for c in forms if (c.current or c.base).procedure == code)
            out.append(f"- {code} {_cell(parent.title) if parent else ''}: {codes}")
    if findings:
        out += ["", "### Chi tiết", "", "| Mức | Quy tắc | Tệp | Dòng | Nội dung |", "|---|---|---|---|---|"]
        out += [f"| {f.severity.label} | `{f.rule}` | `{_cell(f.path)}` | {f.line} | {_cell(f.message)} |"
                for f in findings]
    return "\n".join(out) + "\n"
