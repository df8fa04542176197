"""Markdown of the generated site pages. Plain strings: the MkDocs plugin only places them."""
from __future__ import annotations

import html
from dataclasses import dataclass

from . import labels as L
from .catalog import Catalog
from .dates import vn_date
from .legal import LEGAL_STATUSES
from .messages import RULES
from .model import Document
from .schema import BY_KIND, COMMON, KINDS, STATUSES, kinds_of
from .shapes import ListOf, Struct
from .text import slug

DOCS_FOLDER = "tai-lieu"
MASTER_LIST_PAGE = "danh-muc-tai-lieu.md"
FIELD_REFERENCE_PAGE = "huong-dan/truong-khai-bao.md"
RULES_PAGE = "huong-dan/quy-tac-kiem-tra.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str      # path as if inside docs_dir
    content: str


def page_uri(doc: Document) -> str:
    """Where a document's page lives in the site (stable: derived from its code)."""
    return f"{DOCS_FOLDER}/{slug(doc.code)}.md"


def page_url(doc: Document) -> str:
    return f"{DOCS_FOLDER}/{slug(doc.code)}/"


def issue_page_uri(code: str, revision: int) -> str:
    """Page of one issue of a document: the canonical URL printed (as a QR code) on its PDFs."""
    return f"{DOCS_FOLDER}/{slug(code)}/lan-{revision:02d}.md"


def issue_page_url(code: str, revision: int) -> str:
    return f"{DOCS_FOLDER}/{slug(code)}/lan-{revision:02d}/"


def canonical_issue_url(catalog: Catalog, code: str, revision: int) -> str:
    """Absolute intranet URL of a document issue (base URL from organisation.yml)."""
    return catalog.organisation.base_url.rstrip("/") + "/" + issue_page_url(code, revision)


def link(doc: Document, from_uri: str) -> str:
    """Relative Markdown link from the page `from_uri` to a document's page."""
    depth = from_uri.count("/")
    return "../" * depth + page_uri(doc)


def cell(text) -> str:
    """Text safe inside a Markdown table cell."""
    return html.escape(str(text if text is not None else ""), quote=False).replace("|", "&#124;").replace("\n", " ")


def unindexed_heading(title: str) -> str:
    """A heading over control data or lists repeated across pages (sign-offs, issue history,
    print files, lists of documents): its section stays out of the search index, so a search
    is answered by the document that holds the words, not by every page that repeats them."""
    return f"## {title} {{ data-search-exclude }}"


def unindexed(block: str) -> str:
    """A Markdown block (a list of documents) shown on the page but left out of search."""
    return f'<div data-search-exclude="1" markdown>\n\n{block}\n\n</div>'


def revision_label(revision: int | None) -> str:
    return f"{revision:02d}" if revision else L.NONE


def status_label(status: str) -> str:
    return STATUSES.get(status, status)


def status_badge(status: str) -> str:
    return f'<span class="qms-badge qms-badge-{html.escape(status)}">{html.escape(status_label(status))}</span>'


def control_header(doc: Document, catalog: Catalog) -> str:
    """The control block printed on every document: agency, title, code, issue, date, unit."""
    org = catalog.organisation
    e = html.escape
    rows = [(L.CODE, doc.code), (L.REVISION, revision_label(doc.revision)),
            (L.EFFECTIVE, vn_date(doc.effective) or L.NONE), (L.UNIT, org.unit_name(doc.unit))]
    first = True
    # Excluded from search: the agency block repeats on every document and the title is the h1.
    out = ['<table class="qms-control-header" data-search-exclude>']
    for label, value in rows:
        out.append("<tr>")
        if first:
            out.append(f'<td rowspan="{len(rows)}" class="qms-agency">{e(org.agency_parent.upper())}<br>'
                       f"<strong>{e(org.agency_name.upper())}</strong></td>")
            out.append(f'<td rowspan="{len(rows)}" class="qms-doc-title"><strong>'
                       f"{e(KINDS.get(doc.kind, doc.kind).upper())}</strong><br>{e(doc.title)}</td>")
            first = False
        out.append(f"<td>{e(label)}: <strong>{e(value)}</strong></td></tr>")
    out.append("</table>")
    out.append(f'<p class="qms-status-line" data-search-exclude>{e(L.STATUS)}: {status_badge(doc.status)}</p>')
    return "\n".join(out)


