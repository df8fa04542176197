"""Browsing by kind and by unit: one index page per kind and per unit, and the site navigation.

Why index pages rather than every document in the sidebar: MkDocs renders the navigation into
every page, so a sidebar listing 1,000 documents makes every page hundreds of kilobytes. The
sidebar lists a kind's documents only while they are few (`NAV_DOCUMENTS_LIMIT`); past that,
the kind's index page (with filters) and search take over, and the HTML of a document page
stays the same size however many documents the system holds.
"""
from __future__ import annotations

from functools import partial
from typing import Callable

from builder.addresses import page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.model import Document
from builder.documents.schema import KIND_PLURALS
from builder.documents.text import slug
from builder.markup.literal import cell
from builder.site.generator import unindexed_heading, unindexed_html
from builder.site.markdown import (esc, filter_bar, html_table, page_link,
                                   status_badge)
from builder.site.model import GeneratedPage, NavItem, embed_html
from builder.site.pages.print_files import download_links

NAV_DOCUMENTS_LIMIT = 30


def kind_uri(kind: str) -> str:
    return f"loai/{slug(KIND_PLURALS.get(kind, kind))}/index.md"


def unit_uri(unit: str) -> str:
    return f"don-vi/{slug(unit)}.md"


def by_code(docs) -> list[Document]:
    return sorted((d for d in docs if d.code), key=lambda d: d.code)


def document_row(doc: Document, catalog: Catalog, from_uri: str, unit: bool = True) -> list[str]:
    """Code (linked), title, issue, effective date, [unit], status: the columns staff scan."""
    row = [page_link(from_uri, page_uri(doc), doc.code), esc(doc.title),
           revision_label(doc.revision), vn_date(doc.effective) or L.NONE]
    if unit:
        row.append(esc(catalog.organisation.unit_name(doc.unit)))
    return row + [status_badge(doc.status)]


def form_row(doc: Document, catalog: Catalog, from_uri: str) -> list[str]:
    parent = catalog.get(doc.procedure) if doc.procedure else None
    parent_cell = (f"{page_link(from_uri, page_uri(parent), parent.code)} {esc(parent.title)}"
                   if parent else esc(doc.procedure or L.NONE))
    return [page_link(from_uri, page_uri(doc), doc.code), esc(doc.title), parent_cell,
            revision_label(doc.revision), vn_date(doc.effective) or L.NONE, status_badge(doc.status),
            download_links(doc, from_uri)]


DOC_HEADER = [L.CODE, L.TITLE, L.REVISION, L.EFFECTIVE, L.UNIT, L.STATUS]
FORM_HEADER = [L.CODE, L.TITLE, L.PARENT_SHORT, L.REVISION, L.EFFECTIVE, L.STATUS, L.DOWNLOAD]


def forms_index_page(catalog: Catalog) -> GeneratedPage:
    """'Danh mục biểu mẫu': every form with its procedure and its PDF and Word files."""
    uri = kind_uri("form")
    forms = by_code(catalog.of_kind("form"))
    intro = (f"{len(forms)} biểu mẫu. Luôn tải biểu mẫu từ trang này để dùng đúng lần ban hành hiện hành; "
             "biểu mẫu có tình trạng khác «Đang áp dụng» không được sử dụng.")
    rows = [form_row(d, catalog, uri) for d in forms]
    return GeneratedPage(uri, f"# {L.FORMS_INDEX}\n\n{intro}\n\n{filter_bar([L.PARENT_SHORT, L.STATUS])}\n\n"
                              f"{embed_html(unindexed_html(html_table(FORM_HEADER, rows)))}\n")


def kind_page(kind: str, catalog: Catalog) -> GeneratedPage:
    """Index of one kind of document, filterable by unit and status."""
    if kind == "form":
        return forms_index_page(catalog)
    uri = kind_uri(kind)
    docs = by_code(catalog.of_kind(kind))
    rows = [document_row(d, catalog, uri) for d in docs]
    body = (f"{filter_bar([L.UNIT, L.STATUS])}\n\n{embed_html(unindexed_html(html_table(DOC_HEADER, rows)))}"
            if docs else "Chưa có tài liệu.")
    return GeneratedPage(uri, f"# {KIND_PLURALS.get(kind, kind)}\n\n{len(docs)} {L.COUNT_DOCUMENTS}.\n\n{body}\n")


def units_with_documents(catalog: Catalog) -> list[str]:
    """Unit ids that own at least one document, in the order of organisation.yml."""
    owners = {d.unit for d in catalog.documents if d.code}
    ordered = [u for u in catalog.organisation.units if u in owners]
    return ordered + sorted(owners - set(ordered))


def unit_page(unit: str, catalog: Catalog) -> GeneratedPage:
    """A unit's documents, one table per kind."""
    uri = unit_uri(unit)
    org = catalog.organisation
    docs = [d for d in catalog.documents if d.unit == unit and d.code]
    out = [f"# {cell(org.unit_name(unit))}", f"{len(docs)} {L.COUNT_DOCUMENTS} do đơn vị chủ trì soạn thảo."]
    info = org.units.get(unit)
    if info and info.dissolved:
        successor = org.unit_name(info.successor) if info.successor else L.NONE
        out.append(f'!!! warning "Đơn vị đã giải thể từ {vn_date(info.dissolved)}"\n\n'
                   f"    Đơn vị kế thừa: {cell(successor)}.")
    header = [h for h in DOC_HEADER if h != L.UNIT]
    for kind in KIND_PLURALS:
        of_kind = by_code(d for d in docs if d.kind == kind)
        if of_kind:
            rows = [document_row(d, catalog, uri, unit=False) for d in of_kind]
            out.append(unindexed_heading(KIND_PLURALS[kind]) + "\n\n" + embed_html(unindexed_html(html_table(header, rows))))
    return GeneratedPage(uri, "\n\n".join(out) + "\n")


def browse_makers(catalog: Catalog) -> dict[str, Callable[[], GeneratedPage]]:
    """The page of each kind and of each unit, by source path, made when asked."""
    kinds = [k for k in KIND_PLURALS if catalog.of_kind(k) or k == "form"]
    makers = {kind_uri(k): partial(kind_page, k, catalog) for k in kinds}
    makers.update({unit_uri(u): partial(unit_page, u, catalog) for u in units_with_documents(catalog)})
    return makers


def browse_pages(catalog: Catalog) -> list[GeneratedPage]:
    return [make() for make in browse_makers(catalog).values()]


def browse_nav(catalog: Catalog, limit: int = NAV_DOCUMENTS_LIMIT) -> list[NavItem]:
    """Nav sections 'Theo loại tài liệu' and 'Theo đơn vị'. A kind lists its documents in the
    sidebar only while it has at most `limit` of them (see the module docstring)."""
    kinds = []
    for kind, label in KIND_PLURALS.items():
        docs = by_code(catalog.of_kind(kind))
        if not docs and kind != "form":
            continue
        if docs and len(docs) <= limit:
            kinds.append(NavItem(label, kind_uri(kind), tuple(NavItem(f"{d.code} {d.title}", page_uri(d)) for d in docs)))
        else:
            kinds.append(NavItem(label, kind_uri(kind)))
    units = [NavItem(catalog.organisation.unit_name(u), unit_uri(u)) for u in units_with_documents(catalog)]
    return [NavItem(L.BY_KIND, children=tuple(kinds)), NavItem(L.BY_UNIT, children=tuple(units))]

