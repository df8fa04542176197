"""'Danh mục tài liệu nội bộ': every document with its control data."""
from __future__ import annotations

from builder.addresses import page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.schema import KINDS
from builder.markup.literal import cell
from builder.site.generator import unindexed_html
from builder.site.markdown import (esc, filter_bar, html_table, page_link,
                                   status_badge)
from builder.site.model import GeneratedPage, embed_html

MASTER_LIST_PAGE = "danh-muc-tai-lieu.md"


def master_list_page(catalog: Catalog) -> GeneratedPage:
    """'Danh mục tài liệu nội bộ': every document with its control data."""
    org = catalog.organisation
    header = [L.CODE, L.TITLE, L.KIND, L.REVISION, L.EFFECTIVE, L.UNIT, L.STATUS]
    rows = []
    for doc in sorted(catalog.documents, key=lambda d: (list(KINDS).index(d.kind) if d.kind in KINDS else 99, d.code)):
        rows.append([page_link(MASTER_LIST_PAGE, page_uri(doc), doc.code), esc(doc.title),
                     esc(KINDS.get(doc.kind, doc.kind)), revision_label(doc.revision),
                     vn_date(doc.effective) or L.NONE, esc(org.unit_name(doc.unit)), status_badge(doc.status)])
    intro = (f"Danh mục gồm {len(catalog.documents)} tài liệu của {cell(org.agency_name)}, "
             f"cập nhật ngày {vn_date(catalog.today)}.")

    bar = filter_bar([L.KIND, L.UNIT, L.STATUS])
    return GeneratedPage(MASTER_LIST_PAGE, f"# {L.MASTER_LIST}\n\n{intro}\n\n{bar}\n\n"
                                           f"{embed_html(unindexed_html(html_table(header, rows)))}\n")