def signoff_block(doc: Document, catalog: Catalog) -> str:
    org = catalog.organisation
    keys = list(L.SIGNOFF_COLUMNS)
    rows = ["| | " + " | ".join(L.SIGNOFF_COLUMNS[k] for k in keys) + " |", "|---|---|---|---|"]

    def row(label, fn):
        values = [cell(fn(doc.signoffs[k])) if k in doc.signoffs else L.NONE for k in keys]
        rows.append(f"| **{label}** | " + " | ".join(values) + " |")

    row(L.NAME, lambda s: org.person_name(s.by))
    row(L.POSITION, lambda s: org.position_name(org.people[s.by].position) if s.by in org.people else "")
    row(L.DATE, lambda s: vn_date(s.date))
    approved = doc.signoffs.get("approved")
    extra = f"\n\n{L.DECISION}: {cell(approved.decision)}" if approved and approved.decision else ""
    return unindexed_heading(L.SIGNOFFS) + "\n\n" + "\n".join(rows) + extra


def change_table(doc: Document) -> str:
    rows = ["| " + " | ".join(L.CHANGE_COLUMNS) + " |", "|---|---|---|---|"]
    for r in doc.changes:
        rows.append(f"| {revision_label(r.revision)} | {vn_date(r.date)} | {cell(r.section or '')} | "
                    f"{cell(r.description or '')} |")
    return f"## {L.CHANGES}\n\n" + "\n".join(rows)


def related_section(doc: Document, catalog: Catalog, uri: str) -> str:
    """Forms of a procedure, parent of a form, legal basis and references, as links."""
    parts = []

    def doc_links(codes):
        items = []
        for code in codes:
            target = catalog.get(code)
            items.append(f"- [{cell(code)} {cell(target.title)}]({link(target, uri)})" if target else f"- {cell(code)}")
        return "\n".join(items)

    if doc.forms:
        parts.append(f"## {L.FORMS}\n\n" + doc_links(doc.forms))
    if doc.procedure:
        parts.append(f"**{L.PARENT}:** " + doc_links([doc.procedure])[2:])
    if doc.legal_basis:
        items = []
        for number in doc.legal_basis:
            legal = catalog.register.get(number)
            items.append(f"- {cell(legal.label)} ngày {vn_date(legal.issued)} của {cell(legal.issuer)}: "
                         f"{cell(legal.title)} ({cell(legal.status)})" if legal else f"- {cell(number)}")
        parts.append(f"## {L.LEGAL_BASIS}\n\n" + "\n".join(items))
    if doc.references:
        parts.append(f"## {L.REFERENCES}\n\n" + doc_links(doc.references))
    return "\n\n".join(parts)


def records_table(doc: Document, catalog: Catalog) -> str:
    if not doc.records:
        return ""
    rows = ["| " + " | ".join(L.RECORD_COLUMNS) + " |", "|---|---|---|"]
    for r in doc.records:
        rows.append(f"| {cell(r.name)} | {cell(catalog.organisation.unit_name(r.keeper))} | {cell(r.retention)} |")
    return f"## {L.RECORDS} (theo dõi)\n\n" + "\n".join(rows)


def number(value: float) -> str:
    """Vietnamese number: decimal comma (99,2)."""
    return f"{value:g}".replace(".", ",")


def measured(value: float, measure: str) -> str:
    """'98,5%' but '1 phản ánh': a word unit is spaced, a sign is not."""
    if not measure:
        return number(value)
    return f"{number(value)}{'' if measure in ('%', '‰') else ' '}{measure}"


def targets_table(doc: Document, catalog: Catalog) -> str:
    if not doc.targets:
        return ""
    rows = ["| " + " | ".join(L.TARGET_COLUMNS) + " |", "|---|---|---|---|---|---|"]
    for t in doc.targets:
        results = "; ".join(f"{r.period}: {measured(r.value, t.measure)} "
                            f"({L.MET if t.met(r.value) else L.NOT_MET})" for r in t.results) or L.NONE
        missed = [r.period for r in t.results if not t.met(r.value)]
        verdict = L.NOT_MEASURED if not t.results else (
            f"{L.NOT_MET} ({', '.join(missed)})" if missed else L.MET)
        rows.append(f"| {cell(t.id)} | {cell(t.name)} | {cell(t.op)} {cell(measured(t.target, t.measure))} | "
                    f"{cell(catalog.organisation.unit_name(t.unit))} | {cell(results)} | {cell(verdict)} |")
    return f"## {L.TARGETS}\n\n" + "\n".join(rows)


