"""The site's navigation as a neutral tree: home, master list, documents by kind and by unit,
registers, records of the yearly cycle, user guide. The generator adapter turns it into its own shape."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.documents import labels as L
from builder.site.model import NavItem
from builder.site.pages.browse import browse_nav
from builder.site.pages.law_changes import LAW_CHANGES_PAGE
from builder.site.pages.legal_register import LEGAL_REGISTER_PAGE
from builder.site.pages.master_list import MASTER_LIST_PAGE
from builder.site.pages.objectives import OBJECTIVES_PAGE
from builder.site.pages.plan import PLAN_PAGE
from builder.site.pages.records import records_nav
from builder.site.pages.records.iso18091 import with_iso18091
from builder.site.pages.reference import FIELD_REFERENCE_PAGE, RULES_PAGE
from builder.site.pages.report import reports_nav
from builder.site.pages.review_due import REVIEW_PAGE
from builder.site.pages.todo import TODO_PAGE


def navigation(catalog: Catalog, home: str = "index.md", guide_pages: list[NavItem] | None = None) -> list[NavItem]:
    """Home, master list, documents by kind and by unit, registers, user guide."""
    nav = [NavItem(L.HOME, home), NavItem(L.TODO_PAGE, TODO_PAGE), NavItem(L.MASTER_LIST, MASTER_LIST_PAGE)]
    nav += browse_nav(catalog)
    nav.append(registers_nav())
    nav.append(with_iso18091(records_nav(catalog), catalog))
    nav.append(reports_nav(catalog))
    guide = list(guide_pages or []) + [NavItem(L.FIELD_REFERENCE, FIELD_REFERENCE_PAGE),
                                       NavItem(L.RULES_PAGE, RULES_PAGE)]
    nav.append(NavItem(L.USER_GUIDE, children=tuple(guide)))
    return nav


def registers_nav() -> NavItem:
    """The 'Sổ theo dõi' section. The forms index is the 'Biểu mẫu' page of the by-kind section
    (a page appears once in a nav)."""
    return NavItem(L.REGISTERS, children=(
        NavItem(L.LEGAL_REGISTER, LEGAL_REGISTER_PAGE), NavItem(L.LAW_CHANGES, LAW_CHANGES_PAGE),
        NavItem(L.REVIEW_DUE, REVIEW_PAGE), NavItem(L.OBJECTIVES_DASHBOARD, OBJECTIVES_PAGE),
        NavItem(L.PLAN_PROGRESS, PLAN_PAGE)))
