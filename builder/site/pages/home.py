"""The home page: the agency's own introduction (site_config/docs/index.md, edited by the
document controller) followed by what changes daily: the latest issued documents, the
documents due for review, and the way into the registers and the documents by kind."""
from __future__ import annotations

from builder.addresses import issue_page_uri, page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.schema import KIND_PLURALS
from builder.markup.literal import cell
from builder.site.generator import unindexed
from builder.site.markdown import md_link, table
from builder.site.model import GeneratedPage
from builder.site.pages.browse import kind_uri
from builder.site.pages.legal_register import LEGAL_REGISTER_PAGE
from builder.site.pages.master_list import MASTER_LIST_PAGE
from builder.site.pages.objectives import OBJECTIVES_PAGE
from builder.site.pages.plan import PLAN_PAGE
from builder.site.pages.records.acknowledgements import \
    home_section as acknowledgement_section
from builder.site.pages.review_due import (COMPACT_HEADER, REVIEW_PAGE,
                                           SOON_DAYS, due_reviews, review_rows)
from builder.site.pages.todo import HEADER as TODO_HEADER
from builder.site.pages.todo import TODO_PAGE, todo_rows, todos

HOME_PAGE = "index.md"
LATEST_COUNT = 8
DEFAULT_INTRO = "# Hệ thống quản lý chất lượng\n"


def latest_section(catalog: Catalog) -> str:
    docs = sorted((d for d in catalog.documents if d.code and d.status == "effective" and d.effective),
                  key=lambda d: (d.effective, d.code), reverse=True)[:LATEST_COUNT]
    rows = [[vn_date(d.effective), f"[{cell(d.code)}]({md_link(HOME_PAGE, page_uri(d))})", cell(d.title),
             revision_label(d.revision)] for d in docs]
    return f"## {L.LATEST}\n\n" + (unindexed(table([L.EFFECTIVE, L.CODE, L.TITLE, L.REVISION], rows)) if rows else L.NONE)


def pending_section(catalog: Catalog) -> str:
    """Approved issues whose day has not come: staff see what will change, and when."""
    if not catalog.pending:
        return ""
    docs = sorted(catalog.pending.values(), key=lambda d: (d.effective, d.code))
    rows = [[vn_date(d.effective), f"[{cell(d.code)}]({md_link(HOME_PAGE, issue_page_uri(d.code, d.revision))})",
             cell(d.title), revision_label(d.revision)] for d in docs]
    return f"## {L.PENDING}\n\n" + unindexed(table([L.EFFECTIVE, L.CODE, L.TITLE, L.REVISION], rows))


def review_section(catalog: Catalog) -> str:
    reviews = [r for r in due_reviews(catalog) if r.days_left <= SOON_DAYS]
    link = f"[{L.REVIEW_DUE}]({md_link(HOME_PAGE, REVIEW_PAGE)})"
    if not reviews:
        return f"## {L.REVIEW_DUE}\n\nKhông có tài liệu quá hạn hoặc đến hạn xem xét trong {SOON_DAYS} ngày tới ({link})."
    shown = reviews[:LATEST_COUNT]
    more = f" Xem đủ {len(reviews)} tài liệu tại trang {link}." if len(reviews) > len(shown) else f" Xem thêm: {link}."
    return (f"## {L.REVIEW_DUE}\n\n{len(reviews)} tài liệu quá hạn hoặc đến hạn xem xét trong {SOON_DAYS} ngày "
            f"tới.{more}\n\n" + unindexed(table(COMPACT_HEADER, review_rows(shown, catalog, HOME_PAGE, compact=True))))


def attention_section(catalog: Catalog) -> str:
    """The first items of the to-do list (overdue first), and the way to the whole list."""
    items = todos(catalog, HOME_PAGE)
    if not items:
        return f"## {L.ATTENTION}\n\n{L.TODO_NONE}"
    shown = items[:LATEST_COUNT]
    link = f"[{L.TODO_PAGE}]({md_link(HOME_PAGE, TODO_PAGE)})"
    more = " " + L.TODO_MORE.format(count=len(items), link=link)
    return (f"## {L.ATTENTION}\n\n{len(items)} việc quá hạn hoặc đến hạn.{more}\n\n"
            + unindexed(table(TODO_HEADER, todo_rows(shown))))


def registers_section(catalog: Catalog) -> str:
    def go(label, uri, what):
        return f"- [{label}]({md_link(HOME_PAGE, uri)}): {what}"

    items = [go(L.MASTER_LIST, MASTER_LIST_PAGE, f"{len(catalog.documents)} tài liệu, lọc theo đơn vị, loại, tình trạng"),
             go(L.FORMS_INDEX, kind_uri("form"), "tải biểu mẫu bản PDF và Word"),
             go(L.LEGAL_REGISTER, LEGAL_REGISTER_PAGE,
                f"{len(catalog.register.documents)} văn bản, tình trạng hiệu lực và tài liệu viện dẫn"),
             go(L.TODO_PAGE, TODO_PAGE, "mọi việc quá hạn, đến hạn và đơn vị chủ trì"),
             go(L.REVIEW_DUE, REVIEW_PAGE, "tài liệu quá hạn, đến hạn xem xét định kỳ"),
             go(L.OBJECTIVES_DASHBOARD, OBJECTIVES_PAGE, "chỉ tiêu, kết quả từng kỳ, đạt hay chưa đạt"),
             go(L.PLAN_PROGRESS, PLAN_PAGE, "nội dung, thời gian, đơn vị chủ trì, tình trạng")]
    kinds = [f"[{label}]({md_link(HOME_PAGE, kind_uri(kind))}) ({len(catalog.of_kind(kind))})"
             for kind, label in KIND_PLURALS.items() if catalog.of_kind(kind)]
    return (f"## {L.REGISTERS}\n\n" + "\n".join(items) + f"\n\n## {L.BY_KIND}\n\n" + " · ".join(kinds))


def home_page(catalog: Catalog, intro: str | None = None) -> GeneratedPage:
    """Intro as written, then the generated sections."""
    parts = [(intro or DEFAULT_INTRO).strip(), attention_section(catalog), pending_section(catalog),
             latest_section(catalog), acknowledgement_section(catalog, HOME_PAGE, LATEST_COUNT),
             review_section(catalog), registers_section(catalog)]
    return GeneratedPage(HOME_PAGE, "\n\n".join(p for p in parts if p) + "\n")