def tasks_table(doc: Document, catalog: Catalog) -> str:
    if not doc.tasks:
        return ""
    rows = ["| " + " | ".join(L.TASK_COLUMNS) + " |", "|---|---|---|---|---|"]
    for i, t in enumerate(doc.tasks, 1):
        rows.append(f"| {i} | {cell(t.content)} | {cell(t.period)} | "
                    f"{cell(catalog.organisation.unit_name(t.unit))} | {L.TASK_STATUSES.get(t.status, t.status)} |")
    return f"## {L.TASKS}\n\n" + "\n".join(rows)


def document_page(doc: Document, catalog: Catalog) -> GeneratedPage:
    from .archive import history_section  # archive builds on this module
    from .pdf.site import distribution_section, print_section  # print builds on this module

    uri = page_uri(doc)
    history = history_section(doc, catalog, uri) if doc.status != "superseded" else ""
    parts = [f"# {doc.code} {doc.title}", control_header(doc, catalog), print_section(doc, uri),
             targets_table(doc, catalog), tasks_table(doc, catalog), doc.body.strip(), records_table(doc, catalog),
             related_section(doc, catalog, uri), signoff_block(doc, catalog), change_table(doc),
             distribution_section(doc, catalog), history]
    return GeneratedPage(uri, "\n\n".join(p for p in parts if p) + "\n")


def current_issue_page(doc: Document, catalog: Catalog) -> GeneratedPage:
    """The page a QR code of the current issue leads to: it says the issue is current."""
    uri = issue_page_uri(doc.code, doc.revision)
    state = ("là **bản hiện hành**" if doc.status == "effective"
             else f"ở tình trạng **{status_label(doc.status)}**")
    text = (f"# {doc.code} lần ban hành {revision_label(doc.revision)}\n\n"
            f"{status_badge(doc.status)}\n\n"
            f"Lần ban hành {revision_label(doc.revision)} (hiệu lực {vn_date(doc.effective) or L.NONE}) của "
            f"tài liệu {cell(doc.code)} {cell(doc.title)} {state}.\n\n"
            f"[Xem tài liệu]({'../' + slug(doc.code) + '.md'})\n")
    return GeneratedPage(uri, text)


def master_list_page(catalog: Catalog) -> GeneratedPage:
    """'Danh mục tài liệu nội bộ': every document with its control data."""
    org = catalog.organisation
    header = [L.CODE, L.TITLE, L.KIND, L.REVISION, L.EFFECTIVE, L.UNIT, L.STATUS]
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for doc in sorted(catalog.documents, key=lambda d: (list(KINDS).index(d.kind) if d.kind in KINDS else 99, d.code)):
        rows.append(f"| [{cell(doc.code)}]({link(doc, MASTER_LIST_PAGE)}) | {cell(doc.title)} | "
                    f"{cell(KINDS.get(doc.kind, doc.kind))} | {revision_label(doc.revision)} | "
                    f"{vn_date(doc.effective) or L.NONE} | {cell(org.unit_name(doc.unit))} | "
                    f"{status_badge(doc.status)} |")
    intro = (f"Danh mục gồm {len(catalog.documents)} tài liệu của {cell(org.agency_name)}, "
             f"cập nhật ngày {vn_date(catalog.today)}.")
    from .site_pages.common import filter_bar  # site_pages builds on this module

    bar = filter_bar([L.KIND, L.UNIT, L.STATUS])
    return GeneratedPage(MASTER_LIST_PAGE, f"# {L.MASTER_LIST}\n\n{intro}\n\n{bar}\n\n" + unindexed("\n".join(rows)) + "\n")


def _field_rows(fields, prefix="") -> list[str]:
    rows = []
    for f in fields:
        name = f"{prefix}{f.key}"
        required = "bắt buộc" if f.required else ""
        rows.append(f"| `{name}` | {cell(f.label)} | {cell(f.description)} | {required} | `{cell(f.example)}` |")
        inner = f.shape.item if isinstance(f.shape, ListOf) else f.shape
        if isinstance(inner, Struct):
            rows += _field_rows(inner.fields, prefix=f"{name}{'[]' if isinstance(f.shape, ListOf) else ''}.")
    return rows


