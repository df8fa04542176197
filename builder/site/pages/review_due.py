"""'Tài liệu đến hạn xem xét': effective documents whose periodic review is overdue or near.

The due date comes from the same function as the `review-overdue` rule, so the page and the
warnings never disagree. QT.01 asks the ISO secretary to remind units 30 days ahead; the page
looks 90 days ahead so that the next quarter's reviews can be planned.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from builder.addresses import page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.model import Document
from builder.markup.literal import cell
from builder.rules.review import review_due
from builder.site.generator import unindexed
from builder.site.markdown import badge, filter_bar, md_link, table
from builder.site.model import GeneratedPage

REVIEW_PAGE = "so-theo-doi/xem-xet-dinh-ky.md"
SOON_DAYS = 30
WINDOW_DAYS = 90


@dataclass(frozen=True)
class DueReview:
    document: Document
    due: date
    days_left: int

    @property
    def state(self) -> str:
        if self.days_left < 0:
            return "overdue"
        return "soon" if self.days_left <= SOON_DAYS else "upcoming"

    def state_badge(self) -> str:
        if self.state == "overdue":
            return badge(f"{L.REVIEW_STATES['overdue']} {-self.days_left} ngày", "bad")
        tone = "warn" if self.state == "soon" else "muted"
        return badge(f"{L.REVIEW_STATES[self.state]} (còn {self.days_left} ngày)", tone)


def due_reviews(catalog: Catalog, window_days: int = WINDOW_DAYS) -> list[DueReview]:
    """Overdue reviews and those due within `window_days`, soonest (most overdue) first."""
    out = []
    for doc in catalog.documents:
        due = review_due(doc, catalog)
        if due is None:
            continue
        days = (due - catalog.today).days
        if days <= window_days:
            out.append(DueReview(doc, due, days))
    return sorted(out, key=lambda r: (r.due, r.document.code))


def review_rows(reviews: list[DueReview], catalog: Catalog, from_uri: str, compact: bool = False) -> list[list[str]]:
    """Rows of REVIEW_HEADER; `compact` (the home page's box) leaves out the effective date and
    the cycle, as COMPACT_HEADER does, so the table fits beside the page's contents."""
    org = catalog.organisation
    rows = []
    for r in reviews:
        row = [f"[{cell(r.document.code)}]({md_link(from_uri, page_uri(r.document))})", cell(r.document.title),
               cell(org.unit_name(r.document.unit)), vn_date(r.document.effective),
               str(r.document.review_months or org.review_months), vn_date(r.due), r.state_badge()]
        rows.append([row[i] for i in COMPACT_COLUMNS] if compact else row)
    return rows


REVIEW_HEADER = [L.CODE, L.TITLE, L.UNIT, L.EFFECTIVE, L.REVIEW_MONTHS, L.REVIEW_DATE, L.REVIEW_STATE]
COMPACT_COLUMNS = (0, 1, 2, 5, 6)
COMPACT_HEADER = [REVIEW_HEADER[i] for i in COMPACT_COLUMNS]


def review_page(catalog: Catalog) -> GeneratedPage:
    reviews = due_reviews(catalog)
    intro = (f"Tài liệu đang áp dụng được đơn vị chủ trì xem xét lại theo chu kỳ ghi trên tài liệu (mặc định "
             f"{catalog.organisation.review_months} tháng). Danh sách gồm tài liệu quá hạn và tài liệu đến hạn "
             f"trong {WINDOW_DAYS} ngày tới, tính đến ngày {vn_date(catalog.today)}.")
    if not reviews:
        body = f"Không có tài liệu nào quá hạn hoặc đến hạn xem xét trong {WINDOW_DAYS} ngày tới."
    else:
        body = f"{filter_bar([L.UNIT])}\n\n" + unindexed(table(REVIEW_HEADER, review_rows(reviews, catalog, REVIEW_PAGE)))
    return GeneratedPage(REVIEW_PAGE, f"# {L.REVIEW_DUE}\n\n{intro}\n\n{body}\n")
