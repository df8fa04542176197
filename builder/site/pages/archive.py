"""Pages of superseded issues (read-only, stamped 'HẾT HIỆU LỰC') and 'what changed' views between issues."""
from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Callable

from builder.addresses import (DOCS_FOLDER, diff_page_uri, issue_page_uri,
                               superseded_pdf_path)
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.model import Document
from builder.documents.text import slug
from builder.markup.literal import cell
from builder.revisions.text_diff import diff_markdown
from builder.site.body import body_section
from builder.site.markdown import esc, href
from builder.site.model import GeneratedPage
from builder.site.pages.document import document_page
from builder.site.pages.issue_history import _relative, issue_documents

FIELD_LABELS = {"title": "Tên tài liệu", "legal_basis": "Căn cứ pháp lý", "forms": "Biểu mẫu",
                "references": "Tài liệu liên quan", "procedure": "Quy trình gốc"}


def superseded_page(current: Document, old: Document, catalog: Catalog) -> GeneratedPage:
    """A former issue, rendered as it was, under a 'HẾT HIỆU LỰC' banner."""
    uri = issue_page_uri(current.code, old.revision)
    frozen = replace(old, status="superseded", path=current.path)
    content = document_page(frozen, catalog, uri).content
    banner = (f'!!! danger "{L.SUPERSEDED_BANNER}"\n\n'
              f"    Đây là lần ban hành {revision_label(old.revision)} (hiệu lực {vn_date(old.effective)}), "
              f"đã được thay thế. Bản hiện hành là lần ban hành {revision_label(current.revision)}: "
              f"[{cell(current.code)} {cell(current.title)}]({_relative(uri, f'{DOCS_FOLDER}/{slug(current.code)}.md')}).\n")
    pdf = href(uri, superseded_pdf_path(current.code, old.revision))
    download = (f'<p class="qms-print-files"><a href="{esc(pdf)}">{esc(L.SUPERSEDED_PDF)}</a></p>'
                if old.status in ("effective", "withdrawn") else "")
    heading, _, rest = content.partition("\n\n")
    return GeneratedPage(uri, f"{heading} (lần ban hành {revision_label(old.revision)})\n\n{banner}\n{download}\n\n{rest}")


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


def changes_page(current: Document, old: Document, new: Document, catalog: Catalog) -> GeneratedPage:
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
    marked = body_section(replace(new, path=current.path), catalog, uri, body) if count else ""
    return GeneratedPage(uri, "\n\n".join(intro) + "\n\n" + marked + "\n")


def archive_makers(catalog: Catalog) -> dict[str, Callable[[], GeneratedPage]]:
    """Every former issue's page and every 'what changed' view, by source path, each made only
    when asked (the preview renders the page being looked at, not a thousand others)."""
    makers = {}
    for doc in catalog.documents:
        if not doc.code:
            continue
        issues = issue_documents(doc, catalog)
        for rev, old in issues.items():
            if rev != doc.revision:
                makers[issue_page_uri(doc.code, old.revision)] = partial(superseded_page, doc, old, catalog)
            if rev - 1 in issues:
                makers[diff_page_uri(doc.code, old.revision)] = partial(changes_page, doc, issues[rev - 1], old, catalog)
    return makers


def archive_pages(catalog: Catalog) -> list[GeneratedPage]:
    return [make() for make in archive_makers(catalog).values()]