def field_reference_page() -> GeneratedPage:
    """'Tra cứu trường khai báo', generated from the schema itself."""
    head = "| Trường | Ý nghĩa | Mô tả | | Ví dụ |\n|---|---|---|---|---|"
    out = [f"# {L.FIELD_REFERENCE}",
           "Mỗi tài liệu là một tệp Markdown. Đầu tệp là phần khai báo nằm giữa hai dòng `---`, "
           "mỗi dòng một trường `tên_trường: giá_trị`. Ngày viết dạng `2026-01-15` hoặc `15/01/2026`. "
           "Trường không có trong trang này bị báo lỗi `unknown-key` (ví dụ gõ nhầm `revison`).",
           "Khi tài liệu ở tình trạng `effective` (đang áp dụng) hoặc `withdrawn` (hết hiệu lực), các "
           "trường `effective`, `prepared`, `reviewed`, `approved`, `changes` là bắt buộc.",
           "## Trường chung cho mọi loại tài liệu", head + "\n" + "\n".join(_field_rows(COMMON))]
    done = set()
    for kind, fields in BY_KIND.items():
        key = id(fields)
        if key in done:
            continue
        done.add(key)
        names = ", ".join(KINDS[k] for k in kinds_of(fields[0].key))
        out += [f"## Trường riêng: {names}", head + "\n" + "\n".join(_field_rows(fields))]
    out += ["## Giá trị cho phép",
            "- `kind`: " + "; ".join(f"`{k}` ({v})" for k, v in KINDS.items()),
            "- `status`: `draft` (Dự thảo); `effective` (Đang áp dụng); `withdrawn` (Hết hiệu lực)",
            "- Tình trạng hiệu lực trong sổ văn bản pháp luật: " + "; ".join(LEGAL_STATUSES)]
    return GeneratedPage(FIELD_REFERENCE_PAGE, "\n\n".join(out) + "\n")


def rules_page() -> GeneratedPage:
    out = [f"# {L.RULES_PAGE}",
           "Mỗi lần dựng trang và mỗi pull request, hệ thống kiểm tra mọi tài liệu theo các quy tắc dưới "
           "đây. **Lỗi** chặn việc xuất bản; **cảnh báo** được hiển thị nhưng không chặn. Mỗi thông báo "
           "ghi tên tệp, số dòng, mã quy tắc và cách sửa. Xem danh sách bằng lệnh `qms rules`."]
    group = None
    for rule in RULES.values():
        if rule.group != group:
            group = rule.group
            out.append(f"## {group}\n\n| Mã quy tắc | Mức | Nội dung |\n|---|---|---|")
        out[-1] += f"\n| `{rule.id}` | {rule.severity.label} | **{cell(rule.title)}**. {cell(rule.explanation)} |"
    return GeneratedPage(RULES_PAGE, "\n\n".join(out) + "\n")


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    pages = [document_page(d, catalog) for d in catalog.documents if d.code]
    from .archive import archive_pages  # archive builds on this module
    from .site_pages import site_pages
    from .site_pages.common import not_searchable, wide

    # QR landing pages, superseded issues and change views repeat the current text: not searched.
    pages += [not_searchable(current_issue_page(d, catalog)) for d in catalog.documents if d.code and d.revision]
    pages += [not_searchable(p) for p in archive_pages(catalog)]
    from .law_changes_page import legal_changes_page  # builds on this module

    return pages + [wide(master_list_page(catalog)), legal_changes_page(catalog), field_reference_page(), rules_page()] \
        + site_pages(catalog)


def navigation(catalog: Catalog, home: str = "index.md", guide_pages: list | None = None) -> list:
    """MkDocs-style nav: home, master list, documents by kind and by unit, registers, user guide."""
    from .site_pages import browse_nav, registers_nav  # site_pages builds on this module

    nav: list = [{L.HOME: home}, {L.MASTER_LIST: MASTER_LIST_PAGE}]
    nav += browse_nav(catalog)
    nav.append(registers_nav(catalog, extra=[{L.LAW_CHANGES: "van-ban-phap-luat-thay-doi.md"}]))
    guide = list(guide_pages or []) + [{L.FIELD_REFERENCE: FIELD_REFERENCE_PAGE}, {L.RULES_PAGE: RULES_PAGE}]
    nav.append({L.USER_GUIDE: guide})
    return nav
