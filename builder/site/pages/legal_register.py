"""'Sổ văn bản pháp luật': each legal document the system relies on, its validity, how it
relates to other legal documents (with links to the replacement), and the controlled
documents that cite it, so that a change of law leads straight to the procedures to revise.
"""
from __future__ import annotations

from builder.addresses import page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import status_label
from builder.documents.model import Document
from builder.documents.text import slug
from builder.legal.citations import legal_citations
from builder.legal.register import LegalDocument
from builder.markup.literal import cell
from builder.site.generator import unindexed
from builder.site.markdown import badge, filter_bar, md_link, table
from builder.site.model import GeneratedPage

LEGAL_REGISTER_PAGE = "so-theo-doi/van-ban-phap-luat.md"

STATUS_TONES = {"Còn hiệu lực": "ok", "Hết hiệu lực một phần": "warn", "Hết hiệu lực toàn bộ": "bad",
                "Chưa có hiệu lực": "muted", "Ngưng hiệu lực": "bad"}
RELATIONS = (("replaces", "Thay thế"), ("replaced_by", "Bị thay thế bởi"), ("amends", "Sửa đổi, bổ sung"),
             ("amended_by", "Được sửa đổi, bổ sung bởi"), ("repeals", "Bãi bỏ"), ("repealed_by", "Bị bãi bỏ bởi"),
             ("guides", "Hướng dẫn"))


def anchor(number: str) -> str:
    return "vb-" + slug(number)


def citing_documents(catalog: Catalog) -> dict[str, list[Document]]:
    """Legal number → documents citing it in legal_basis or in the text (one pass)."""
    index: dict[str, list[Document]] = {}
    for doc in catalog.documents:
        if not doc.code or doc.status == "withdrawn":
            continue
        for number in dict.fromkeys(c.text for c in legal_citations(doc)):
            index.setdefault(number, []).append(doc)
    return index


def _numbers(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def relations_cell(legal: LegalDocument, catalog: Catalog) -> str:
    parts = []
    for key, label in RELATIONS:
        numbers = _numbers(getattr(legal, key, None))
        if numbers:
            links = [f"[{cell(n)}](#{anchor(n)})" if catalog.register.get(n) else cell(n) for n in numbers]
            parts.append(f"{label} {', '.join(links)}")
    return "<br>".join(parts) or L.NONE


def cited_by_cell(docs: list[Document], from_uri: str) -> str:
    links = []
    for doc in sorted(docs, key=lambda d: d.code):
        note = "" if doc.status == "effective" else f" ({status_label(doc.status).lower()})"
        links.append(f"[{cell(doc.code)}]({md_link(from_uri, page_uri(doc))}){note}")
    return ", ".join(links) or L.NONE


HEADER = [L.LEGAL_NUMBER, L.LEGAL_TYPE, L.LEGAL_SUMMARY, L.LEGAL_EFFECTIVE, L.LEGAL_STATUS, L.LEGAL_RELATIONS,
          L.CITED_BY]


def legal_register_page(catalog: Catalog) -> GeneratedPage:
    uri = LEGAL_REGISTER_PAGE
    cited = citing_documents(catalog)
    rows = []
    for legal in sorted(catalog.register.documents.values(), key=lambda d: (d.issued is None, d.issued, d.number)):
        summary = f"{cell(legal.title)} ({cell(legal.issuer)}, ban hành {vn_date(legal.issued) or L.NONE})"
        rows.append([f'<span id="{anchor(legal.number)}"></span>**{cell(legal.number)}**', cell(legal.type),
                     summary, vn_date(legal.effective) or L.NONE,
                     badge(legal.status, STATUS_TONES.get(legal.status, "muted")),
                     relations_cell(legal, catalog), cited_by_cell(cited.get(legal.number, []), uri)])
    intro = (f"{len(rows)} văn bản trong sổ theo dõi (site_config/legal_register.yml), tình trạng hiệu lực theo "
             "Cơ sở dữ liệu quốc gia về pháp luật. Cột «Tài liệu viện dẫn» liệt kê tài liệu nội bộ có văn bản "
             "trong căn cứ pháp lý hoặc trong nội dung: khi văn bản thay đổi, đó là các tài liệu cần rà soát "
             "trong 3 tháng (khoản 4 Điều 4 Quyết định số 19/2014/QĐ-TTg).")
    body = f"{filter_bar([L.LEGAL_TYPE, L.LEGAL_STATUS])}\n\n{unindexed(table(HEADER, rows))}" if rows else "Sổ chưa có văn bản."
    return GeneratedPage(uri, f"# {L.LEGAL_REGISTER}\n\n{intro}\n\n{body}\n")
