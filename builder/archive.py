"""Pages built from git history: each document's issue history, every superseded issue
(read-only, stamped 'HẾT HIỆU LỰC'), and a readable 'what changed' view between issues."""
from __future__ import annotations

from dataclasses import replace

from . import labels as L
from .catalog import Catalog
from .dates import vn_date
from .model import Document
from .pages import (DOCS_FOLDER, GeneratedPage, cell, document_page, issue_page_uri, unindexed_heading, revision_label)
from .text import slug
from .textdiff import diff_markdown

FIELD_LABELS = {"title": "Tên tài liệu", "legal_basis": "Căn cứ pháp lý", "forms": "Biểu mẫu",
                "references": "Tài liệu liên quan", "procedure": "Quy trình gốc"}


def diff_page_uri(code: str, revision: int) -> str:
    return f"{DOCS_FOLDER}/{slug(code)}/lan-{revision:02d}-so-sanh.md"


def issue_documents(doc: Document, catalog: Catalog) -> dict[int, Document]:
    """Every issue of a document: from history, the current file for the current issue."""
    issues = {rev: v.document for rev, v in catalog.history.issues(doc.code).items()}
    if doc.revision and doc.in_force:
        issues[doc.revision] = doc
    return dict(sorted(issues.items()))


def _relative(from_uri: str, to_uri: str) -> str:
    return "../" * from_uri.count("/") + to_uri


def history_section(doc: Document, catalog: Catalog, uri: str) -> str:
    """'Lịch sử ban hành': issue, date, summary, approver, links to the issue and its changes."""
    issues = issue_documents(doc, catalog)
    if not issues:
        return ""
    summaries = {row.revision: row.description for row in doc.changes}
    rows = [f"| {' | '.join(L.HISTORY_COLUMNS)} |", "|---|---|---|---|---|"]
    for rev, version in reversed(issues.items()):
        approved = version.signoffs.get("approved")
        approver = catalog.organisation.person_name(approved.by) if approved else L.NONE
        if rev == doc.revision:
            view = L.CURRENT_ISSUE
        else:
            view = f"[{L.VIEW_ISSUE}]({_relative(uri, issue_page_uri(doc.code, rev))})"
        if rev - 1 in issues:
            view += f" · [{L.VIEW_CHANGES}]({_relative(uri, diff_page_uri(doc.code, rev))})"
        rows.append(f"| {revision_label(rev)} | {vn_date(version.effective)} | "
                    f"{cell(summaries.get(rev) or '')} | {cell(approver)} | {view} |")
    return unindexed_heading(L.HISTORY) + "\n\n" + "\n".join(rows)


def superseded_page(current: Document, old: Document, catalog: Catalog) -> GeneratedPage:
    """A former issue, rendered as it was, under a 'HẾT HIỆU LỰC' banner."""
    uri = issue_page_uri(current.code, old.revision)
    frozen = replace(old, status="superseded", path=current.path)
    content = document_page(frozen, catalog).content
    banner = (f'!!! danger "{L.SUPERSEDED_BANNER}"\n\n'
              f"    Đây là lần ban hành {revision_label(old.revision)} (hiệu lực {vn_date(old.effective)}), "
              f"đã được thay thế. Bản hiện hành là lần ban hành {revision_label(current.revision)}: "
              f"[{cell(current.code)} {cell(current.title)}]({_relative(uri, f'{DOCS_FOLDER}/{slug(current.code)}.md')}).\n")
    heading, _, rest = content.partition("\n\n")
    return GeneratedPage(uri, f"{heading} (lần ban hành {revision_label(old.revision)})\n\n{banner}\n{rest}")


def _field_changes(old: Document, new: Document) -> list[str]:
    out = []
    for key, label in FIELD_LABELS.items():
        a, b = old.front_matter.get(key), new.front_matter.get(key)
        if a == b:
            continue
        if isinstance(a, list) or isinstance(b, list):
            added = [x for x in (b or []) if x not in (a or [])]
            removed = [x for x in (a or []) if x not in (b or [])]
            parts = ([f"thêm {', '.join(map(str, added))}"] if added else []) + \
                    ([f"bỏ {', '.join(map(str, removed))}"] if removed else [])
            out.append(f"- **{label}**: {cell('; '.join(parts) or 'đổi thứ tự')}")
        else:
            out.append(f"- **{label}**: <del>{cell(a or '')}</del> <ins>{cell(b or '')}</ins>")
    return out


def changes_page(current: Document, old: Document, new: Document) -> GeneratedPage:
    """What changed from one issue to the next, highlighted in the rendered text."""
    uri = diff_page_uri(current.code, new.revision)
    body, count = diff_markdown(old.body, new.body)
    row = next((r for r in new.changes if r.revision == new.revision), None)
    intro = [f"# {current.code}: thay đổi của lần ban hành {revision_label(new.revision)} so với lần "
             f"{revision_label(old.revision)}",
             f"Lần {revision_label(old.revision)} hiệu lực {vn_date(old.effective)}; lần "
             f"{revision_label(new.revision)} hiệu lực {vn_date(new.effective)}.",
             L.DIFF_LEGEND]
    if row and row.description:
        intro.append(f"**Nội dung sửa đổi theo bảng theo dõi:** {cell(row.description)}"
                     + (f" ({cell(row.section)})" if row.section else ""))
    fields = _field_changes(old, new)
    if fields:
        intro.append("## Thông tin kiểm soát thay đổi\n\n" + "\n".join(fields))
    intro.append(f"## Nội dung ({count} dòng thay đổi)" if count else "## Nội dung\n\nNội dung không thay đổi.")
    return GeneratedPage(uri, "\n\n".join(intro) + "\n\n" + (body if count else "") + "\n")


def archive_pages(catalog: Catalog) -> list[GeneratedPage]:
    pages = []
    for doc in catalog.documents:
        if not doc.code:
            continue
        issues = issue_documents(doc, catalog)
        for rev, old in issues.items():
            if rev != doc.revision:
                pages.append(superseded_page(doc, old, catalog))
            if rev - 1 in issues:
                pages.append(changes_page(doc, issues[rev - 1], old))
    return pages
